/** mulberry32: a small, fast, seedable PRNG, so the same seed gives the same demo practice. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const digits = (n: number) => Array.from({ length: n }, () => int(0, 9)).join('');
  /** One of the items, each as likely as its weight. */
  const weighted = <T extends { weight: number }>(items: readonly T[]): T => {
    let roll = next() * items.reduce((s, v) => s + v.weight, 0);
    for (const v of items) if ((roll -= v.weight) < 0) return v;
    return items.at(-1)!;
  };
  return { next, int, pick, chance, digits, weighted };
}
export type Random = ReturnType<typeof createRandom>;
