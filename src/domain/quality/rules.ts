/**
 * The data-quality rules (DESIGN.md "Data-quality score"): each lead loses points for every rule it
 * fails, so every lost point has a reason. A rule belongs to a dimension; a record's score is the
 * weighted mean of its dimension scores, which is 100 minus the points of the rules it fails, a
 * rule's points being its share of its dimension's weight times the dimension's share of 100.
 * The rules' conditions are SQL (src/sql/quality.ts); this module holds what users set and see.
 */
export type QualityDimension = 'completeness' | 'validity' | 'uniqueness' | 'consistency' | 'timeliness';

export const QUALITY_DIMENSIONS: readonly QualityDimension[] = ['completeness', 'validity', 'uniqueness', 'consistency', 'timeliness'];

export type QualityRuleId =
  | 'email_missing'
  | 'phone_missing'
  | 'company_missing'
  | 'contact_missing'
  | 'country_missing'
  | 'email_invalid'
  | 'phone_implausible'
  | 'placeholder_value'
  | 'country_invalid'
  | 'date_in_future'
  | 'stage_dates_out_of_order'
  | 'closed_before_created'
  | 'won_without_amount'
  | 'stage_behind_dates'
  | 'never_contacted'
  | 'duplicate';

export interface QualityRule {
  readonly id: QualityRuleId;
  readonly dimension: QualityDimension;
  /** Default weight within its dimension (a key contact field weighs more than a secondary one). */
  readonly weight: number;
}

export const QUALITY_RULES: readonly QualityRule[] = [
  { id: 'email_missing', dimension: 'completeness', weight: 2 },
  { id: 'company_missing', dimension: 'completeness', weight: 2 },
  { id: 'phone_missing', dimension: 'completeness', weight: 1 },
  { id: 'contact_missing', dimension: 'completeness', weight: 1 },
  { id: 'country_missing', dimension: 'completeness', weight: 1 },
  { id: 'email_invalid', dimension: 'validity', weight: 2 },
  { id: 'phone_implausible', dimension: 'validity', weight: 1 },
  { id: 'country_invalid', dimension: 'validity', weight: 1 },
  { id: 'placeholder_value', dimension: 'validity', weight: 1 },
  { id: 'date_in_future', dimension: 'validity', weight: 1 },
  { id: 'stage_dates_out_of_order', dimension: 'validity', weight: 1 },
  { id: 'closed_before_created', dimension: 'validity', weight: 1 },
  { id: 'duplicate', dimension: 'uniqueness', weight: 1 },
  { id: 'won_without_amount', dimension: 'consistency', weight: 2 },
  { id: 'stage_behind_dates', dimension: 'consistency', weight: 1 },
  { id: 'never_contacted', dimension: 'timeliness', weight: 1 },
];

export interface QualitySettings {
  /** Per rule: whether it counts and its weight (absent: on, at its default weight). */
  readonly rules: Readonly<Partial<Record<QualityRuleId, { readonly enabled?: boolean; readonly weight?: number }>>>;
  /** Per dimension: its weight in the score (absent: 1). */
  readonly dimensions: Readonly<Partial<Record<QualityDimension, number>>>;
  /** A lead without a first contact this many days after it was created is a dead file ("Karteileiche"). */
  readonly deadFileDays: number;
}

export const DEFAULT_QUALITY_SETTINGS: QualitySettings = { rules: {}, dimensions: {}, deadFileDays: 30 };

/** The rules that count, with the points each costs a lead that fails it (summing to 100 over all of them). */
export function rulePoints(settings: QualitySettings = DEFAULT_QUALITY_SETTINGS): { readonly rule: QualityRule; readonly points: number }[] {
  const active = QUALITY_RULES.map((rule) => ({ rule, weight: settings.rules[rule.id]?.weight ?? rule.weight, enabled: settings.rules[rule.id]?.enabled ?? true })).filter(
    (r) => r.enabled && r.weight > 0,
  );
  // Only dimensions with a rule that counts share the 100 points.
  const dimensions = QUALITY_DIMENSIONS.filter((d) => active.some((r) => r.rule.dimension === d) && (settings.dimensions[d] ?? DEFAULT_DIMENSION_WEIGHT) > 0);
  const dimensionTotal = dimensions.reduce((sum, d) => sum + (settings.dimensions[d] ?? DEFAULT_DIMENSION_WEIGHT), 0);
  return active
    .filter((r) => dimensions.includes(r.rule.dimension))
    .map((r) => {
      const inDimension = active.filter((x) => x.rule.dimension === r.rule.dimension).reduce((sum, x) => sum + x.weight, 0);
      return { rule: r.rule, points: (100 * (settings.dimensions[r.rule.dimension] ?? DEFAULT_DIMENSION_WEIGHT) * r.weight) / (dimensionTotal * inDimension) };
    });
}

