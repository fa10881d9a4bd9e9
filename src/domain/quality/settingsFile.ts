import { DEAD_FILE_DAYS_RANGE, DEFAULT_QUALITY_SETTINGS, DIMENSION_WEIGHT_MAX, isQualityDimension, isQualityRuleId, QUALITY_DIMENSIONS, QUALITY_RULES, RULE_WEIGHT_MAX, setDimensionWeight, setRule, type QualitySettings } from './rules';

/**
 * The team's data-quality rules as a file for the ETL (`--quality rules.json`), written into the
 * published bundle so leadership's dashboard scores by them:
 *
 *   { "deadFileDays": 14, "off": ["phone_missing"], "weights": { "email_missing": 3 }, "dimensions": { "timeliness": 2 } }
 *
 * Every field is optional. What cannot be read is refused with its key, never skipped: the bundle
 * would otherwise score by rules nobody chose.
 */
export function parseQualitySettingsFile(json: unknown): QualitySettings {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('is not a JSON object');
  const file = json as Record<string, unknown>;
  const unknown = Object.keys(file).filter((key) => !['deadFileDays', 'off', 'weights', 'dimensions'].includes(key));
  if (unknown.length) throw new Error(`has unknown keys: ${unknown.join(', ')} (known: deadFileDays, off, weights, dimensions)`);
  let settings = DEFAULT_QUALITY_SETTINGS;
  const rules = QUALITY_RULES.map((r) => r.id).join(', ');
  if (file.deadFileDays !== undefined) {
    const days = file.deadFileDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < DEAD_FILE_DAYS_RANGE.min || days > DEAD_FILE_DAYS_RANGE.max) {
      throw new Error(`"deadFileDays" must be a whole number of days from ${DEAD_FILE_DAYS_RANGE.min} to ${DEAD_FILE_DAYS_RANGE.max}`);
    }
    settings = { ...settings, deadFileDays: days };
  }
  if (file.off !== undefined) {
    if (!Array.isArray(file.off)) throw new Error('"off" must be a list of rule ids');
    for (const id of file.off) {
      if (typeof id !== 'string' || !isQualityRuleId(id)) throw new Error(`"off" names no rule: ${JSON.stringify(id)} (rules: ${rules})`);
      settings = setRule(settings, id, { enabled: false });
    }
  }
  for (const [id, weight] of weightsOf(file.weights, { key: 'weights', names: 'rule id', noun: 'rule', plural: 'rules', known: rules, isName: isQualityRuleId, max: RULE_WEIGHT_MAX })) {
    settings = setRule(settings, id, { weight });
  }
  const dimensions = QUALITY_DIMENSIONS.join(', ');
  for (const [dimension, weight] of weightsOf(file.dimensions, { key: 'dimensions', names: 'dimension', noun: 'dimension', plural: 'dimensions', known: dimensions, isName: isQualityDimension, max: DIMENSION_WEIGHT_MAX })) {
    settings = setDimensionWeight(settings, dimension, weight);
  }
  return settings;
}

/** An object of name → whole-number weight (absent: none), each entry checked, or refused with its key. */
function weightsOf<T extends string>(
  value: unknown,
  of: { key: string; names: string; noun: string; plural: string; known: string; isName: (text: string) => text is T; max: number },
): [T, number][] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`"${of.key}" must be an object of ${of.names} → weight`);
  return Object.entries(value).map(([name, weight]) => {
    if (!of.isName(name)) throw new Error(`"${of.key}" names no ${of.noun}: ${JSON.stringify(name)} (${of.plural}: ${of.known})`);
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > of.max) throw new Error(`"${of.key}"."${name}" must be a whole number from 0 to ${of.max}`);
    return [name, weight];
  });
}
