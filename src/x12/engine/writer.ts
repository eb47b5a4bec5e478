import type { Delimiters } from './types.ts';

/** Where interchange, group and transaction control numbers come from (a database sequence in production). */
export interface ControlNumberSource {
  next(kind: 'interchange' | 'group' | 'transaction'): Promise<number>;
}

/** In-memory control numbers for tests and one-off runs. */
export class MemoryControlNumbers implements ControlNumberSource {
  private readonly counters: Record<'interchange' | 'group' | 'transaction', number>;
  constructor(start: Partial<Record<'interchange' | 'group' | 'transaction', number>> = {}) {
    this.counters = {
      interchange: start.interchange ?? 1,
      group: start.group ?? 1,
      transaction: start.transaction ?? 1,
    };
  }
  async next(kind: 'interchange' | 'group' | 'transaction'): Promise<number> {
    return this.counters[kind]++;
  }
}

/** A segment to write: id then elements; an array element is a composite. */
export type SegmentFields = readonly [string, ...(string | readonly string[])[]];

export interface EnvelopeOptions {
  senderQualifier?: string;
  senderId: string;
  receiverQualifier?: string;
  receiverId: string;
  /** GS02/GS03 application codes (default: the ISA ids). */
  applicationSender?: string;
  applicationReceiver?: string;
  /** Production or Test (ISA15). */
  usage?: 'P' | 'T';
  ackRequested?: '0' | '1';
  /** Creation date/time, passed in (the core reads no clock): CCYYMMDD and HHMM. */
  date: string;
  time: string;
  delimiters?: Delimiters;
  /** Put a line feed after each segment terminator (readable files). */
  lineBreaks?: boolean;
}

export interface TransactionToWrite {
  setId: string;
  guide: string;
  /** Segments between ST and SE. */
  body: readonly SegmentFields[];
  /** Leave ST03 out: X221A1 (835) marks the Implementation Convention Reference Not Used. */
  omitSt03?: boolean;
}

export interface GroupToWrite {
  functionalId: string;
  guide: string;
  transactions: readonly TransactionToWrite[];
}

export const WRITE_DELIMITERS: Delimiters = { element: '*', component: ':', repetition: '^', segment: '~' };

/** The separators of a delimiter set as one character class (made once per set, not per segment). */
const separatorClasses = new Map<string, RegExp>();

function separatorsOf(d: Delimiters): RegExp {
  const chars = d.element + d.component + d.segment + (d.repetition ?? '');
  let re = separatorClasses.get(chars);
  if (!re) separatorClasses.set(chars, (re = new RegExp(`[${[...chars].map(esc).join('')}]`, 'g')));
  return re;
}

/** Formats one segment; trailing empty elements are dropped (X12.6) and separators in data become spaces. */
export function formatSegment(fields: SegmentFields, d: Delimiters): string {
  const bad = separatorsOf(d);
  const parts = fields.map((f) => {
    if (typeof f === 'string') return f.replace(bad, ' ');
    const comps = f.map((c) => c.replace(bad, ' '));
    while (comps.length > 0 && comps[comps.length - 1] === '') comps.pop();
    return comps.join(d.component);
  });
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(d.element) + d.segment;
}

const esc = (c: string): string => c.replace(/[\\\]^-]/g, '\\$&');

/**
 * Writes a whole interchange: ISA/GS/ST headers and trailers with correct counts (SE01, GE01, IEA01)
 * and control numbers drawn from `numbers`.
 */
export async function writeInterchange(
  groups: readonly GroupToWrite[],
  opts: EnvelopeOptions,
  numbers: ControlNumberSource,
): Promise<string> {
  const d = opts.delimiters ?? WRITE_DELIMITERS;
  const nl = opts.lineBreaks ? '\n' : '';
  const out: string[] = [];
  const put = (f: SegmentFields): void => {
    out.push(formatSegment(f, d) + nl);
  };
  const icn = String(await numbers.next('interchange')).padStart(9, '0');
  // The ISA is fixed-width and carries the separators themselves, so it is written raw.
  out.push(isaRaw(opts, d, icn) + nl);
  for (const g of groups) {
    const gcn = String(await numbers.next('group'));
    put([
      'GS',
      g.functionalId,
      opts.applicationSender ?? opts.senderId.trim(),
      opts.applicationReceiver ?? opts.receiverId.trim(),
      opts.date,
      opts.time,
      gcn,
      'X',
      g.guide,
    ]);
    for (const t of g.transactions) {
      const tcn = String(await numbers.next('transaction')).padStart(4, '0');
      put(t.omitSt03 ? ['ST', t.setId, tcn] : ['ST', t.setId, tcn, t.guide]);
      for (const s of t.body) put(s);
      put(['SE', String(t.body.length + 2), tcn]);
    }
    put(['GE', String(g.transactions.length), gcn]);
  }
  put(['IEA', String(groups.length), icn]);
  return out.join('');
}

function isaRaw(o: EnvelopeOptions, d: Delimiters, icn: string): string {
  const f = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    o.senderQualifier ?? 'ZZ',
    o.senderId.padEnd(15).slice(0, 15),
    o.receiverQualifier ?? 'ZZ',
    o.receiverId.padEnd(15).slice(0, 15),
    o.date.slice(2, 8),
    o.time.slice(0, 4),
    d.repetition ?? 'U',
    '00501',
    icn,
    o.ackRequested ?? '0',
    o.usage ?? 'P',
    d.component,
  ];
  return f.join(d.element) + d.segment;
}
