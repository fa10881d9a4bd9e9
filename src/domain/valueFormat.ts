/** How an export writes numbers and dates: detected from its rows, shown to the user, overridable. */
export interface ValueFormat {
  readonly decimalSeparator: '.' | ',';
  /** strptime formats (and/or 'excel-serial'), most used first, per canonical DATE column; ISO when absent. */
  readonly dateFormats: Readonly<Record<string, readonly string[]>>;
}

/** The date formats a user can choose from when the detection got a column wrong. */
export const DATE_FORMAT_CHOICES = ['%Y-%m-%d', '%d.%m.%Y', '%d.%m.%y', '%m/%d/%Y', '%d/%m/%Y', '%Y-%m-%d %H:%M:%S', '%d.%m.%Y %H:%M', 'excel-serial'] as const;
