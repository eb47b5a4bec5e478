import { tokenize } from '../x12/index.ts';

/** What an inbound file is, read from its envelope whatever its name. */
export interface Recognised {
  /** ST01 of the first transaction set (835, 999, 277, 271 …), or TA1 for an interchange acknowledgment. */
  transactionType: string | null;
  /** GS08: the implementation guide (005010X221A1 …). */
  guide: string | null;
}

/**
 * Reads ST01 and GS08 (a TA1 is an ISA followed by a TA1 segment and no functional group). A
 * file that is not X12 is recognised as nothing and recorded as unrecognised.
 */
export function recogniseInbound(content: string): Recognised {
  const { segments } = tokenize(content.slice(0, 64 * 1024));
  let guide: string | null = null;
  let sawTa1 = false;
  for (const s of segments) {
    if (s.id === 'TA1') sawTa1 = true;
    if (s.id === 'GS') guide = s.el[8] ?? null;
    if (s.id === 'ST') return { transactionType: s.el[1] ?? null, guide: guide ?? s.el[3] ?? null };
  }
  return { transactionType: sawTa1 ? 'TA1' : null, guide };
}

/** The handler name for a recognised file: 277 with the X214 guide is the 277CA. */
export function handlerKeyOf(r: Recognised): string | null {
  if (!r.transactionType) return null;
  if (r.transactionType === '277' && r.guide?.includes('X214')) return '277CA';
  return r.transactionType;
}
