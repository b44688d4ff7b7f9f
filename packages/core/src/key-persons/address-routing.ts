export interface RoutingCandidate {
  id: string;
  name: string;
  level: string;
  path: string;
}

export interface RoutingDecision {
  candidate: RoutingCandidate | null;
  /** The part of the address that matched, for the person who checks the routing. */
  matched: string | null;
}

// Official names carry suffixes people leave out in addresses: "湖塘镇" / "湖塘", "某某社区居民委员会" / "某某社区".
const SUFFIXES = [
  '社区居民委员会',
  '居民委员会',
  '村民委员会',
  '社区居委会',
  '居委会',
  '村委会',
  '街道办事处',
  '街道',
  '镇',
  '乡',
  '村',
  '社区',
];

function namesOf(name: string): string[] {
  const names = new Set([name]);
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      const stem = name.slice(0, -suffix.length);
      names.add(stem);
      if (suffix.includes('社区')) names.add(`${stem}社区`);
      if (suffix.includes('村')) names.add(`${stem}村`);
    }
  }
  return [...names];
}

const depth = (c: RoutingCandidate) => c.path.split('/').length;

/**
 * Routes an assist request (协查) to the deepest jurisdiction whose name appears in the address
 * (seed 003 item 17: managed where found). Among equal names (two towns each with a 新村), the one
 * whose town also appears in the address wins.
 */
export function routeByAddress(address: string, candidates: readonly RoutingCandidate[]): RoutingDecision {
  const matches = candidates.flatMap((candidate) => {
    const matched = namesOf(candidate.name)
      .filter((n) => address.includes(n))
      .sort((a, b) => b.length - a.length)[0];
    return matched ? [{ candidate, matched }] : [];
  });
  const support = (c: RoutingCandidate) => matches.filter((m) => m.candidate !== c && c.path.startsWith(m.candidate.path)).length;
  const ranked = matches.sort(
    (a, b) => support(b.candidate) - support(a.candidate) || depth(b.candidate) - depth(a.candidate) || b.matched.length - a.matched.length,
  );
  return ranked[0] ?? { candidate: null, matched: null };
}
