/** The lookup import's report texts (English): loaded with the Import page, not the app's first chunk. */
export const lookupReportEn = {
  lookupReport: {
    key: 'Joined on',
    keyValue: 'its “{{column}}” = the leads’ {{leadColumn}}',
    columns: 'New lead dimensions',
    unmatched_one: '{{count}} of {{of}} values of {{column}} has no row in this file ({{examples}}).',
    unmatched_other: '{{count}} of {{of}} values of {{column}} have no row in this file ({{examples}}).',
    allMatched: 'Every one of the {{of}} values of {{column}} has a row in this file.',
    repeated_one: '{{count}} key occurs again further down: its first row is used.',
    repeated_other: '{{count}} keys occur again further down: their first rows are used.',
  },
};
