import type { Delimiters } from './types.ts';
import type { ProblemCode } from '../problems.ts';

export type Detection =
  | { kind: 'ok'; delimiters: Delimiters; start: number; enveloped: boolean }
  | { kind: 'more' }
  | { kind: 'fail'; code: ProblemCode; message: string };

/** How far we look for the ISA header before giving up (stops a stream of junk from buffering forever). */
export const HEADER_LIMIT = 64 * 1024;

const isAlnum = (c: string): boolean => /^[A-Za-z0-9]$/.test(c);

/** Skips a UTF-8 BOM (as decoded text or as latin1 bytes) and blank space/CR/LF before the first segment. */
export function skipLead(text: string): number {
  let i = 0;
  if (text.startsWith('\uFEFF')) i = 1;
  else if (text.startsWith('\u00EF\u00BB\u00BF')) i = 3;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}

/**
 * Reads the separators from the ISA (X12.5: element separator is the 4th character, ISA16 is the
 * component separator, the character after ISA16 ends the segment, ISA11 is the repetition separator
 * from 00501). The ISA is counted by separators, not by fixed offsets, so a mis-padded ISA still reads;
 * its lengths are checked later as element errors.
 */
export function detectDelimiters(text: string, final: boolean): Detection {
  const i = skipLead(text);
  if (text.length - i < 4) return final || text.length > HEADER_LIMIT ? notX12() : { kind: 'more' };
  if (text.startsWith('ISA', i)) return fromIsa(text, i, final);
  return fromBareSt(text, i, final);
}

function notX12(): Detection {
  return { kind: 'fail', code: 'X12_NOT_X12', message: 'Input does not begin with an ISA or ST segment.' };
}

function fromIsa(text: string, i: number, final: boolean): Detection {
  const element = text.charAt(i + 3);
  if (isAlnum(element) || element === ' ') {
    return {
      kind: 'fail',
      code: 'X12_BAD_DELIMITERS',
      message: `ISA element separator '${element}' is not allowed.`,
    };
  }
  const fields: number[] = [];
  let p = i + 3;
  while (fields.length < 16) {
    const k = text.indexOf(element, p);
    if (k < 0 || k - i > 512) {
      if (!final && text.length - i < 512) return { kind: 'more' };
      return { kind: 'fail', code: 'X12_BAD_ISA', message: 'ISA header has fewer than 16 elements.' };
    }
    fields.push(k);
    p = k + 1;
  }
  const last = fields[15] ?? 0;
  if (text.length < last + 3) {
    if (!final) return { kind: 'more' };
    return { kind: 'fail', code: 'X12_BAD_ISA', message: 'ISA header ends before its segment terminator.' };
  }
  const component = text.charAt(last + 1);
  const segment = text.charAt(last + 2);
  const rep = text.slice((fields[10] ?? 0) + 1, fields[11]);
  const version = text.slice((fields[11] ?? 0) + 1, fields[12]);
  // Some senders repeat ISA16 in ISA11; then there is no usable repetition separator.
  const repUsable =
    rep.length === 1 && !isAlnum(rep) && version >= '00501' && ![element, component, segment].includes(rep);
  const repetition = repUsable ? rep : null;
  const delimiters: Delimiters = { element, component, repetition, segment };
  const all = [element, component, segment, ...(repetition ? [repetition] : [])];
  if (new Set(all).size !== all.length || isAlnum(component) || isAlnum(segment)) {
    return {
      kind: 'fail',
      code: 'X12_BAD_DELIMITERS',
      message: `ISA separators are not distinct non-alphanumeric characters (${JSON.stringify(all)}).`,
    };
  }
  return { kind: 'ok', delimiters, start: i, enveloped: true };
}

/** Some test files start at ST with no envelope; read them with the separator after "ST" and '~' or LF. */
function fromBareSt(text: string, i: number, final: boolean): Detection {
  const m = /^[A-Z][A-Z0-9]{1,2}([^A-Za-z0-9\s])/.exec(text.slice(i, i + 4));
  if (!m || !text.startsWith('ST', i)) return notX12();
  const element = m[1] ?? '*';
  const tilde = text.indexOf('~', i);
  if (tilde < 0 && !final && text.length < HEADER_LIMIT) return { kind: 'more' };
  const segment = tilde >= 0 ? '~' : '\n';
  const component = element === ':' ? '>' : ':';
  const repetition = element === '^' ? null : '^';
  return { kind: 'ok', delimiters: { element, component, repetition, segment }, start: i, enveloped: false };
}
