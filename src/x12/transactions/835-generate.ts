// 835 writer: typed remittances → the loop tree of one transaction set each (header, 1000A/B, 2000,
// 2100, 2110, PLB), put in guide order by the X221A1 map and enveloped like the 837 and 999.
import { toX12Date } from '../engine/dates.ts';
import { inGuideOrder, loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import { formatCents } from '../engine/money.ts';
import {
  formatSegment,
  writeInterchange,
  WRITE_DELIMITERS,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';
import { X221A1 } from '../maps/835.ts';
import type { LoopRule } from '../maps/types.ts';
import { encode } from './codec.ts';
import { MIA, MOA, QTY } from './837-codecs.ts';
import { addressSegments, nm1Segment, REF } from './837-parties.ts';
import { BPR, CLP, N1, RDM, TRN, TS2, TS3, type FlatPayment } from './835-codecs.ts';
import { CLAIM_NAMES } from './835.ts';
import { casSegments, procedureComposite } from './segments.ts';
import type {
  ClaimHeader,
  ClaimPayment,
  Payment,
  QualifiedAmount,
  QualifiedDate,
  Reference,
  Remittance,
  RemitContact,
  RemitParty,
  ServicePayment,
} from './835-types.ts';
import type { LineQuantity } from './837-line-types.ts';
import type { Party } from './837-types.ts';

export type Write835Options = EnvelopeOptions & { numbers: ControlNumberSource };

const dtm = (d: QualifiedDate): SegmentFields => ['DTM', d.qualifier, toX12Date(d.date)];
const amt = (a: QualifiedAmount): SegmentFields => ['AMT', a.qualifier, formatCents(a.amountCents)];
const ref = (r: Reference): SegmentFields => encode(REF, r);
const qty = (q: LineQuantity): SegmentFields => encode(QTY, q);
const per = (c: RemitContact): SegmentFields => [
  'PER',
  c.function,
  c.name ?? '',
  ...c.numbers.flatMap((n) => [n.qualifier, n.number]),
];

function bprSegment(p: Payment): SegmentFields {
  const { senderAccount: s, receiverAccount: r, ...rest } = p;
  const flat: FlatPayment = { ...rest };
  if (s) {
    flat.senderDfiQualifier = s.dfiQualifier;
    flat.senderDfiId = s.dfiId;
    flat.senderAccountQualifier = s.accountQualifier;
    flat.senderAccount = s.account;
  }
  if (r) {
    flat.receiverDfiQualifier = r.dfiQualifier;
    flat.receiverDfiId = r.dfiId;
    flat.receiverAccountQualifier = r.accountQualifier;
    flat.receiverAccount = r.account;
  }
  // BPR02 is required even when it is 0 (BPR01 H): the codec writes 0 as "0".
  return encode(BPR, flat);
}

function partyLoop(entity: 'PR' | 'PE', p: RemitParty): LoopToWrite {
  const n1 = [...encode(N1, p)];
  n1[1] = entity;
  return loopToWrite([
    n1 as unknown as SegmentFields,
    ...addressSegments(p.address),
    ...p.additionalIds.map(ref),
    ...(p.contacts ?? []).map(per),
    ...(p.deliveryMethod ? [encode(RDM, p.deliveryMethod)] : []),
  ]);
}

function serviceLoop(s: ServicePayment): LoopToWrite {
  const svc: SegmentFields = [
    'SVC',
    procedureComposite(s.procedure),
    formatCents(s.chargeCents),
    formatCents(s.paidCents),
    s.revenueCode ?? '',
    s.units ?? '',
    s.originalProcedure ? procedureComposite(s.originalProcedure) : '',
    s.originalUnits ?? '',
  ];
  return loopToWrite([
    svc,
    ...s.dates.map(dtm),
    ...casSegments(s.adjustments),
    ...s.references.map(ref),
    ...(s.lineControlNumber ? [['REF', '6R', s.lineControlNumber] as SegmentFields] : []),
    ...s.amounts.map(amt),
    ...(s.quantities ?? []).map(qty),
    ...s.remarks.map((r): SegmentFields => ['LQ', r.qualifier, r.code]),
  ]);
}

function claimLoop(c: ClaimPayment): LoopToWrite {
  const names = CLAIM_NAMES.flatMap(([field, entity]) => {
    const p = c[field] as Party | undefined;
    return p ? [nm1Segment(entity, p)] : [];
  });
  return loopToWrite(
    [
      encode(CLP, c),
      ...casSegments(c.adjustments),
      ...names,
      ...(c.inpatient ? [encode(MIA, c.inpatient)] : []),
      ...(c.outpatient ? [encode(MOA, c.outpatient)] : []),
      ...c.references.map(ref),
      ...c.dates.map(dtm),
      ...(c.contacts ?? []).map(per),
      ...c.amounts.map(amt),
      ...(c.quantities ?? []).map(qty),
    ],
    c.serviceLines.map(serviceLoop),
  );
}

/** 2000 loops: consecutive claims with the same LX01 share one (numbered 1, 2… when claims carry none). */
function headerLoops(r: Remittance): LoopToWrite[] {
  const out: LoopToWrite[] = [];
  let last: string | undefined;
  let current: LoopToWrite | undefined;
  for (const c of r.claims) {
    const number = c.headerNumber ?? '1';
    if (!current || number !== last) {
      const h: ClaimHeader | undefined = r.headers?.find((x) => x.number === number);
      current = loopToWrite([
        ['LX', number],
        ...(h?.providerSummary ? [encode(TS3, h.providerSummary)] : []),
        ...(h?.supplementalSummary ? [encode(TS2, h.supplementalSummary)] : []),
      ]);
      out.push(current);
      last = number;
    }
    current.loops.push(claimLoop(c));
  }
  return out;
}

function plbSegment(p: Remittance['providerAdjustments'][number]): SegmentFields {
  return [
    'PLB',
    p.providerId,
    toX12Date(p.fiscalPeriodDate),
    ...p.adjustments.flatMap((a) => [
      a.referenceId ? [a.reason, a.referenceId] : a.reason,
      formatCents(a.amountCents),
    ]),
  ];
}

const ROOT: LoopRule = {
  kind: 'loop',
  id: 'ST',
  name: X221A1.name,
  usage: 'R',
  max: 1,
  children: X221A1.body,
};

/** The segments between ST and SE of one 835 transaction set, in X221A1 order. */
export function remittanceToSegments(r: Remittance): SegmentFields[] {
  const tree = loopToWrite(
    [
      bprSegment(r.payment),
      encode(TRN, r.trace),
      ...(r.receiverId ? [['REF', 'EV', r.receiverId] as SegmentFields] : []),
      ...(r.versionId ? [['REF', 'F2', r.versionId] as SegmentFields] : []),
      ...(r.productionDate ? [['DTM', '405', toX12Date(r.productionDate)] as SegmentFields] : []),
      ...r.providerAdjustments.map(plbSegment),
    ],
    [partyLoop('PR', r.payer), partyLoop('PE', r.payee), ...headerLoops(r)],
  );
  const unplaced: SegmentFields[] = [];
  const out = inGuideOrder(ROOT, tree, [], unplaced);
  if (unplaced.length > 0) {
    const list = unplaced.slice(0, 5).map((s) => formatSegment(s, WRITE_DELIMITERS));
    throw new Error(`005010X221A1 has no place for ${unplaced.length} segment(s): ${list.join(' ')}`);
  }
  return out;
}

/**
 * Writes remittances as one 835 interchange (one GS HP group, one ST/SE per remittance; control
 * numbers from `options.numbers`, so ST02 is the writer's, not the remittance's controlNumber).
 */
export async function write835(
  remittances: readonly Remittance[],
  options: Write835Options,
): Promise<string> {
  const guide = X221A1.guide;
  const transactions = remittances.map((r) => ({
    setId: '835',
    guide,
    body: remittanceToSegments(r),
    omitSt03: true,
  }));
  return writeInterchange([{ functionalId: 'HP', guide, transactions }], options, options.numbers);
}
