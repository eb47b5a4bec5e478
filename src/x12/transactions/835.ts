// 835 reader: the loop tree of each 835 transaction set → typed remittances, through the same field
// tables (835-codecs.ts, codec.ts) the 835 writer (835-generate.ts) uses.
import { fromX12Date } from '../engine/dates.ts';
import type { TransactionSet } from '../engine/envelope.ts';
import { all, first, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Delimiters, type Segment } from '../engine/types.ts';
import {
  asValidation,
  walkX12,
  walkX12Async,
  type StreamSummary,
  type WalkHandler,
  type X12Input,
} from '../engine/validate.ts';
import { components, element as el } from '../engine/values.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import type { Adjustment, Party, Procedure } from './837-types.ts';
import type {
  ClaimHeader,
  ClaimPayment,
  Payment,
  ProviderAdjustment,
  Remittance,
  RemitContact,
  RemitParty,
  ServicePayment,
} from './835-types.ts';
import { readAddress, readParty } from './837-parties.ts';
import { MIA, MOA, QTY } from './837-codecs.ts';
import { BPR, CLP, N1, RDM, TRN, TS2, TS3 } from './835-codecs.ts';
import { readAdjustments, readProcedure } from './segments.ts';
import { decode, type Codec, type ReadContext } from './codec.ts';
import { AmountReader, set } from './fields.ts';

export type * from './835-types.ts';

export interface Parse835Result {
  remittances: Remittance[];
  problems: X12Problem[];
  valid: boolean;
}

/** NM1 entity codes of loop 2100 → the claim payment's field. */
export const CLAIM_NAMES: readonly (readonly [keyof ClaimPayment, string])[] = [
  ['patient', 'QC'],
  ['insured', 'IL'],
  ['correctedInsured', '74'],
  ['renderingProvider', '82'],
  ['crossoverCarrier', 'TT'],
  ['correctedPriorityPayer', 'PR'],
  ['otherSubscriber', 'GB'],
];

/** PER: PER01 function, PER02 name, PER03–PER08 up to three qualifier/number pairs. */
export function readRemitContact(s: Segment): RemitContact {
  const c: RemitContact = { function: el(s, 1), numbers: [] };
  if (el(s, 2)) c.name = el(s, 2);
  for (let i = 3; i <= 7; i += 2)
    if (el(s, i) || el(s, i + 1)) c.numbers.push({ qualifier: el(s, i), number: el(s, i + 1) });
  return c;
}

class Reader835 {
  private readonly ctx: ReadContext;
  constructor(
    private readonly d: Delimiters,
    private readonly amt: AmountReader,
    problems: ProblemList,
  ) {
    this.ctx = { d, problems };
  }

  adjustments = (segments: Segment[]): Adjustment[] => readAdjustments(segments, this.ctx);
  procedure = (s: Segment, n: number): Procedure => readProcedure(s, n, this.ctx);

  dates = (node: LoopNode) =>
    all(node, 'DTM').map((s) => ({ qualifier: el(s, 1), date: fromX12Date(el(s, 2)) }));
  refs = (node: LoopNode, skip: string[] = []) =>
    all(node, 'REF')
      .filter((s) => !skip.includes(el(s, 1)))
      .map((s) => ({ qualifier: el(s, 1), value: el(s, 2) }));
  amounts = (node: LoopNode) =>
    all(node, 'AMT').map((s) => ({ qualifier: el(s, 1), amountCents: this.amt.at(s, 2) }));
  /** The fields a segment holds (a required one may be missing from a bad file). */
  some = <T>(c: Codec<T>, s: Segment): Partial<T> => decode(c, s, this.ctx);
  quantities = (node: LoopNode) => all(node, 'QTY').map((s) => decode(QTY, s, this.ctx));

  service(l: LoopNode): ServicePayment {
    const svc = l.segments[0] as Segment;
    const sp: ServicePayment = {
      procedure: this.procedure(svc, 1),
      chargeCents: this.amt.at(svc, 2),
      paidCents: this.amt.at(svc, 3),
      dates: this.dates(l),
      adjustments: this.adjustments(all(l, 'CAS')),
      references: this.refs(l, ['6R']),
      amounts: this.amounts(l),
      remarks: all(l, 'LQ').map((s) => ({ qualifier: el(s, 1), code: el(s, 2) })),
    };
    set(sp, 'segmentNumber', svc.n);
    set(sp, 'revenueCode', el(svc, 4));
    set(sp, 'units', el(svc, 5));
    if (el(svc, 6)) sp.originalProcedure = this.procedure(svc, 6);
    set(sp, 'originalUnits', el(svc, 7));
    set(sp, 'lineControlNumber', first(l, 'REF', '6R')?.el[2]);
    set(sp, 'quantities', this.quantities(l));
    return sp;
  }

