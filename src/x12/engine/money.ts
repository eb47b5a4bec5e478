/**
 * Money is integer cents, never a float (STYLE §8). X12 amounts are decimal strings (type R);
 * they are converted digit by digit so 0.1 + 0.2 never happens.
 */
export type Cents = number;

const AMOUNT = /^(-)?(\d*)(?:\.(\d*))?$/;

/** "12.25" → 1225, "-5" → -500, "100.5" → 10050. Null when not an exact cent amount. */
export function parseCents(s: string): Cents | null {
  const m = AMOUNT.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const whole = m[2] || '0';
  const frac = (m[3] ?? '').padEnd(2, '0');
  if (/[1-9]/.test(frac.slice(2))) return null;
  const v = Number(whole) * 100 + Number(frac.slice(0, 2));
  if (!Number.isSafeInteger(v)) return null;
  return m[1] && v !== 0 ? -v : v;
}

/** 1225 → "12.25", 1200 → "12", 1250 → "12.5" (X12.6: no trailing zeros or needless point). */
export function formatCents(c: Cents): string {
  if (!Number.isSafeInteger(c)) throw new Error(`amount must be integer cents, got ${c}`);
  const neg = c < 0;
  const a = Math.abs(c);
  const whole = Math.floor(a / 100);
  const frac = String(a % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? '.' + frac : ''}`;
}
