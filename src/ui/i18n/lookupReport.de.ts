import type { Widen } from './en';
import type { lookupReportEn } from './lookupReport.en';

/** Die Texte des Berichts eines Lookup-Imports (Deutsch). */
export const lookupReportDe: Widen<typeof lookupReportEn> = {
  lookupReport: {
    key: 'Angefügt über',
    keyValue: 'ihre Spalte „{{column}}“ = {{leadColumn}} der Leads',
    columns: 'Neue Merkmale der Leads',
    unmatched_one: '{{count}} von {{of}} Werten von {{column}} hat keine Zeile in dieser Datei ({{examples}}).',
    unmatched_other: '{{count}} von {{of}} Werten von {{column}} haben keine Zeile in dieser Datei ({{examples}}).',
    allMatched: 'Jeder der {{of}} Werte von {{column}} hat eine Zeile in dieser Datei.',
    repeated_one: '{{count}} Schlüssel kommt weiter unten noch einmal vor: Seine erste Zeile gilt.',
    repeated_other: '{{count}} Schlüssel kommen weiter unten noch einmal vor: Ihre ersten Zeilen gelten.',
  },
};
