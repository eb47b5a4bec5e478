/**
 * Drawing an audit sample: a percentage of the matching charts, at least one, picked by a seeded
 * shuffle so the same seed over the same charts draws the same sample (the audit records its seed).
 */
export function drawSample<T>(candidates: readonly T[], percent: number, seed: number): T[] {
  if (candidates.length === 0 || percent <= 0) return [];
  const size = Math.min(candidates.length, Math.max(1, Math.ceil((candidates.length * percent) / 100)));
  const random = mulberry32(seed);
  const pool = [...candidates];
  // Fisher–Yates, stopped once the sample is drawn.
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, size);
}

/** A small seeded generator (Mulberry32): enough for a fair draw, and repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