  claim(l: LoopNode, headerNumber: string): ClaimPayment {
    const clp = l.segments[0] as Segment;
    const c: ClaimPayment = {
      patientControlNumber: '',
      status: '',
      chargeCents: 0,
      paidCents: 0,
      ...this.some(CLP, clp),
      adjustments: this.adjustments(all(l, 'CAS')),
      dates: this.dates(l),
      references: this.refs(l),
      amounts: this.amounts(l),
      serviceLines: loopsOf(l, '2110').map((x) => this.service(x)),
    };
    set(c, 'segmentNumber', clp.n);
    set(c, 'headerNumber', headerNumber);
    for (const [field, entity] of CLAIM_NAMES) {
      const s = first(l, 'NM1', entity);
      if (s) (c as unknown as Record<string, Party>)[field] = this.name(s);
    }
    const mia = first(l, 'MIA');
    if (mia) c.inpatient = { coveredDaysOrVisits: '', remarkCodes: [], ...this.some(MIA, mia) };
    const moa = first(l, 'MOA');
    if (moa) c.outpatient = { remarkCodes: [], ...this.some(MOA, moa) };
    set(c, 'contacts', all(l, 'PER').map(readRemitContact));
    set(c, 'quantities', this.quantities(l));
    return c;
  }

  name = (s: Segment): Party =>
    readParty({ id: 'NM1', name: '', segments: [s], loops: [], stray: [] }, this.ctx);

  party(l: LoopNode | undefined): RemitParty {
    const n1 = l?.segments[0];
    if (!l || !n1) return { name: '', additionalIds: [] };
    const p: RemitParty = { name: '', ...this.some(N1, n1), additionalIds: this.refs(l) };
    set(p, 'address', readAddress(l, this.ctx));
    set(p, 'contacts', all(l, 'PER').map(readRemitContact));
    const rdm = first(l, 'RDM');
    if (rdm) p.deliveryMethod = { transmissionCode: '', ...this.some(RDM, rdm) };
    return p;
  }

  plb(s: Segment): ProviderAdjustment {
    const adjustments: ProviderAdjustment['adjustments'] = [];
    // PLB03/05/07/09/11/13: reason:reference composite, each followed by its amount.
    for (let i = 3; i + 1 < s.el.length; i += 2) {
      if (!el(s, i)) continue;
      const [reason, ref] = components(s, i, this.d);
      const a: ProviderAdjustment['adjustments'][number] = {
        reason: reason ?? '',
        amountCents: this.amt.at(s, i + 1),
      };
      set(a, 'referenceId', ref);
      adjustments.push(a);
    }
    return { providerId: el(s, 1), fiscalPeriodDate: fromX12Date(el(s, 2)), adjustments };
  }

  payment(bpr: Segment | undefined): Payment {
    if (!bpr) return { handlingCode: '', totalPaidCents: 0, creditDebit: '', method: '' };
    const {
      senderDfiQualifier,
      senderDfiId,
      senderAccountQualifier,
      senderAccount,
      receiverDfiQualifier,
      receiverDfiId,
      receiverAccountQualifier,
      receiverAccount,
      ...flat
    } = this.some(BPR, bpr);
    const p: Payment = { handlingCode: '', totalPaidCents: 0, creditDebit: '', method: '', ...flat };
    if (senderDfiId)
      p.senderAccount = {
        dfiQualifier: senderDfiQualifier ?? '',
        dfiId: senderDfiId,
        accountQualifier: senderAccountQualifier ?? '',
        account: senderAccount ?? '',
      };
    if (receiverDfiId)
      p.receiverAccount = {
        dfiQualifier: receiverDfiQualifier ?? '',
        dfiId: receiverDfiId,
        accountQualifier: receiverAccountQualifier ?? '',
        account: receiverAccount ?? '',
      };
    return p;
  }

  header(h: LoopNode): ClaimHeader | undefined {
    const ts3 = first(h, 'TS3');
    const ts2 = first(h, 'TS2');
    if (!ts3 && !ts2) return undefined;
    const header: ClaimHeader = { number: el(h.segments[0] as Segment, 1) };
    if (ts3) header.providerSummary = decode(TS3, ts3, this.ctx);
    if (ts2) header.supplementalSummary = decode(TS2, ts2, this.ctx);
    return header;
  }

