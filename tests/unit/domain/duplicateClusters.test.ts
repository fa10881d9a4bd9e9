import { describe, expect, it } from 'vitest';
import { clusterPairs, duplicateClusters, type DuplicateLink } from '../../../src/domain/quality/duplicates';

const lead = (lead_id: string, line: number, created_at: string | null, filled: number) => ({
  lead_id, _source: 'leads.csv', _line: line, created_at, owner: null, company: null, contact_name: null, email: null, phone: null, country: null, filled,
});
const link = (match: DuplicateLink['match'], block: string, member: ReturnType<typeof lead>): DuplicateLink => ({ match, block, ...member });

describe('duplicate clusters', () => {
  const a = lead('A', 2, '2025-01-03', 3);
  const b = lead('B', 3, '2025-01-01', 3);
  const c = lead('C', 4, '2025-01-02', 5);
  const d = lead('D', 5, null, 1);
  const e = lead('E', 6, '2025-02-01', 2);

  it('join leads through a third one, and keep the most complete entry', () => {
    const clusters = duplicateClusters([link('email', 'x@y.de', a), link('email', 'x@y.de', b), link('person', 'p', b), link('person', 'p', c), link('phone', 'q', d), link('phone', 'q', e)]);
    expect(clusters.map((cl) => cl.members.map((m) => m.lead_id))).toEqual([['C', 'B', 'A'], ['E', 'D']]);
    expect(clusters[0]!.matches).toEqual(['email', 'person']);
    expect(clusters.map((cl) => cl.survivorReason)).toEqual(['most_complete', 'most_complete']);
  });

  it('keep the first entry when all are as complete, a lead without a date last', () => {
    const [cluster] = duplicateClusters([link('email', 'k', lead('N', 9, null, 2)), link('email', 'k', lead('M', 8, '2025-05-01', 2))]);
    expect(cluster!.members.map((m) => m.lead_id)).toEqual(['M', 'N']);
    expect(cluster!.survivorReason).toBe('oldest');
  });

  it('count every pair of a cluster once', () => {
    expect([...clusterPairs([{ members: [{ lead_id: 'C' }, { lead_id: 'A' }, { lead_id: 'B' }] }])]).toEqual(['A B', 'A C', 'B C']);
  });
});
