/**
 * A stable sort done in bounded steps: a generator that yields after each slice of work, so a
 * server can pause between slices (one sort of a few hundred thousand strings holds the event loop
 * for a second on a busy machine). Runs of `slice` items are sorted, then merged pairwise; ties keep
 * their input order, as Array.prototype.sort does. Pure; returns a new array.
 */
export function* sortSteps<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  slice = 8_192,
): Generator<void, T[]> {
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += slice) {
    runs.push(items.slice(i, i + slice).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const a = runs[r]!;
      const b = runs[r + 1];
      if (!b) {
        next.push(a);
        continue;
      }
      const out = new Array<T>(a.length + b.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < a.length && j < b.length) {
        // strictly less: on a tie the earlier run's item goes first (stable)
        out[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
        if (k % slice === 0) yield;
      }
      while (i < a.length) out[k++] = a[i++]!;
      while (j < b.length) out[k++] = b[j++]!;
      next.push(out);
      yield;
    }
    runs = next;
  }
  return runs[0] ?? [];
}

/** Compares strings by UTF-16 code units: the order of Array.prototype.sort without a comparator. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
