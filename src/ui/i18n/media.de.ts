import type { MediaMessages } from './media.en';

/** The Media & campaigns page's texts (German): loaded with the page's chunk, not the app's first one. */
export const mediaDe: MediaMessages = {
  mediaPage: {
    heading: 'Medien & Kampagnen',
    intro: 'Welche Medien qualifizierte Leads, Umsatz und Rendite bringen: Trichter, Kosten und Rendite jedes Mediums nebeneinander, jedes mit dem besten verglichen.',
    groupBy: 'Gruppieren nach',
    byMedium: 'Medium',
    bySource: 'Quelle wie exportiert',
    margin: 'Marge für den ROI',
    marginHint: 'Anteil des Umsatzes, der Gewinn ist (1 = Umsatz zählt voll)',
    panelTitle: 'Medien im Vergleich',
    tableLabel: 'Medien im Vergleich: Trichter, Umsatz, Kosten und Rendite',
    value: { medium: 'Medium', source: 'Quelle' },
    leads: 'Leads',
    reached: 'Lead → {{stage}}',
    revenue: 'Umsatz',
    cost: 'Kosten',
    costPerLead: 'Kosten je Lead',
    costPerSql: 'Kosten je SQL',
    costPerWon: 'Kosten je Auftrag',
    romi: 'ROMI',
    roi: 'ROI',
    daysToWon: 'Median Tage bis Auftrag',
    rank: 'Rang',
    best: 'bester',
    notSignificantlyBelow: 'nicht signifikant unter dem besten',
    below: 'signifikant unter dem besten',
    rankNote:
      'Rang nach Quote Lead → Auftrag. Jedes Medium wird mit dem besten verglichen, nicht mit seinem Nachbarn: „nicht signifikant unter dem besten“ heißt, ihre 95-%-Intervalle überlappen, die Daten können sie nicht unterscheiden.',
    costNote:
      'Kosten folgen den Leads: Die Kosten einer Kampagne werden gleichmäßig auf ihre Leads verteilt; die Kosten eines Mediums sind die Anteile seiner Leads, und ein Filter behält den Anteil seiner Leads. ROMI = Umsatz ÷ Kosten; ROI = (Umsatz × Marge − Kosten) ÷ Kosten.',
    costCoverage: '{{costed}} von {{leads}} Leads tragen Kampagnenkosten',
    noCampaigns: 'Keine Kampagnenkosten geladen: Importieren Sie eine Kampagnentabelle mit Kosten, um Kosten je Lead, ROMI und ROI zu sehen.',
    withoutLeads_one: '{{count}} Kampagne mit Kosten hat keine Leads ({{cost}}); ihre Kosten stehen bei keinem Medium:',
    withoutLeads_other: '{{count}} Kampagnen mit Kosten haben keine Leads ({{cost}}); ihre Kosten stehen bei keinem Medium:',
    noCost: 'keine Kostendaten',
    open: '{{figure}} von {{value}}: Leads anzeigen',
    empty: 'Keine Leads unter diesen Filtern.',
    revenueUnknown: 'unbekannt',
  },
};
