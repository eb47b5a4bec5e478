// Loop 2400 Service Line with 2410 (drug), 2420A–H (providers), 2430 (prior payer adjudication) and
// 2440 (forms): read from the loop tree and written back.
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import { formatCents } from '../engine/money.ts';
import { all, first, loopsOf, type LoopNode } from '../engine/tree.ts';
import type { Segment } from '../engine/types.ts';
import { components } from '../engine/values.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { fromAll, fromFirst, set } from './fields.ts';
import { decode, encode, readCents, type ReadContext } from './codec.ts';
import {
  CN1,
  CR1,
  CR3,
  CRC,
  FRM,
  HCP,
  LINE_AMOUNTS,
  LINE_REF_LISTS,
  LINE_REFS,
  MEA,
  NTE,
  PS1,
  PWK,
  QTY,
  SV1,
  SV2,
  SV5,
} from './837-codecs.ts';
import { adjudicationLoop, readAdjudication } from './837-cob.ts';
import { providerRoleLoops, readProviderRoles, readRefs, REF } from './837-parties.ts';
import { dateSegment, procedureComposite, readDate, readProcedure } from './segments.ts';
import type { Drug, Form, ServiceLine, Guide } from './837-types.ts';

/** SV1 (837P) or SV2 (837I): procedure, charge, units and the line indicators. */
function readService(l: LoopNode, ctx: ReadContext): ServiceLine {
  const sv1 = first(l, 'SV1');
  const sv2 = first(l, 'SV2');
  const s = (sv1 ?? sv2) as Segment | undefined;
  const head = sv1 ? decode(SV1, sv1, ctx) : sv2 ? decode(SV2, sv2, ctx) : undefined;
  const procedureAt = sv2 && !sv1 ? 2 : 1;
  return {
    ...head,
    procedure: s?.el[procedureAt]
      ? readProcedure(s, procedureAt, ctx)
      : { qualifier: '', code: '', modifiers: [] },
    chargeCents: head?.chargeCents ?? 0,
    unitType: head?.unitType ?? '',
    units: head?.units ?? '',
    diagnosisPointers: sv1
      ? components(sv1, 7, ctx.d)
          .filter((p) => p !== '')
          .map(Number)
      : [],
    serviceDate: { from: '' },
  };
}

function readDrug(l: LoopNode, ctx: ReadContext): Drug {
  const lin = first(l, 'LIN');
  const ctp = first(l, 'CTP');
  const d: Drug = {
    qualifier: lin?.el[2] ?? '',
    code: lin?.el[3] ?? '',
    quantity: ctp?.el[4] ?? '',
    unit: ctp ? (components(ctp, 5, ctx.d)[0] ?? '') : '',
  };
  const ref = readRefs(l, ctx)[0];
  if (ref) d.prescription = ref;
  return d;
}

function readForm(l: LoopNode, ctx: ReadContext): Form {
  const lq = l.segments[0] as Segment;
  return {
    qualifier: lq.el[1] ?? '',
    formId: lq.el[2] ?? '',
    answers: all(l, 'FRM').map((s) => {
      const a = decode(FRM, s, ctx);
      return { ...a, question: a.question ?? '' };
    }),
  };
}

/** Named REF and AMT fields of loop 2400. */
function readQualified(l: LoopNode, line: ServiceLine, ctx: ReadContext): void {
  for (const [field, q] of LINE_REFS) set(line, field, first(l, 'REF', q)?.el[2] as never);
  for (const [field, q] of LINE_REF_LISTS)
    set(line, field, all(l, 'REF', q).map((s) => decode(REF, s, ctx)) as never);
  for (const [field, q] of LINE_AMOUNTS) {
    const s = first(l, 'AMT', q);
    if (s) set(line, field, readCents(s, '02', s.el[2] ?? '', ctx) as never);
  }
}

