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
  if (file.weights !== undefined) {
    if (typeof file.weights !== 'object' || file.weights === null || Array.isArray(file.weights)) throw new Error('"weights" must be an object of rule id → weight');
    for (const [id, weight] of Object.entries(file.weights)) {
      if (!isQualityRuleId(id)) throw new Error(`"weights" names no rule: ${JSON.stringify(id)} (rules: ${rules})`);
      if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > RULE_WEIGHT_MAX) {
        throw new Error(`"weights"."${id}" must be a whole number from 0 to ${RULE_WEIGHT_MAX}`);
      }
      settings = setRule(settings, id, { weight });
    }
  }
  if (file.dimensions !== undefined) {
    if (typeof file.dimensions !== 'object' || file.dimensions === null || Array.isArray(file.dimensions)) throw new Error('"dimensions" must be an object of dimension → weight');
    for (const [dimension, weight] of Object.entries(file.dimensions)) {
      if (!isQualityDimension(dimension)) throw new Error(`"dimensions" names no dimension: ${JSON.stringify(dimension)} (dimensions: ${QUALITY_DIMENSIONS.join(', ')})`);
      if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > DIMENSION_WEIGHT_MAX) {
        throw new Error(`"dimensions"."${dimension}" must be a whole number from 0 to ${DIMENSION_WEIGHT_MAX}`);
      }
      settings = setDimensionWeight(settings, dimension, weight);
    }
  }
  return settings;
}
