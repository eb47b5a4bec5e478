// PostgreSQL takes at most 65,535 parameters a statement: look-ups by id and bulk inserts of a
// whole practice go in slices.
export const CHUNK = 5_000;

/** Calls `fetch` on slices of the ids and joins the answers. */
export async function inChunks<T>(
  ids: readonly number[],
  fetch: (slice: number[]) => Promise<T[]>,
  size = CHUNK,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await fetch(ids.slice(i, i + size))));
  return out;
}
