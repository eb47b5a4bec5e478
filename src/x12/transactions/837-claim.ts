// Loop 2300 Claim Information: read from the loop tree and written back (2310x via the provider roles,
// 2320 via 837-cob.ts, 2400 via 837-line.ts).
import { fromPeriod, toPeriod } from '../engine/dates.ts';
import { loopToWrite, type LoopToWrite } from '../engine/guide-order.ts';
import { all, first, loopsOf, type LoopNode } from '../engine/tree.ts';
import type { Segment } from '../engine/types.ts';
import { formatCents } from '../engine/money.ts';
import type { SegmentFields } from '../engine/writer.ts';
import { fromAll, fromFirst, set } from './fields.ts';
import { decode, encode, readCents, type ReadContext } from './codec.ts';
import { CL1, CLAIM_AMOUNTS, CLAIM_REFS, CLM, CN1, CR1, CR2, CR6, CRC, HCP, NTE, PWK } from './837-codecs.ts';
import { otherPayerLoop, readOtherPayer } from './837-cob.ts';
import { readDiagnoses, hiSegments } from './837-hi.ts';
import { lineLoop, readLine } from './837-line.ts';
import { providerRoleLoops, readProviderRoles } from './837-parties.ts';
import { dateSegment, readDate } from './segments.ts';
import type { ClaimInfo, HomeHealth, Guide } from './837-types.ts';

function readHomeHealth(s: Segment, ctx: ReadContext): HomeHealth {
  const h = decode(CR6, s, ctx);
  if (s.el[3]) h.certificationPeriod = fromPeriod(s.el[3], s.el[4] ?? '');
  return h;
}

/** Named REF and AMT fields of loop 2300. */
function readQualified(l: LoopNode, c: ClaimInfo, ctx: ReadContext): void {
  for (const [field, q] of CLAIM_REFS) set(c, field, first(l, 'REF', q)?.el[2] as never);
  for (const [field, q] of CLAIM_AMOUNTS) {
    const s = first(l, 'AMT', q);
    if (s) set(c, field, readCents(s, '02', s.el[2] ?? '', ctx) as never);
  }
}

export function readClaim(l: LoopNode, ctx: ReadContext): ClaimInfo {
  const clm = first(l, 'CLM') as Segment;
  const dx = readDiagnoses(all(l, 'HI'), ctx);
  const head = decode(CLM, clm, ctx);
  const c: ClaimInfo = {
    ...head,
    patientControlNumber: head.patientControlNumber ?? '',
    totalChargeCents: head.totalChargeCents ?? 0,
    placeOfService: head.placeOfService ?? '',
    frequencyCode: head.frequencyCode ?? '',
    providerSignature: clm.el[6] === 'Y',
    assignment: head.assignment ?? '',
    benefitsAssigned: head.benefitsAssigned ?? '',
    releaseOfInformation: head.releaseOfInformation ?? '',
    dates: all(l, 'DTP').map(readDate),
    diagnoses: dx.diagnoses,
    diagnosisCodeSet: dx.codeSet,
    otherPayers: loopsOf(l, '2320').map((x) => readOtherPayer(x, ctx)),
    serviceLines: loopsOf(l, '2400').map((x) => readLine(x, ctx)),
  };
  set(c, 'diagnosisPresentOnAdmission', dx.presentOnAdmission);
  set(c, 'healthCareCodes', dx.codes);
  readQualified(l, c, ctx);
  fromFirst(c, 'admission', l, 'CL1', (s) => decode(CL1, s, ctx));
  fromFirst(c, 'contract', l, 'CN1', (s) => decode(CN1, s, ctx));
  fromFirst(c, 'ambulanceTransport', l, 'CR1', (s) => decode(CR1, s, ctx));
  fromFirst(c, 'spinalManipulation', l, 'CR2', (s) => decode(CR2, s, ctx));
  fromFirst(c, 'homeHealth', l, 'CR6', (s) => readHomeHealth(s, ctx));
  fromFirst(c, 'repricing', l, 'HCP', (s) => decode(HCP, s, ctx));
  fromAll(c, 'attachments', l, 'PWK', (s) => decode(PWK, s, ctx));
  fromAll(c, 'fileInformation', l, 'K3', (s) => s.el[1] ?? '');
  fromAll(c, 'notes', l, 'NTE', (s) => decode(NTE, s, ctx));
  fromAll(c, 'conditions', l, 'CRC', (s) => decode(CRC, s, ctx));
  readProviderRoles(l, ctx, c);
  return c;
}

