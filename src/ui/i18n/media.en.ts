import type { Widen } from './en';

/** The Media & campaigns page's texts (English): loaded with the page's chunk, not the app's first one. */
export const mediaEn = {
  mediaPage: {
    heading: 'Media & campaigns',
    intro: 'Which media bring qualified leads, revenue and return: every medium’s funnel, costs and return side by side, each compared with the best.',
    groupBy: 'Group by',
    byMedium: 'Medium',
    bySource: 'Source as exported',
    margin: 'Margin for the ROI',
    marginHint: 'Share of revenue that is profit (1 = revenue counts in full)',
    panelTitle: 'Media compared',
    tableLabel: 'Media compared: funnel, revenue, cost and return',
    value: { medium: 'Medium', source: 'Source' },
    leads: 'Leads',
    reached: 'Lead → {{stage}}',
    revenue: 'Revenue',
    cost: 'Cost',
    costPerLead: 'Cost per lead',
    costPerSql: 'Cost per SQL',
    costPerWon: 'Cost per won deal',
    romi: 'ROMI',
    roi: 'ROI',
    daysToWon: 'Median days to won',
    rank: 'Rank',
    best: 'best',
    notSignificantlyBelow: 'not significantly below the best',
    below: 'significantly below the best',
    rankNote:
      'Rank by lead → won rate. Each medium is compared with the best one, not with its neighbour: “not significantly below the best” means their 95 % intervals overlap, so the data cannot tell them apart.',
    costNote:
      'Cost follows the leads: each campaign’s cost is shared equally among its leads, so a medium’s cost is its leads’ shares, and a filter keeps the share of its leads. ROMI = revenue ÷ cost; ROI = (revenue × margin − cost) ÷ cost.',
    costCoverage: '{{costed}} of {{leads}} leads carry a campaign cost',
    noCampaigns: 'No campaign costs are loaded: import a campaigns table with costs to see cost per lead, ROMI and ROI.',
    withoutLeads_one: '{{count}} campaign with a cost has no leads ({{cost}}); its cost is in no medium’s figures:',
    withoutLeads_other: '{{count}} campaigns with a cost have no leads ({{cost}}); their cost is in no medium’s figures:',
    noCost: 'no cost data',
    open: '{{figure}} of {{value}}: show the leads',
    empty: 'No leads under these filters.',
    revenueUnknown: 'unknown',
  },
};

export type MediaMessages = Widen<typeof mediaEn>;
