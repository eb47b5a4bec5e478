// The acknowledgment a sender waits for (HL7 v2.5.1 chapter 2.9, original mode): MSA-1 AA when the
// message was imported (or was a duplicate: nothing to do), AE when its content was refused, AR
// when it could not be processed at all; MSA-3 says why in words, and one ERR segment per problem
// names the segment and field at fault (ERR-1 for 2.3/2.4, ERR-2/3/4/8 from 2.5 on).
import { escapeHl7, type Delimiters } from './escape.ts';
import { ackCodeFor, type Hl7Problem } from './problems.ts';
import type { Hl7Header } from './read.ts';

const DEFAULT_DELIMITERS: Delimiters = {
  fieldSeparator: '|',
  componentSeparator: '^',
  repetitionSeparator: '~',
  escapeCharacter: '\\',
  subcomponentSeparator: '&',
};

const TEXT: Record<string, string> = {
  AA: 'Message accepted',
  AE: 'Application error',
  AR: 'Application reject',
};

/** YYYYMMDDHHMMSS in UTC (HL7 TS with an explicit +0000). */
export function hl7Now(now: Date): string {
  return `${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
}

/** segment^sequence^field^component of a problem's place (its element, e.g. PID-3.1). */
function location(p: Hl7Problem): { segment: string; field: string; component: string } {
  const m = /^([A-Z0-9]{3})-(\d+)(?:\.(\d+))?$/.exec(p.element ?? '');
  return { segment: m?.[1] ?? p.segmentId ?? '', field: m?.[2] ?? '', component: m?.[3] ?? '' };
}

export interface AckInput {
  header?: Hl7Header;
  /** The delimiters of the message answered (custom ones are answered in kind). */
  delimiters?: Delimiters;
  problems: readonly Hl7Problem[];
  now: Date;
  /** This ACK's own control id (MSH-10). */
  controlId: string;
  /** A line for MSA-3 when all went well (the counts). */
  summary?: string;
}

export function buildAck(input: AckInput): { code: 'AA' | 'AE' | 'AR'; text: string } {
  const d = input.delimiters ?? DEFAULT_DELIMITERS;
  const h = input.header;
  const esc = (s: string) => escapeHl7(s, d);
  const code = ackCodeFor(input.problems);
  const errors = input.problems.filter((p) => p.severity !== 'info');
  const first = errors.find((p) => p.severity === 'fatal' || p.severity === 'error');
  const why = code === 'AA' ? (input.summary ?? TEXT.AA!) : (first?.message ?? TEXT[code]!);
  const version = h?.version && /^2\.[3-8]/.test(h.version) ? h.version : '2.5.1';
  const modern = Number(version.slice(2, 3)) >= 5;
  const f = d.fieldSeparator;
  const c = d.componentSeparator;
  const s = d.subcomponentSeparator;
  const msh = [
    'MSH',
    `${d.componentSeparator}${d.repetitionSeparator}${d.escapeCharacter}${d.subcomponentSeparator}`,
    esc(h?.receivingApplication ?? 'CLEANCLAIM'),
    esc(h?.receivingFacility ?? ''),
    esc(h?.sendingApplication ?? ''),
    esc(h?.sendingFacility ?? ''),
    hl7Now(input.now),
    '',
    `ACK${c}${esc(h?.event ?? '')}${c}ACK`,
    esc(input.controlId),
    'P',
    version,
  ].join(f);
  const msa = ['MSA', code, esc(h?.controlId ?? ''), esc(why.slice(0, 80))].join(f);
  const err = errors.map((p) => {
    const at = location(p);
    const sequence = String(p.sequence ?? (p.segmentNumber ? 1 : ''));
    const severity = p.severity === 'warning' ? 'W' : 'E';
    if (!modern) {
      // 2.3/2.4 ERR-1 (ELD): segment^sequence^field^code&text&HL70357
      return [
        'ERR',
        [at.segment, sequence, at.field, [p.hl7Error, esc(p.code), 'HL70357'].join(s)].join(c),
      ].join(f);
    }
    return [
      'ERR',
      '',
      [at.segment, sequence, at.field, at.field ? '1' : '', at.component].join(c),
      [p.hl7Error, esc(p.code), 'HL70357'].join(c),
      severity,
      '',
      '',
      '',
      esc(p.message),
    ].join(f);
  });
  return { code, text: [msh, msa, ...err].join('\r') + '\r' };
}