function clmSegment(c: ClaimInfo, guide: Guide): SegmentFields {
  const inst = guide === '005010X223A2';
  const f = [...encode(CLM, c)] as (string | string[])[];
  while (f.length < 7) f.push('');
  const loc = f[5];
  const comps = Array.isArray(loc) ? loc : [loc ?? ''];
  while (comps.length < 3) comps.push('');
  comps[1] = inst ? 'A' : 'B';
  f[5] = comps;
  // CLM06 is Not Used in X223A2; kept there only when set (some senders send it).
  f[6] = inst ? (c.providerSignature ? 'Y' : '') : c.providerSignature ? 'Y' : 'N';
  // 837I carries the auto accident state in REF*LU, not in CLM11 (which it does not use).
  if (inst && !c.relatedCauses && f[11] !== undefined) f[11] = '';
  return f as unknown as SegmentFields;
}

function qualifiedSegments(c: ClaimInfo, guide: Guide): SegmentFields[] {
  const out: SegmentFields[] = [];
  for (const [field, q] of CLAIM_REFS) {
    const v = c[field];
    // REF*LU is the 837I home of the accident state; 837P writes it in CLM11-4.
    if (q === 'LU' && guide !== '005010X223A2') continue;
    if (typeof v === 'string' && v) out.push(['REF', q, v]);
  }
  for (const [field, q] of CLAIM_AMOUNTS) {
    const v = c[field];
    if (typeof v === 'number') out.push(['AMT', q, formatCents(v)]);
  }
  return out;
}

function homeHealthSegment(h: HomeHealth): SegmentFields {
  const f = [...encode(CR6, h)] as (string | string[])[];
  if (h.certificationPeriod) {
    while (f.length < 5) f.push('');
    [f[3], f[4]] = toPeriod(h.certificationPeriod);
  }
  return f as unknown as SegmentFields;
}

/** Loop 2300 to write (segment order comes from the guide map). */
export function claimLoop(c: ClaimInfo, guide: Guide): LoopToWrite {
  const segs: SegmentFields[] = [clmSegment(c, guide)];
  for (const d of c.dates) segs.push(dateSegment(d.qualifier, d.period, d.time));
  if (c.admission) segs.push(encode(CL1, c.admission));
  for (const a of c.attachments ?? []) segs.push(encode(PWK, a));
  if (c.contract) segs.push(encode(CN1, c.contract));
  segs.push(...qualifiedSegments(c, guide));
  for (const k of c.fileInformation ?? []) segs.push(['K3', k]);
  for (const n of c.notes ?? []) segs.push(encode(NTE, n));
  if (c.ambulanceTransport) segs.push(encode(CR1, c.ambulanceTransport));
  if (c.spinalManipulation) segs.push(encode(CR2, c.spinalManipulation));
  if (c.homeHealth) segs.push(homeHealthSegment(c.homeHealth));
  for (const cr of c.conditions ?? []) segs.push(encode(CRC, cr));
  segs.push(...hiSegments(c, guide));
  if (c.repricing) segs.push(encode(HCP, c.repricing));
  return loopToWrite(segs, [
    ...providerRoleLoops(c, guide),
    ...c.otherPayers.map((o) => otherPayerLoop(o, guide)),
    ...c.serviceLines.map((line, i) => lineLoop(line, i + 1, guide)),
  ]);
}
