/**
 * Duplicate clusters as shown: the members of each cluster (found in SQL, src/sql/duplicateClusters.ts)
 * with the entry to keep first, and why.
 */
/** The match kinds, in the order a cluster names them. */
export const MATCH_ORDER = ['id', 'email', 'person', 'phone'] as const;
export type DuplicateMatchKind = (typeof MATCH_ORDER)[number];

export interface DuplicateMember {
  readonly lead_id: string;
  readonly _source: string;
  readonly _line: number;
  /** yyyy-mm-dd or null. */
  readonly created_at: string | null;
  readonly owner: string | null;
  readonly company: string | null;
  readonly contact_name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly country: string | null;
  /** How many of the contact fields it has filled. */
  readonly filled: number;
}

/** A row of clusterMembersSql: a member with its cluster and the match kinds that joined it. */
export interface ClusterMemberRow extends DuplicateMember {
  readonly cluster: string;
  readonly matches: readonly DuplicateMatchKind[];
}

export interface DuplicateCluster {
  /** The surviving entry first, then the others by creation. */
  readonly members: readonly DuplicateMember[];
  /** What joined them. */
  readonly matches: readonly DuplicateMatchKind[];
  /** Why the first member should survive: it has the most contact fields, or as many and came first. */
  readonly survivorReason: 'most_complete' | 'oldest';
}


const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Earlier creation first (no date last), then id, file and line: the order the score's rule uses. */
function byCreation(a: DuplicateMember, b: DuplicateMember): number {
  if (a.created_at !== b.created_at) {
    if (a.created_at === null) return 1;
    if (b.created_at === null) return -1;
    return a.created_at < b.created_at ? -1 : 1;
  }
  return cmp(a.lead_id, b.lead_id) || cmp(a._source, b._source) || a._line - b._line;
}

/** The clusters of the rows, in the rows' order of clusters, each with its entry to keep first. */
export function clustersFromMembers(rows: readonly ClusterMemberRow[]): DuplicateCluster[] {
  const groups = new Map<string, { members: DuplicateMember[]; matches: Set<DuplicateMatchKind> }>();
  for (const { cluster, matches, ...member } of rows) {
    const group = groups.get(cluster) ?? groups.set(cluster, { members: [], matches: new Set() }).get(cluster)!;
    group.members.push(member);
    for (const m of matches) group.matches.add(m);
  }
  return [...groups.values()].map(({ members, matches }) => {
    const list = [...members].sort(byCreation);
    const most = Math.max(...list.map((m) => m.filled));
    const survivor = list.find((m) => m.filled === most)!;
    return {
      members: [survivor, ...list.filter((m) => m !== survivor)],
      matches: MATCH_ORDER.filter((m) => matches.has(m)),
      survivorReason: list.every((m) => m.filled === most) ? 'oldest' : 'most_complete',
    };
  });
}

/** Every pair of lead ids a cluster joins ("a b", a < b), for measuring precision and recall against known pairs. */
export function clusterPairs(clusters: readonly { readonly members: readonly { readonly lead_id: string }[] }[]): Set<string> {
  const pairs = new Set<string>();
  for (const { members } of clusters) {
    const keys = [...new Set(members.map((m) => m.lead_id))].sort();
    for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.add(`${keys[i]} ${keys[j]}`);
  }
  return pairs;
}