/**
 * The column a rule reads, where a rule needs one: without the column in the data at all (an export
 * without phone numbers) the rule would fail every lead; it is left out instead, and said so.
 */
export const RULE_COLUMNS: Readonly<Partial<Record<QualityRuleId, string>>> = {
  email_missing: 'email',
  email_invalid: 'email',
  company_missing: 'company',
  phone_missing: 'phone',
  phone_implausible: 'phone',
  contact_missing: 'contact_name',
  country_missing: 'country',
  country_invalid: 'country',
  won_without_amount: 'amount',
  never_contacted: 'first_contact_at',
};

/** The rules that read one of these columns (`absent`: column names the data has no value in). */
export const rulesOnColumns = (absent: readonly string[]): QualityRule[] => QUALITY_RULES.filter((r) => RULE_COLUMNS[r.id] !== undefined && absent.includes(RULE_COLUMNS[r.id]!));

/** The dimensions that have a rule counting under these settings, in their order. */
export function scoredDimensions(settings: QualitySettings): QualityDimension[] {
  const rules = rulePoints(settings);
  return QUALITY_DIMENSIONS.filter((d) => rules.some((r) => r.rule.dimension === d));
}

/** The settings with every rule off whose column the data does not have (`absent`: column names). */
export function withoutAbsentColumns(settings: QualitySettings, absent: readonly string[]): QualitySettings {
  const off = rulesOnColumns(absent);
  if (off.length === 0) return settings;
  return { ...settings, rules: { ...settings.rules, ...Object.fromEntries(off.map((r) => [r.id, { ...settings.rules[r.id], enabled: false }])) } };
}

export const isQualityRuleId = (text: string): text is QualityRuleId => QUALITY_RULES.some((r) => r.id === text);

/** Bounds of what a user (or a link) may set. */
export const RULE_WEIGHT_MAX = 10;
export const DEAD_FILE_DAYS_RANGE = { min: 1, max: 365 } as const;

/**
 * The settings with one rule switched or weighted; a rule back at its defaults leaves the settings
 * (so a link carries only what differs).
 */
export function setRule(settings: QualitySettings, id: QualityRuleId, change: { readonly enabled?: boolean; readonly weight?: number }): QualitySettings {
  const rule = QUALITY_RULES.find((r) => r.id === id)!;
  const merged = { ...settings.rules[id], ...change };
  const kept = {
    ...(merged.enabled === false ? { enabled: false } : {}),
    ...(merged.weight !== undefined && merged.weight !== rule.weight ? { weight: merged.weight } : {}),
  };
  const { [id]: _old, ...others } = settings.rules;
  return { ...settings, rules: Object.keys(kept).length ? { ...others, [id]: kept } : others };
}

/** A dimension's weight where the settings name none: the five share the 100 points alike. */
export const DEFAULT_DIMENSION_WEIGHT = 1;
/** Bounds of a dimension's weight (0 leaves the dimension out of the score). */
export const DIMENSION_WEIGHT_MAX = 10;

export const isQualityDimension = (text: string): text is QualityDimension => (QUALITY_DIMENSIONS as readonly string[]).includes(text);

/** The settings with one dimension weighted; back at the default it leaves the settings (so a link carries only what differs). */
export function setDimensionWeight(settings: QualitySettings, dimension: QualityDimension, weight: number): QualitySettings {
  const { [dimension]: _old, ...others } = settings.dimensions;
  return { ...settings, dimensions: weight === DEFAULT_DIMENSION_WEIGHT ? others : { ...others, [dimension]: weight } };
}

/** Each dimension's share of the 100 points under these settings (0 where none of its rules counts). */
export function dimensionPoints(settings: QualitySettings): ReadonlyMap<QualityDimension, number> {
  const points = new Map(QUALITY_DIMENSIONS.map((d) => [d, 0]));
  for (const { rule, points: p } of rulePoints(settings)) points.set(rule.dimension, points.get(rule.dimension)! + p);
  return points;
}
