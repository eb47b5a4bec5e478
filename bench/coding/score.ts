/** Pure: micro-averaged precision, recall and F1 of predicted code sets against gold sets. */
export interface Scored {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** key: the code itself, or its category (first three characters); duplicates per note count once. */
export function score(gold: string[][], predicted: string[][], key: (code: string) => string): Scored {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const want = new Set(g.map(key));
    const got = new Set((predicted[i] ?? []).map(key));
    for (const k of got)
      if (want.has(k)) tp++;
      else fp++;
    for (const k of want) if (!got.has(k)) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}