  /** The transaction; `claims` when its claim payments were read as their loops closed (parse835). */
  remittance(root: LoopNode, controlNumber: string, claims?: ClaimPayment[]): Remittance {
    const trn = first(root, 'TRN');
    const headers = loopsOf(root, '2000');
    const r: Remittance = {
      controlNumber,
      payment: this.payment(first(root, 'BPR')),
      trace: { type: '', checkOrEftNumber: '', ...(trn ? decode(TRN, trn, this.ctx) : {}) },
      payer: this.party(loopOf(root, '1000A')),
      payee: this.party(loopOf(root, '1000B')),
      claims:
        claims ??
        headers.flatMap((h) => loopsOf(h, '2100').map((c) => this.claim(c, el(h.segments[0] as Segment, 1)))),
      providerAdjustments: all(root, 'PLB').map((s) => this.plb(s)),
    };
    set(
      r,
      'headers',
      headers.map((h) => this.header(h)).filter((h) => h !== undefined),
    );
    set(r, 'receiverId', first(root, 'REF', 'EV')?.el[2]);
    set(r, 'versionId', first(root, 'REF', 'F2')?.el[2]);
    const dtm = first(root, 'DTM', '405');
    if (dtm) r.productionDate = fromX12Date(el(dtm, 2));
    return r;
  }
}

/**
 * Reads every 835 transaction set into typed remittances (amounts in integer cents). Whether it
 * balances is the remittance domain's question (src/remits/balance.ts), asked before posting.
 */
export function parse835(input: X12Input): Parse835Result {
  if (typeof input === 'string' || input instanceof Uint8Array) return read835(input);
  const v = asValidation(input);
  const extra = new ProblemList();
  const reader = new Reader835(v.document.delimiters ?? DEFAULT_DELIMITERS, new AmountReader(extra), extra);
  const remittances = v.transactions
    .filter((t) => t.tx.setId === '835' && t.tree)
    .map((t) => reader.remittance(t.tree as LoopNode, t.tx.controlNumber));
  const problems = [...v.problems, ...extra.toArray()];
  return { remittances, problems, valid: v.valid && extra.items.length === 0 };
}

/**
 * parse835 of text: each claim payment (loop 2100) is read as its loop closes and dropped from the
 * tree, so the file's segments are never all held at once. Reading a 50,000-claim 835 whole spent
 * half its time collecting what it held; the remittances and problems are the same.
 */
function read835(input: string | Uint8Array): Parse835Result {
  const reading = new Reading835();
  return reading.result(walkX12(input, reading));
}

/**
 * parse835 of text, giving the event loop a turn after each megabyte read (walkX12Async): an
 * import sends the file to the database and reads it at once.
 */
export async function parse835Async(input: string | Uint8Array): Promise<Parse835Result> {
  const reading = new Reading835();
  return reading.result(await walkX12Async(input, reading));
}

/** The walk's handler: reads each claim payment as its loop closes, each remittance as its set ends. */
class Reading835 implements WalkHandler {
  private readonly extra = new ProblemList();
  private readonly readers = new Map<Delimiters, Reader835>();
  private claims: ClaimPayment[] = [];
  private readonly remittances: Remittance[] = [];

  private readerOf(d: Delimiters): Reader835 {
    let r = this.readers.get(d);
    if (!r) this.readers.set(d, (r = new Reader835(d, new AmountReader(this.extra), this.extra)));
    return r;
  }

  loopClosed(node: LoopNode, parent: LoopNode, tx: TransactionSet, d: Delimiters): boolean {
    if (tx.setId !== '835' || node.id !== '2100') return false;
    this.claims.push(this.readerOf(d).claim(node, el(parent.segments[0] as Segment, 1)));
    return true;
  }

  transaction(tx: TransactionSet, tree: LoopNode | null, d: Delimiters): void {
    if (tx.setId === '835' && tree)
      this.remittances.push(this.readerOf(d).remittance(tree, tx.controlNumber, this.claims));
    this.claims = [];
  }

  result(walk: StreamSummary): Parse835Result {
    return {
      remittances: this.remittances,
      problems: [...walk.problems, ...this.extra.toArray()],
      valid: walk.valid && this.extra.items.length === 0,
    };
  }
}
