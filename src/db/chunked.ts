const CHUNK = 500;

/** Inserts many rows a chunk at a time (one statement per 500 rows) and returns their ids in order. */
export async function insertChunked<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<{ id: number }[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK)
    ids.push(...(await insert(rows.slice(i, i + CHUNK))).map((r) => r.id));
  return ids;
}
