// HL7 v2 escape sequences (v2.5.1 chapter 2.7): a field's text travels with its delimiters escaped,
// and a note's line breaks as \.br\. Unescaping follows splitting, so an escaped `|` never splits.
import type { Hl7Context } from '@medplum/core';

/** The delimiters a message declares in MSH-1 and MSH-2 (custom ones included). */
export type Delimiters = Pick<
  Hl7Context,
  | 'fieldSeparator'
  | 'componentSeparator'
  | 'repetitionSeparator'
  | 'escapeCharacter'
  | 'subcomponentSeparator'
>;

const regexQuote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Decodes \Xhh..\ as UTF-8 bytes (the usual sender's character set); invalid bytes fall back to Latin-1. */
function hexText(hex: string): string {
  if (!/^(?:[0-9A-Fa-f]{2})+$/.test(hex)) return '';
  const bytes = Buffer.from(hex, 'hex');
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\uFFFD') ? bytes.toString('latin1') : utf8;
}

/** The text one escape sequence stands for; formatting and highlighting commands fall away. */
function sequence(body: string, d: Delimiters): string {
  switch (body) {
    case 'F':
      return d.fieldSeparator;
    case 'S':
      return d.componentSeparator;
    case 'T':
      return d.subcomponentSeparator;
    case 'R':
      return d.repetitionSeparator;
    case 'E':
      return d.escapeCharacter;
    case '.br':
      return '\n';
  }
  if (body.startsWith('X')) return hexText(body.slice(1));
  // \.sp n\ skips n lines; \.sk n\ skips n spaces; \.in\ \.ti\ \.fi\ \.nf\ \.ce\ \H\ \N\ \Cxxyy\ \Mxxyyzz\ \Zxx\ only format.
  const skip = /^\.(sp|sk)\s*(\d*)$/.exec(body);
  if (skip) return (skip[1] === 'sp' ? '\n' : ' ').repeat(Math.min(Number(skip[2] || 1), 20));
  return '';
}

/** A field's text as the sender meant it: every escape sequence replaced. */
export function unescapeHl7(text: string, d: Delimiters): string {
  const e = d.escapeCharacter;
  if (!e || !text.includes(e)) return text;
  const q = regexQuote(e);
  return text.replace(new RegExp(`${q}([^${q}]*)${q}`, 'g'), (_m, body: string) => sequence(body, d));
}

/** The same text with every delimiter escaped, for a value written into a message (an ACK's MSA-3). */
export function escapeHl7(text: string, d: Delimiters): string {
  const map = new Map<string, string>([
    [d.escapeCharacter, 'E'],
    [d.fieldSeparator, 'F'],
    [d.componentSeparator, 'S'],
    [d.subcomponentSeparator, 'T'],
    [d.repetitionSeparator, 'R'],
  ]);
  let out = '';
  for (const ch of text) {
    const name = map.get(ch);
    if (name) out += `${d.escapeCharacter}${name}${d.escapeCharacter}`;
    else if (ch === '\n') out += `${d.escapeCharacter}.br${d.escapeCharacter}`;
    else if (ch !== '\r') out += ch;
  }
  return out;
}
