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
  for (const item of link?.qw?.split(',') ?? []) {
    const [id = '', weightText = ''] = item.split(':');
    const weight = Number(weightText);
    if (isQualityRuleId(id) && weight >= 0 && weight <= RULE_WEIGHT_MAX) settings = setRule(settings, id, { weight });
    else ignored.push(`qw=${item}`);
  }
  for (const item of link?.qm?.split(',') ?? []) {
    const [dimension = '', weightText = ''] = item.split(':');
    const weight = Number(weightText);
    if (isQualityDimension(dimension) && weight >= 0 && weight <= DIMENSION_WEIGHT_MAX) settings = setDimensionWeight(settings, dimension, weight);
    else ignored.push(`qm=${item}`);
  }
  return { settings, ignored };
}
