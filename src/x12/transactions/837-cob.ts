// Coordination of benefits: loop 2320/2330A–I (other payers of the claim) and 2430 (a prior payer's
// adjudication of one service line), read from the loop tree and written back.
import { fromX12Date, toX12Date } from '../engine/dates.ts';
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import { formatCents } from '../engine/money.ts';
import { all, first, type LoopNode } from '../engine/tree.ts';
import type { Segment } from '../engine/types.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { decode, encode, readCents, type ReadContext } from './codec.ts';
import { MIA, MOA, OI, OTHER_PAYER_AMOUNTS, SBR, SVD } from './837-codecs.ts';
import { partySegments, providerRoleLoops, readParty, readProviderRoles } from './837-parties.ts';
import { casSegments, procedureComposite, readAdjustments, readProcedure } from './segments.ts';
import type { LineAdjudication, OtherPayer, Party, Guide } from './837-types.ts';

const EMPTY_PARTY = (entityType: '1' | '2'): Party => ({ entityType, lastOrOrganizationName: '' });

const nameLoop = (l: LoopNode, entity: string): LoopNode | undefined =>
  l.loops.find((x) => x.segments[0]?.id === 'NM1' && x.segments[0].el[1] === entity);

export function readOtherPayer(l: LoopNode, ctx: ReadContext): OtherPayer {
  const sbr = first(l, 'SBR');
  const oi = first(l, 'OI');
  const sub = nameLoop(l, 'IL');
  const payer = nameLoop(l, 'PR');
  const head = sbr ? decode(SBR, sbr, ctx) : {};
  const o: OtherPayer = {
    ...head,
    payerResponsibility: sbr?.el[1] ?? '',
    relationship: sbr?.el[2] ?? '',
    adjustments: readAdjustments(all(l, 'CAS'), ctx),
    ...(oi ? decode(OI, oi, ctx) : {}),
    benefitsAssigned: oi?.el[3] ?? '',
    releaseOfInformation: oi?.el[6] ?? '',
    // 2330B DTP*573 is read below, so it is not among the payer party's fields.
    subscriber: sub ? readParty(sub, ctx) : EMPTY_PARTY('1'),
    payer: payer ? readParty(payer, ctx) : EMPTY_PARTY('2'),
  };
  for (const [field, q] of OTHER_PAYER_AMOUNTS) {
    const s = first(l, 'AMT', q);
    if (s) (o[field] as number) = readCents(s, '02', s.el[2] ?? '', ctx);
  }
  const mia = first(l, 'MIA');
  if (mia) {
    const m = decode(MIA, mia, ctx);
    o.inpatient = { ...m, remarkCodes: m.remarkCodes ?? [] };
  }
  const moa = first(l, 'MOA');
  if (moa) {
    const m = decode(MOA, moa, ctx);
    o.outpatient = { ...m, remarkCodes: m.remarkCodes ?? [] };
  }
  const paid = payer ? first(payer, 'DTP', '573') : undefined;
  if (paid?.el[3]) o.remittanceDate = fromX12Date(paid.el[3]);
  // The 2330C–I provider loops are siblings of 2330A/B; the payer (PR) and subscriber (IL) are not roles.
  readProviderRoles(l, ctx, o);
  return o;
}

/** Loop 2320 with its 2330 loops to write. */
export function otherPayerLoop(o: OtherPayer, guide: Guide): LoopToWrite {
  const segs: SegmentFields[] = [encode(SBR, o), ...casSegments(o.adjustments)];
  for (const [field, q] of OTHER_PAYER_AMOUNTS) {
    const v = o[field];
    if (typeof v === 'number') segs.push(['AMT', q, formatCents(v)]);
  }
  segs.push(encode(OI, o));
  if (o.inpatient) segs.push(encode(MIA, o.inpatient));
  if (o.outpatient) segs.push(encode(MOA, o.outpatient));
  const payer = partySegments('PR', o.payer);
  if (o.remittanceDate) payer.push(['DTP', '573', 'D8', toX12Date(o.remittanceDate)]);
  return loopToWrite(segs, [
    loopToWrite(partySegments('IL', o.subscriber)),
    loopToWrite(payer),
    ...providerRoleLoops(o, guide),
  ]);
}

export function readAdjudication(l: LoopNode, ctx: ReadContext): LineAdjudication {
  const svd = l.segments[0] as Segment;
  const paid = first(l, 'DTP', '573');
  const eaf = first(l, 'AMT', 'EAF');
  const a: LineAdjudication = {
    ...decode(SVD, svd, ctx),
    otherPayerId: svd.el[1] ?? '',
    paidCents: readCents(svd, '02', svd.el[2] ?? '', ctx),
    units: svd.el[5] ?? '',
    adjustments: readAdjustments(all(l, 'CAS'), ctx),
    adjudicationDate: paid?.el[3] ? fromX12Date(paid.el[3]) : '',
  };
  if (svd.el[3]) a.procedure = readProcedure(svd, 3, ctx);
  if (eaf) a.remainingPatientLiabilityCents = readCents(eaf, '02', eaf.el[2] ?? '', ctx);
  return a;
}

export function adjudicationLoop(a: LineAdjudication): LoopToWrite {
  const svd = [...encode(SVD, a)] as (string | string[])[];
  if (a.procedure) {
    while (svd.length < 4) svd.push('');
    svd[3] = procedureComposite(a.procedure);
  }
  const segs: SegmentFields[] = [svd as unknown as SegmentFields, ...casSegments(a.adjustments)];
  segs.push(['DTP', '573', 'D8', toX12Date(a.adjudicationDate)]);
  if (a.remainingPatientLiabilityCents !== undefined)
    segs.push(['AMT', 'EAF', formatCents(a.remainingPatientLiabilityCents)]);
  return loopToWrite(segs);
}
