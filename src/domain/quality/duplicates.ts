/**
 * Duplicate clusters from match links: leads that share any block (same e-mail, same person at the
 * same company, same phone at the same company, same id) belong to one cluster, also through a third
 * lead (A = B by e-mail, B = C by name). Union-find over the links, linear in them.
 */
export type DuplicateMatchKind = 'id' | 'email' | 'person' | 'phone';

export interface DuplicateLink {
  readonly match: DuplicateMatchKind;
  readonly block: string;
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

export type DuplicateMember = Omit<DuplicateLink, 'match' | 'block'>;

export interface DuplicateCluster {
  /** The surviving entry first, then the others by creation. */
  readonly members: readonly DuplicateMember[];
  /** What linked them. */
  readonly matches: readonly DuplicateMatchKind[];
  /** Why the first member should survive: it has the most contact fields, or as many and came first. */
  readonly survivorReason: 'most_complete' | 'oldest';
}

const entryKey = (l: { _source: string; _line: number }) => `${l._source}\u0000${l._line}`;

const MATCH_ORDER: readonly DuplicateMatchKind[] = ['id', 'email', 'person', 'phone'];

/** Earlier creation first (no date last), then id, file and line: the order the score's rule uses. */
function byCreation(a: DuplicateMember, b: DuplicateMember): number {
  if (a.created_at !== b.created_at) {
    if (a.created_at === null) return 1;
    if (b.created_at === null) return -1;
    return a.created_at < b.created_at ? -1 : 1;
  }
  return cmp(a.lead_id, b.lead_id) || cmp(a._source, b._source) || a._line - b._line;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function duplicateClusters(links: readonly DuplicateLink[]): DuplicateCluster[] {
  const members = new Map<string, DuplicateMember>();
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short.
    for (let k = key; k !== root; ) {
      const next = parent.get(k)!;
      parent.set(k, root);
      k = next;
    }
    return root;
  };
  const firstOfBlock = new Map<string, string>();
  const matchesOf = new Map<string, Set<DuplicateMatchKind>>();
  for (const link of links) {
    const key = entryKey(link);
    if (!members.has(key)) {
      const { match: _match, block: _block, ...member } = link;
      members.set(key, member);
      parent.set(key, key);
    }
    const blockKey = `${link.match}\u0000${link.block}`;
    const first = firstOfBlock.get(blockKey);
    if (first === undefined) firstOfBlock.set(blockKey, key);
    else parent.set(find(key), find(first));
    (matchesOf.get(key) ?? matchesOf.set(key, new Set()).get(key)!).add(link.match);
  }
  const groups = new Map<string, { members: DuplicateMember[]; matches: Set<DuplicateMatchKind> }>();
  for (const [key, member] of members) {
    const root = find(key);
    const group = groups.get(root) ?? groups.set(root, { members: [], matches: new Set() }).get(root)!;
    group.members.push(member);
    for (const m of matchesOf.get(key) ?? []) group.matches.add(m);
  }
  const clusters: DuplicateCluster[] = [];
  for (const { members: list, matches } of groups.values()) {
    if (list.length < 2) continue;
    list.sort(byCreation);
    const most = Math.max(...list.map((m) => m.filled));
    const survivor = list.find((m) => m.filled === most)!;
    const ordered = [survivor, ...list.filter((m) => m !== survivor)];
    clusters.push({
      members: ordered,
      matches: MATCH_ORDER.filter((m) => matches.has(m)),
      survivorReason: survivor === list[0] && list.every((m) => m.filled === most) ? 'oldest' : 'most_complete',
    });
  }
  // Largest clusters first, then by their first entry: a stable order for lists and tests.
  return clusters.sort((a, b) => b.members.length - a.members.length || byCreation(a.members[0]!, b.members[0]!));
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
