import { parseDollars } from '../../../src/shared/money.ts';

/**
 * A dollar amount typed in a form ("$1,234.50") as integer cents; a value that is not a dollar
 * amount is left as typed, so the schema refuses it beside the field ("must be integer").
 */
export function centsOrAsTyped(value: unknown): unknown {
  const text = String(value ?? '')
    .replace(/[$,]/g, '')
    .trim();
  if (text === '') return undefined;
  try {
    return parseDollars(text);
  } catch {
    return text;
  }
}
