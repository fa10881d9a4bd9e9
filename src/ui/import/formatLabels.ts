/** strptime → what users read: %d.%m.%Y → dd.mm.yyyy */
export const readableDateFormat = (format: string) =>
  format === 'excel-serial'
    ? 'Excel'
    : format.replace('%d', 'dd').replace('%m', 'mm').replace('%Y', 'yyyy').replace('%y', 'yy').replace('%H', 'hh').replace('%M', 'mm').replace('%S', 'ss');

export const DELIMITER_NAMES: Readonly<Record<string, string>> = { ',': ',', ';': ';', '\t': 'Tab', '|': '|' };
