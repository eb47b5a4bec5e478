import { fromX12Date } from '../engine/dates.ts';
import { all, first, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import { DEFAULT_DELIMITERS, type Delimiters, type Segment } from '../engine/types.ts';
import { asValidation, type X12Input } from '../engine/validate.ts';
import { components, element as el } from '../engine/values.ts';
import { ProblemList, type X12Problem } from '../problems.ts';
import type { Adjustment, Party, Procedure } from './837-types.ts';
import type {
  ClaimPayment,
  ProviderAdjustment,
  Remittance,
  RemitParty,
  ServicePayment,
} from './835-types.ts';
import { readAddress, readParty } from './837-parties.ts';
import { readAdjustments, readProcedure } from './segments.ts';
import type { ReadContext } from './codec.ts';
import { AmountReader, set } from './fields.ts';

export type * from './835-types.ts';

export interface Parse835Result {
  remittances: Remittance[];
  problems: X12Problem[];
  valid: boolean;
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
    return sp;
  }

  claim(l: LoopNode, headerNumber: string): ClaimPayment {
    const clp = l.segments[0] as Segment;
    const nm1 = (q: string): Party | undefined => {
      const s = first(l, 'NM1', q);
      return s
        ? readParty({ id: 'NM1', name: '', segments: [s], loops: [], stray: [] }, this.ctx)
        : undefined;
    };
    const c: ClaimPayment = {
      patientControlNumber: el(clp, 1),
      status: el(clp, 2),
      chargeCents: this.amt.at(clp, 3),
      paidCents: this.amt.at(clp, 4),
      adjustments: this.adjustments(all(l, 'CAS')),
      dates: this.dates(l),
      references: this.refs(l),
      amounts: this.amounts(l),
      serviceLines: loopsOf(l, '2110').map((x) => this.service(x)),
    };
    set(c, 'segmentNumber', clp.n);
    set(c, 'headerNumber', headerNumber);
    set(c, 'patientResponsibilityCents', this.amt.opt(clp, 5));
    set(c, 'claimFilingIndicator', el(clp, 6));
    set(c, 'payerClaimControlNumber', el(clp, 7));
    set(c, 'facilityCode', el(clp, 8));
    set(c, 'frequencyCode', el(clp, 9));
    set(c, 'drgCode', el(clp, 11));
    set(c, 'patient', nm1('QC'));
    set(c, 'insured', nm1('IL'));
    set(c, 'correctedInsured', nm1('74'));
    set(c, 'renderingProvider', nm1('82'));
    set(c, 'crossoverCarrier', nm1('TT'));
    set(c, 'correctedPriorityPayer', nm1('PR'));
    const mia = first(l, 'MIA');
    if (mia) {
      c.inpatient = {
        coveredDaysOrVisits: el(mia, 1),
        remarkCodes: [5, 20, 21, 22, 23].map((i) => el(mia, i)).filter((x) => x),
      };
      set(c.inpatient, 'lifetimePsychiatricDays', el(mia, 3));
      set(c.inpatient, 'drgAmountCents', this.amt.opt(mia, 4));
    }
    const moa = first(l, 'MOA');
    if (moa) {
      c.outpatient = { remarkCodes: [3, 4, 5, 6, 7].map((i) => el(moa, i)).filter((x) => x) };
      set(c.outpatient, 'reimbursementRate', el(moa, 1));
      set(c.outpatient, 'hcpcsPayableCents', this.amt.opt(moa, 2));
      set(c.outpatient, 'esrdPaymentCents', this.amt.opt(moa, 8));
      set(c.outpatient, 'nonPayableProfessionalCents', this.amt.opt(moa, 9));
    }
    return c;
  }

  party(l: LoopNode | undefined): RemitParty {
    const n1 = l?.segments[0];
    if (!l || !n1) return { name: '', additionalIds: [] };
    const p: RemitParty = { name: el(n1, 2), additionalIds: this.refs(l) };
    set(p, 'idQualifier', el(n1, 3));
    set(p, 'id', el(n1, 4));
    set(p, 'address', readAddress(l, this.ctx));
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

  remittance(root: LoopNode, controlNumber: string): Remittance {
    const bpr = first(root, 'BPR');
    const trn = first(root, 'TRN');
    const r: Remittance = {
      controlNumber,
      payment: {
        handlingCode: bpr ? el(bpr, 1) : '',
        totalPaidCents: bpr ? this.amt.at(bpr, 2) : 0,
        creditDebit: bpr ? el(bpr, 3) : '',
        method: bpr ? el(bpr, 4) : '',
      },
      trace: { type: trn ? el(trn, 1) : '', checkOrEftNumber: trn ? el(trn, 2) : '' },
      payer: this.party(loopOf(root, '1000A')),
      payee: this.party(loopOf(root, '1000B')),
      claims: loopsOf(root, '2000').flatMap((h) =>
        loopsOf(h, '2100').map((c) => this.claim(c, el(h.segments[0] as Segment, 1))),
      ),
      providerAdjustments: all(root, 'PLB').map((s) => this.plb(s)),
    };
    if (bpr) {
      set(r.payment, 'format', el(bpr, 5));
      if (el(bpr, 16)) r.payment.date = fromX12Date(el(bpr, 16));
      if (el(bpr, 7))
        r.payment.senderAccount = {
          dfiQualifier: el(bpr, 6),
          dfiId: el(bpr, 7),
          accountQualifier: el(bpr, 8),
          account: el(bpr, 9),
        };
      if (el(bpr, 13))
        r.payment.receiverAccount = {
          dfiQualifier: el(bpr, 12),
          dfiId: el(bpr, 13),
          accountQualifier: el(bpr, 14),
          account: el(bpr, 15),
        };
    }
    if (trn) {
      set(r.trace, 'payerId', el(trn, 3));
      set(r.trace, 'originatingCompanySupplementalCode', el(trn, 4));
    }
    set(r, 'receiverId', first(root, 'REF', 'EV')?.el[2]);
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
  const v = asValidation(input);
  const extra = new ProblemList();
  const reader = new Reader835(v.document.delimiters ?? DEFAULT_DELIMITERS, new AmountReader(extra), extra);
  const remittances = v.transactions
    .filter((t) => t.tx.setId === '835' && t.tree)
    .map((t) => reader.remittance(t.tree as LoopNode, t.tx.controlNumber));
  const problems = [...v.problems, ...extra.toArray()];
  return { remittances, problems, valid: v.valid && extra.items.length === 0 };
}