export function readLine(l: LoopNode, ctx: ReadContext): ServiceLine {
  const line = readService(l, ctx);
  const dates = all(l, 'DTP').map(readDate);
  const served = dates.findIndex((d) => d.qualifier === '472');
  if (served >= 0) line.serviceDate = (dates.splice(served, 1)[0] as (typeof dates)[number]).period;
  set(line, 'dates', dates);
  fromFirst(line, 'dme', l, 'SV5', (s) => decode(SV5, s, ctx));
  fromFirst(line, 'ambulanceTransport', l, 'CR1', (s) => decode(CR1, s, ctx));
  fromFirst(line, 'dmeCertification', l, 'CR3', (s) => decode(CR3, s, ctx));
  fromFirst(line, 'contract', l, 'CN1', (s) => decode(CN1, s, ctx));
  fromFirst(line, 'purchasedService', l, 'PS1', (s) => decode(PS1, s, ctx));
  fromFirst(line, 'repricing', l, 'HCP', (s) => decode(HCP, s, ctx));
  fromAll(line, 'attachments', l, 'PWK', (s) => decode(PWK, s, ctx));
  fromAll(line, 'conditions', l, 'CRC', (s) => decode(CRC, s, ctx));
  fromAll(line, 'quantities', l, 'QTY', (s) => decode(QTY, s, ctx));
  fromAll(line, 'measurements', l, 'MEA', (s) => decode(MEA, s, ctx));
  fromAll(line, 'fileInformation', l, 'K3', (s) => s.el[1] ?? '');
  fromAll(line, 'notes', l, 'NTE', (s) => decode(NTE, s, ctx));
  readQualified(l, line, ctx);
  const drug = loopsOf(l, '2410')[0];
  if (drug) line.drug = readDrug(drug, ctx);
  readProviderRoles(l, ctx, line);
  set(
    line,
    'adjudications',
    loopsOf(l, '2430').map((x) => readAdjudication(x, ctx)),
  );
  set(
    line,
    'forms',
    loopsOf(l, '2440').map((x) => readForm(x, ctx)),
  );
  return line;
}

function serviceSegment(line: ServiceLine, guide: Guide): SegmentFields {
  const inst = guide === '005010X223A2';
  const f = [...encode(inst ? SV2 : SV1, line)] as (string | string[])[];
  const at = inst ? 2 : 1;
  while (f.length <= (inst ? 2 : 7)) f.push('');
  if (!inst || line.procedure.code) f[at] = procedureComposite(line.procedure);
  if (!inst) f[7] = line.diagnosisPointers.map(String);
  return f as unknown as SegmentFields;
}

function qualifiedSegments(line: ServiceLine): SegmentFields[] {
  const out: SegmentFields[] = [];
  for (const [field, q] of LINE_REFS) {
    const v = line[field];
    if (typeof v === 'string' && v) out.push(['REF', q, v]);
  }
  for (const [field] of LINE_REF_LISTS) {
    for (const r of (line[field] as ServiceLine['priorAuthorizations']) ?? []) out.push(encode(REF, r));
  }
  for (const [field, q] of LINE_AMOUNTS) {
    const v = line[field];
    if (typeof v === 'number') out.push(['AMT', q, formatCents(v)]);
  }
  return out;
}

function drugLoop(d: Drug): LoopToWrite {
  const segs: SegmentFields[] = [
    ['LIN', '', d.qualifier, d.code],
    ['CTP', '', '', '', d.quantity, [d.unit]],
  ];
  if (d.prescription) segs.push(encode(REF, d.prescription));
  return loopToWrite(segs);
}

const formLoop = (f: Form): LoopToWrite =>
  loopToWrite([['LQ', f.qualifier, f.formId], ...f.answers.map((a) => encode(FRM, a))]);

/** Loop 2400 to write; `n` is LX01 (lines are numbered 1, 2, 3… in order). */
export function lineLoop(line: ServiceLine, n: number, guide: Guide): LoopToWrite {
  const segs: SegmentFields[] = [['LX', String(n)], serviceSegment(line, guide)];
  if (line.dme) segs.push(encode(SV5, line.dme));
  for (const a of line.attachments ?? []) segs.push(encode(PWK, a));
  if (line.ambulanceTransport) segs.push(encode(CR1, line.ambulanceTransport));
  if (line.dmeCertification) segs.push(encode(CR3, line.dmeCertification));
  for (const c of line.conditions ?? []) segs.push(encode(CRC, c));
  if (line.serviceDate.from !== '') segs.push(dateSegment('472', line.serviceDate));
  for (const d of line.dates ?? []) segs.push(dateSegment(d.qualifier, d.period, d.time));
  for (const q of line.quantities ?? []) segs.push(encode(QTY, q));
  for (const m of line.measurements ?? []) segs.push(encode(MEA, m));
  if (line.contract) segs.push(encode(CN1, line.contract));
  segs.push(...qualifiedSegments(line));
  for (const k of line.fileInformation ?? []) segs.push(['K3', k]);
  for (const note of line.notes ?? []) segs.push(encode(NTE, note));
  if (line.purchasedService) segs.push(encode(PS1, line.purchasedService));
  if (line.repricing) segs.push(encode(HCP, line.repricing));
  return loopToWrite(segs, [
    ...(line.drug ? [drugLoop(line.drug)] : []),
    ...providerRoleLoops(line, guide),
    ...(line.adjudications ?? []).map(adjudicationLoop),
    ...(line.forms ?? []).map(formLoop),
  ]);
}
