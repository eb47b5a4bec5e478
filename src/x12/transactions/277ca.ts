import { fromPeriod, type DatePeriod, type IsoDate } from '../engine/dates.ts';
import { all, first, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Delimiters, type Segment } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { element as el } from '../engine/values.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import type { Cents } from '../engine/money.ts';
import { AmountReader, set } from './fields.ts';
import { readStatus } from './claim-status-codecs.ts';

/** Claim status category (STC01-1, code source 507): A1 received, A2 accepted, A3/A6/A7/A8 rejected… */
export type StatusOutcome = 'received' | 'accepted' | 'rejected' | 'pending' | 'other';

export interface ClaimStatus {
  category: string;
  /** STC01-2 claim status code (code source 508). */
  code: string;
  entity?: string;
  outcome: StatusOutcome;
  effectiveDate?: IsoDate;
  actionCode?: string;
  chargeCents?: Cents;
  /** STC10/STC11 further category:code pairs. */
  additional: { category: string; code: string; entity?: string }[];
  message?: string;
}

export interface AckParty {
  name: string;
  idQualifier?: string;
  id?: string;
  traceNumber?: string;
  statuses: ClaimStatus[];
}

export interface LineAck {
  procedure: string;
  chargeCents: Cents;
  statuses: ClaimStatus[];
  lineControlNumber?: string;
  serviceDate?: DatePeriod;
}

/** Loop 2200D: one claim's acknowledgment. */
export interface ClaimAck {
  patient: { lastName: string; firstName?: string; memberId?: string };
  /** TRN02: the patient control number (CLM01) the 837 sent. */
  patientControlNumber: string;
  statuses: ClaimStatus[];
  accepted: boolean;
  payerClaimControlNumber?: string;
  clearinghouseTraceNumber?: string;
  billType?: string;
  serviceDate?: DatePeriod;
  lines: LineAck[];
}

export interface ClaimAcknowledgment {
  controlNumber: string;
  informationSource: AckParty;
  receivers: AckParty[];
  providers: AckParty[];
  claims: ClaimAck[];
}

export interface Parse277CAResult {
  acknowledgments: ClaimAcknowledgment[];
  problems: X12Problem[];
  valid: boolean;
}

export function outcomeOf(category: string): StatusOutcome {
  if (category === 'A1' || category === 'A0') return 'received';
  if (category === 'A2' || category === 'A5') return 'accepted';
  if (/^A[3-8]$/.test(category) || category === 'R3') return 'rejected';
  if (/^P\d$/.test(category)) return 'pending';
  return 'other';
}

class Reader277 {
  constructor(
    private readonly d: Delimiters,
    private readonly amt: AmountReader,
    private readonly problems: ProblemList,
  ) {}

  /** STC through the field table the 277 (X212) reader and writer share. */
  status(s: Segment): ClaimStatus {
    return readStatus(s, { d: this.d, problems: this.problems });
  }

  party(nameLoop: LoopNode | undefined, trace: LoopNode | undefined): AckParty {
    const nm1 = nameLoop?.segments[0];
    const p: AckParty = {
      name: nm1 ? el(nm1, 3) : '',
      statuses: trace ? all(trace, 'STC').map((s) => this.status(s)) : [],
    };
    if (nm1) {
      set(p, 'idQualifier', el(nm1, 8));
      set(p, 'id', el(nm1, 9));
    }
    if (trace) set(p, 'traceNumber', first(trace, 'TRN')?.el[2]);
    return p;
  }

  line(l: LoopNode): LineAck {
    const svc = l.segments[0] as Segment;
    const line: LineAck = {
      procedure: el(svc, 1),
      chargeCents: this.amt.at(svc, 2),
      statuses: all(l, 'STC').map((s) => this.status(s)),
    };
    set(line, 'lineControlNumber', first(l, 'REF', 'FJ')?.el[2]);
    const dtp = first(l, 'DTP', '472');
    if (dtp) line.serviceDate = fromPeriod(el(dtp, 2), el(dtp, 3));
    return line;
  }

  claim(patient: LoopNode, l: LoopNode): ClaimAck {
    const nm1 = loopOf(patient, '2100D')?.segments[0];
    const statuses = all(l, 'STC').map((s) => this.status(s));
    const p: ClaimAck['patient'] = { lastName: nm1 ? el(nm1, 3) : '' };
    if (nm1) {
      set(p, 'firstName', el(nm1, 4));
      set(p, 'memberId', el(nm1, 9));
    }
    const c: ClaimAck = {
      patient: p,
      patientControlNumber: first(l, 'TRN')?.el[2] ?? '',
      statuses,
      accepted:
        statuses.some((s) => s.outcome === 'accepted') && !statuses.some((s) => s.outcome === 'rejected'),
      lines: loopsOf(l, '2220D').map((x) => this.line(x)),
    };
    set(c, 'payerClaimControlNumber', first(l, 'REF', '1K')?.el[2]);
    set(c, 'clearinghouseTraceNumber', first(l, 'REF', 'D9')?.el[2]);
    set(c, 'billType', first(l, 'REF', 'BLT')?.el[2]);
    const dtp = first(l, 'DTP', '472');
    if (dtp) c.serviceDate = fromPeriod(el(dtp, 2), el(dtp, 3));
    return c;
  }

  acknowledgment(root: LoopNode, controlNumber: string): ClaimAcknowledgment {
    const a = loopsOf(root, '2000A')[0];
    const out: ClaimAcknowledgment = {
      controlNumber,
      informationSource: this.party(a && loopOf(a, '2100A'), a && loopOf(a, '2200A')),
      receivers: [],
      providers: [],
      claims: [],
    };
    for (const src of loopsOf(root, '2000A')) {
      for (const b of loopsOf(src, '2000B')) {
        out.receivers.push(this.party(loopOf(b, '2100B'), loopOf(b, '2200B')));
        for (const c of loopsOf(b, '2000C')) {
          out.providers.push(this.party(loopOf(c, '2100C'), loopOf(c, '2200C')));
          for (const dd of loopsOf(c, '2000D'))
            for (const claim of loopsOf(dd, '2200D')) out.claims.push(this.claim(dd, claim));
        }
      }
    }
    return out;
  }
}

/** Reads 277CA claim acknowledgments: STC categories and status codes per receiver, provider, claim and line. */
export function parse277CA(input: X12Input): Parse277CAResult {
  const v = asValidation(input);
  const extra = new ProblemList();
  const r = new Reader277(v.document.delimiters ?? DEFAULT_DELIMITERS, new AmountReader(extra), extra);
  const acknowledgments = v.transactions
    .filter((t) => t.tx.setId === '277' && t.guide === '005010X214' && t.tree)
    .map((t) => r.acknowledgment(t.tree as LoopNode, t.tx.controlNumber));
  return {
    acknowledgments,
    problems: [...v.problems, ...extra.toArray()],
    valid: v.valid && extra.items.length === 0,
  };
}
