import type { QualityRuleId } from './rules';

/**
 * Why a lead loses points, per rule, in plain English: the ETL's report and the app's English texts
 * (the German is in the app's texts). Apart from the rules: the app's first chunk reads the rules for
 * links, not these words.
 */
export const RULE_REASONS: Readonly<Record<QualityRuleId, string>> = {
  email_missing: 'No e-mail address',
  company_missing: 'No company',
  phone_missing: 'No phone number',
  contact_missing: 'No contact name',
  country_missing: 'No country',
  email_invalid: 'E-mail address not in valid syntax',
  phone_implausible: 'Phone number not plausible for its country',
  country_invalid: 'Country not an ISO 3166 code',
  placeholder_value: 'A placeholder instead of a value ("unknown", "test@test.de", "0000000")',
  date_in_future: 'A date in the future',
  stage_dates_out_of_order: 'Stage dates out of pipeline order',
  closed_before_created: 'Closed before it was created',
  duplicate: 'A later entry of a lead already in the data',
  won_without_amount: 'Won without an amount',
  stage_behind_dates: 'Stage behind its own dates',
  never_contacted: 'Never contacted (dead file, "Karteileiche")',
};
