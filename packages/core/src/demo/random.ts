/**
 * Seeded pseudo-random numbers for demo data (sfc32, seeded through cyrb128).
 * Not for secrets: the point is that the same seed and labels give the same sequence on every machine.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  uint32(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** cyrb128: spreads a string over four 32-bit words, the state sfc32 needs. */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function sfc32(state: [number, number, number, number]): () => number {
  let [a, b, c, d] = state;
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/**
 * A generator for `seed` and a path of labels. Labelled streams are independent, so one grid's
 * households do not change when another grid grows.
 */
export function createRandom(seed: number, ...labels: (string | number)[]): Random {
  const uint32 = sfc32(cyrb128([seed, ...labels].join('/')));
  // Discard the first outputs: sfc32 mixes its state in the first few rounds.
  for (let i = 0; i < 12; i++) uint32();
  const next = () => uint32() / 4294967296;
  return {
    next,
    uint32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
}

/** A picker over weighted entries: cumulative weights once, binary search per draw. */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
  if (entries.length === 0) throw new RangeError('no weighted entries');
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? total) > target) high = mid;
      else low = mid + 1;
    }
    return (entries[low] as readonly [T, number])[0];
  };
}

/** A version-4-shaped UUID drawn from `random`, so demo rows get the same ids on every run. */
export function demoUuid(random: Random): string {
  const hex = [random.uint32(), random.uint32(), random.uint32(), random.uint32()].map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Parses a compact weight table, `key:weight` tokens separated by white space (`王:620 李:560`). */
export function weightTable(text: string): [string, number][] {
  return text
    .trim()
    .split(/\s+/)
    .map((token) => {
      const [key, weight] = token.split(':');
      if (!key || !weight || !(Number(weight) > 0)) throw new RangeError(`bad weight token: ${token}`);
      return [key, Number(weight)];
    });
}
