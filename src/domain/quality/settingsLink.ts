import type { QualityLink } from './linkText';
import { DEAD_FILE_DAYS_RANGE, DEFAULT_QUALITY_SETTINGS, DIMENSION_WEIGHT_MAX, isQualityDimension, isQualityRuleId, RULE_WEIGHT_MAX, setDimensionWeight, setRule, type QualitySettings } from './rules';

/** The settings as link text: only what differs from the defaults. */
export function qualityLinkOf(settings: QualitySettings): QualityLink {
  const rules = Object.entries(settings.rules);
  const off = rules.filter(([, r]) => r?.enabled === false).map(([id]) => id);
  const weights = rules.filter(([, r]) => r?.weight !== undefined).map(([id, r]) => `${id}:${r!.weight}`);
  const dimensions = Object.entries(settings.dimensions).map(([dimension, weight]) => `${dimension}:${weight}`);
  return {
    ...(settings.deadFileDays !== DEFAULT_QUALITY_SETTINGS.deadFileDays ? { qd: String(settings.deadFileDays) } : {}),
    ...(off.length ? { qo: off.join(',') } : {}),
    ...(weights.length ? { qw: weights.join(',') } : {}),
    ...(dimensions.length ? { qm: dimensions.join(',') } : {}),
  };
}

/** The settings a link gives, and its parameters that were not understood (an unknown rule, a weight out of range), as written. */
export function settingsOfLink(link: QualityLink | undefined): { settings: QualitySettings; ignored: string[] } {
  let settings = DEFAULT_QUALITY_SETTINGS;
  const ignored: string[] = [];
  if (link?.qd !== undefined) {
    const days = Number(link.qd);
    if (days >= DEAD_FILE_DAYS_RANGE.min && days <= DEAD_FILE_DAYS_RANGE.max) settings = { ...settings, deadFileDays: days };
    else ignored.push(`qd=${link.qd}`);
  }
  for (const id of link?.qo?.split(',') ?? []) {
    if (isQualityRuleId(id)) settings = setRule(settings, id, { enabled: false });
    else ignored.push(`qo=${id}`);
  }
  for (const { name, weight, item } of weightItems(link?.qw)) {
    if (isQualityRuleId(name) && weight >= 0 && weight <= RULE_WEIGHT_MAX) settings = setRule(settings, name, { weight });
    else ignored.push(`qw=${item}`);
  }
  for (const { name, weight, item } of weightItems(link?.qm)) {
    if (isQualityDimension(name) && weight >= 0 && weight <= DIMENSION_WEIGHT_MAX) settings = setDimensionWeight(settings, name, weight);
    else ignored.push(`qm=${item}`);
  }
  return { settings, ignored };
}

/** `name:weight,name:weight` as written, each item kept to name what was not understood. */
const weightItems = (text: string | undefined) =>
  (text?.split(',') ?? []).map((item) => {
    const [name = '', weight = ''] = item.split(':');
    return { name, weight: Number(weight), item };
  });
