// Spreading claim-level amounts over service lines, to the cent.

/**
 * Splits each amount over the lines in proportion to `weights` (line charges), by cumulative
 * rounding so each amount's shares add up to it exactly. When `total` is given and equals both the
 * sum of the weights and of the amounts (a claim paid without lines that balances), the largest
 * amount takes up the rounding on each line instead, so each line's shares add up to its charge.
 * Returns shares[amount][line].
 */
export function allocate(amounts: readonly number[], weights: readonly number[], total?: number): number[][] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const n = weights.length;
  const split = (amount: number): number[] => {
    if (n === 0) return [];
    if (weightSum === 0) return weights.map((_, i) => (i === n - 1 ? amount : 0));
    const out: number[] = [];
    let before = 0;
    let cumulative = 0;
    for (const w of weights) {
      cumulative += w;
      const upTo = Math.round((amount * cumulative) / weightSum);
      out.push(upTo - before);
      before = upTo;
    }
    return out;
  };
  const shares = amounts.map(split);
  const amountSum = amounts.reduce((s, a) => s + a, 0);
  if (total === undefined || total !== weightSum || total !== amountSum || amounts.length < 2) return shares;
  let largest = 0;
  amounts.forEach((a, k) => {
    if (Math.abs(a) > Math.abs(amounts[largest] ?? 0)) largest = k;
  });
  const fixed = shares[largest] as number[];
  weights.forEach((w, i) => {
    const others = shares.reduce((s, row, k) => (k === largest ? s : s + (row[i] ?? 0)), 0);
    fixed[i] = w - others;
  });
  return shares;
}
