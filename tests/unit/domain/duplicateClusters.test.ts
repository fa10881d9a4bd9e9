import { describe, expect, it } from 'vitest';
import { clusterPairs, clustersFromMembers, type ClusterMemberRow } from '../../../src/domain/quality/duplicates';

const member = (cluster: string, lead_id: string, line: number, created_at: string | null, filled: number, matches: ClusterMemberRow['matches'] = ['email']): ClusterMemberRow => ({
  cluster, matches, lead_id, _source: 'leads.csv', _line: line, created_at, owner: null, company: null, contact_name: null, email: null, phone: null, country: null, filled,
});

describe('duplicate clusters as shown', () => {
  it('keep the most complete entry, then the others by creation, a lead without a date last', () => {
    const clusters = clustersFromMembers([
      member('x', 'A', 2, '2025-01-03', 3),
      member('x', 'B', 3, '2025-01-01', 3, ['person']),
      member('x', 'C', 4, '2025-01-02', 5),
      member('y', 'N', 9, null, 2),
      member('y', 'M', 8, '2025-05-01', 2, ['phone']),
    ]);
    expect(clusters.map((c) => c.members.map((m) => m.lead_id))).toEqual([['C', 'B', 'A'], ['M', 'N']]);
    expect(clusters.map((c) => c.matches)).toEqual([['email', 'person'], ['email', 'phone']]);
    expect(clusters.map((c) => c.survivorReason)).toEqual(['most_complete', 'oldest']);
  });

  it('count every pair of a cluster once', () => {
    expect([...clusterPairs([{ members: [{ lead_id: 'C' }, { lead_id: 'A' }, { lead_id: 'B' }] }])]).toEqual(['A B', 'A C', 'B C']);
  });
});
