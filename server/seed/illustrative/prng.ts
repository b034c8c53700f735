/** @module The illustrative generator's random numbers. Hand-written on purpose: mulberry32 is ten lines, and the
 * generated data must stay identical across library versions (same seed → same database), which no npm
 * PRNG promises. Streams are keyed by (seed, purpose, unit code) so that one unit's numbers never depend on
 * the order or number of other units. */

/** mulberry32 (Tommy Ettinger, public domain): a 32-bit state PRNG returning floats in [0, 1). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the text, then a murmur3 finaliser: a well-mixed 32-bit hash. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic random stream: the same seed and keys always give the same draws. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** An index into `weights`, chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
}

/** A random stream for `seed` and `keys` (e.g. a commune code), so that each commune's draws do not depend on the
 * others'. */
export function random(seed: number, ...keys: Array<string | number>): Random {
  const next = mulberry32(hash32(`${seed}|${keys.join('|')}`));
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    weighted(weights) {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i]!;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
}

/** One float in [0, 1) for (seed, keys): for sort keys and one-off draws. */
export function uniform(seed: number, ...keys: Array<string | number>): number {
  return mulberry32(hash32(`${seed}|${keys.join('|')}`))();
}
