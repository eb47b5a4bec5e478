import { toPeriod, toX12Date } from '../engine/dates.ts';
import { formatCents } from '../engine/money.ts';
import {
  writeInterchange,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';
import type {
  Address,
  Adjustment,
  BillingProvider,
  ClaimInfo,
  OtherPayer,
  Party,
  Patient,
  ProfessionalClaim,
  Provider,
  Receiver,
  ServiceLine,
  Submitter,
  Subscriber,
} from './837-types.ts';

export interface Generate837Options extends EnvelopeOptions {
  submitter: Submitter;
  receiver: Receiver;
  /** BHT03 originator application transaction identifier (default: date+time). */
  referenceId?: string;
  /** Guide to write: 005010X222A1 professional (default) or 005010X223A2 institutional. */
  guide?: Guide;
  /** Claims per ST/SE (default 5000, a common payer limit). */
  claimsPerTransaction?: number;
  numbers: ControlNumberSource;
}

type Out = SegmentFields[];
export type Guide = '005010X222A1' | '005010X223A2';

const nm1 = (entity: string, p: Party): SegmentFields => [
  'NM1',
  entity,
  p.entityType,
  p.lastOrOrganizationName,
  p.firstName ?? '',
  p.middleName ?? '',
  '',
  p.suffix ?? '',
  p.idQualifier ?? '',
  p.id ?? '',
];

function address(out: Out, a: Address | undefined): void {
  if (!a) return;
  out.push(['N3', a.line1, a.line2 ?? '']);
  out.push(['N4', a.city, a.state ?? '', a.postalCode ?? '', a.countryCode ?? '']);
}

function party(out: Out, entity: string, p: Party): void {
  out.push(nm1(entity, p));
  address(out, p.address);
}

function provider(out: Out, entity: string, p: Provider | undefined, prv?: string): void {
  if (!p) return;
  party(out, entity, p);
  if (p.taxonomyCode && prv) out.push(['PRV', prv, 'PXC', p.taxonomyCode]);
}

function demographics(out: Out, p: { birthDate?: string; gender?: string }): void {
  if (p.birthDate || p.gender)
    out.push(['DMG', p.birthDate ? 'D8' : '', p.birthDate ? toX12Date(p.birthDate) : '', p.gender ?? '']);
}

/** CAS: consecutive adjustments of one group share a segment, at most six triplets each. */
export function casSegments(adjustments: readonly Adjustment[]): SegmentFields[] {
  const out: SegmentFields[] = [];
  let cur: string[] | null = null;
  for (const a of adjustments) {
    if (!cur || cur[1] !== a.group || cur.length >= 2 + 18) {
      cur = ['CAS', a.group];
      out.push(cur as unknown as SegmentFields);
    }
    cur.push(a.reason, formatCents(a.amountCents), a.quantity ?? '');
  }
  return out;
}

function otherPayer(out: Out, o: OtherPayer): void {
  out.push([
    'SBR',
    o.payerResponsibility,
    o.relationship,
    o.groupNumber ?? '',
    '',
    '',
    '',
    '',
    '',
    o.claimFilingIndicator ?? '',
  ]);
  out.push(...casSegments(o.adjustments));
  if (o.paidCents !== undefined) out.push(['AMT', 'D', formatCents(o.paidCents)]);
  out.push(['OI', '', '', o.benefitsAssigned, '', '', o.releaseOfInformation]);
  party(out, 'IL', o.subscriber);
  party(out, 'PR', o.payer);
}

/** 2300 DTP order in the X222A1 map. */
const DATE_ORDER = [
  '431',
  '454',
  '304',
  '453',
  '439',
  '484',
  '455',
  '471',
  '314',
  '360',
  '361',
  '297',
  '296',
  '435',
  '096',
  '090',
  '091',
  '444',
  '050',
];
/** 2300 DTP order in the X223A2 map. */
const INSTITUTIONAL_DATE_ORDER = ['096', '434', '435', '050'];
const REF_ORDER: [keyof ClaimInfo, string][] = [
  ['referralNumber', '9F'],
  ['priorAuthorization', 'G1'],
  ['payerClaimControlNumber', 'F8'],
  ['clearinghouseTraceNumber', 'D9'],
  ['medicalRecordNumber', 'EA'],
];

function procedureComposite(p: ServiceLine['procedure']): string[] {
  const m = p.modifiers;
  return [p.qualifier, p.code, m[0] ?? '', m[1] ?? '', m[2] ?? '', m[3] ?? '', p.description ?? ''];
}

function serviceLine(out: Out, line: ServiceLine, n: number, inst: boolean): void {
  out.push(['LX', String(n)]);
  if (inst) {
    // SV2: revenue code, optional HCPCS composite, charge, unit, units (X223A2 2400).
    const proc = line.procedure.code ? procedureComposite(line.procedure) : '';
    out.push(['SV2', line.revenueCode ?? '', proc, formatCents(line.chargeCents), line.unitType, line.units]);
  } else {
    out.push([
      'SV1',
      procedureComposite(line.procedure),
      formatCents(line.chargeCents),
      line.unitType,
      line.units,
      line.placeOfService ?? '',
      '',
      line.diagnosisPointers.map(String),
      '',
      line.emergency ? 'Y' : '',
    ]);
  }
  out.push(['DTP', '472', ...toPeriod(line.serviceDate)]);
  if (line.lineControlNumber) out.push(['REF', '6R', line.lineControlNumber]);
  if (line.note && !inst) out.push(['NTE', 'ADD', line.note]);
  if (line.drug) {
    out.push(['LIN', '', line.drug.qualifier, line.drug.code]);
    out.push(['CTP', '', '', '', line.drug.quantity, [line.drug.unit]]);
  }
  provider(out, '82', line.renderingProvider, inst ? undefined : 'PE');
}

function claim(out: Out, c: ClaimInfo, inst: boolean): void {
  const causes = c.relatedCauses
    ? [c.relatedCauses[0] ?? '', c.relatedCauses[1] ?? '', c.relatedCauses[2] ?? '', c.accidentState ?? '']
    : '';
  out.push([
    'CLM',
    c.patientControlNumber,
    formatCents(c.totalChargeCents),
    '',
    '',
    [c.placeOfService, inst ? 'A' : 'B', c.frequencyCode],
    c.providerSignature ? 'Y' : 'N',
    c.assignment,
    c.benefitsAssigned,
    c.releaseOfInformation,
    '',
    causes,
  ]);
  const order = inst ? INSTITUTIONAL_DATE_ORDER : DATE_ORDER;
  const dates = [...c.dates].sort((a, b) => order.indexOf(a.qualifier) - order.indexOf(b.qualifier));
  for (const dt of dates) out.push(['DTP', dt.qualifier, ...toPeriod(dt.period)]);
  if (inst && c.admission) {
    const a = c.admission;
    out.push(['CL1', a.typeCode ?? '', a.sourceCode ?? '', a.patientStatusCode ?? '']);
  }
  for (const [k, q] of REF_ORDER) {
    const v = c[k];
    if (typeof v === 'string' && v) out.push(['REF', q, v]);
  }
  if (c.note) out.push(['NTE', 'ADD', c.note]);
  const [pk, ok] = c.diagnosisCodeSet === 'ICD-9-CM' ? ['BK', 'BF'] : ['ABK', 'ABF'];
  const [principal, ...others] = c.diagnoses;
  if (principal !== undefined && inst) {
    // X223A2 has a principal-diagnosis HI and separate other-diagnosis HIs (12 codes each).
    out.push(['HI', [pk, principal]]);
    for (let i = 0; i < others.length; i += 12)
      out.push(['HI', ...others.slice(i, i + 12).map((code) => [ok, code])]);
  } else if (principal !== undefined) {
    out.push(['HI', ...c.diagnoses.map((code, i) => [i === 0 ? pk : ok, code])]);
  }
  if (inst) {
    provider(out, '71', c.attendingProvider, 'AT');
    provider(out, '82', c.renderingProvider);
    provider(out, '77', c.serviceFacility);
    provider(out, 'DN', c.referringProvider);
  } else {
    provider(out, 'DN', c.referringProvider);
    provider(out, '82', c.renderingProvider, 'PE');
    provider(out, '77', c.serviceFacility);
    provider(out, 'DQ', c.supervisingProvider);
  }
  for (const o of c.otherPayers) otherPayer(out, o);
  c.serviceLines.forEach((l, i) => serviceLine(out, l, i + 1, inst));
}

function billingProvider(out: Out, bp: BillingProvider): void {
  if (bp.taxonomyCode) out.push(['PRV', 'BI', 'PXC', bp.taxonomyCode]);
  party(out, '85', bp);
  out.push(['REF', bp.taxIdQualifier, bp.taxId]);
  if (bp.payToAddress) {
    out.push(['NM1', '87', '2']);
    address(out, bp.payToAddress);
  }
}

function subscriber(out: Out, s: Subscriber, payer: Party): void {
  out.push([
    'SBR',
    s.payerResponsibility,
    s.relationship ?? '',
    s.groupNumber ?? '',
    s.groupName ?? '',
    '',
    '',
    '',
    '',
    s.claimFilingIndicator ?? '',
  ]);
  party(out, 'IL', s);
  demographics(out, s);
  party(out, 'PR', payer);
}

function patient(out: Out, p: Patient): void {
  out.push(['PAT', p.relationship]);
  party(out, 'QC', p);
  demographics(out, p);
}

/** Groups claims by billing provider, then subscriber+payer, then patient, keeping first-seen order. */
function hierarchy(
  claims: readonly ProfessionalClaim[],
): Map<string, Map<string, Map<string, ProfessionalClaim[]>>> {
  const tree = new Map<string, Map<string, Map<string, ProfessionalClaim[]>>>();
  for (const c of claims) {
    const a = JSON.stringify(c.billingProvider);
    const b = JSON.stringify([c.subscriber, c.payer]);
    const p = c.patient ? JSON.stringify(c.patient) : '';
    const bySub = tree.get(a) ?? new Map<string, Map<string, ProfessionalClaim[]>>();
    tree.set(a, bySub);
    const byPat = bySub.get(b) ?? new Map<string, ProfessionalClaim[]>();
    bySub.set(b, byPat);
    const list = byPat.get(p) ?? [];
    byPat.set(p, list);
    list.push(c);
  }
  return tree;
}

/** The segments between ST and SE for one 837P transaction set (loops 1000A through 2400). */
export function claimsToSegments(
  claims: readonly ProfessionalClaim[],
  submitter: Submitter,
  receiver: Receiver,
  bht: { ref: string; date: string; time: string },
  guide: Guide = '005010X222A1',
): SegmentFields[] {
  const inst = guide === '005010X223A2';
  const out: Out = [['BHT', '0019', '00', bht.ref, bht.date, bht.time, 'CH']];
  out.push(['NM1', '41', '2', submitter.name, '', '', '', '', '46', submitter.id]);
  out.push(['PER', 'IC', submitter.contactName ?? '', submitter.phone ? 'TE' : '', submitter.phone ?? '']);
  out.push(['NM1', '40', '2', receiver.name, '', '', '', '', '46', receiver.id]);
  let hl = 0;
  for (const bySub of hierarchy(claims).values()) {
    const first = bySub.values().next().value?.values().next().value?.[0] as ProfessionalClaim;
    const a = ++hl;
    out.push(['HL', String(a), '', '20', '1']);
    billingProvider(out, first.billingProvider);
    for (const byPat of bySub.values()) {
      const c0 = byPat.values().next().value?.[0] as ProfessionalClaim;
      const b = ++hl;
      const hasPatients = [...byPat.keys()].some((k) => k !== '');
      out.push(['HL', String(b), String(a), '22', hasPatients ? '1' : '0']);
      subscriber(out, c0.subscriber, c0.payer);
      for (const own of byPat.get('') ?? []) claim(out, own.claim, inst);
      for (const [k, list] of byPat) {
        if (k === '') continue;
        out.push(['HL', String(++hl), String(b), '23', '0']);
        patient(out, (list[0] as ProfessionalClaim).patient as Patient);
        for (const c of list) claim(out, c.claim, inst);
      }
    }
  }
  return out;
}

/** Writes claims as a complete 837P (or, with `guide: 005010X223A2`, 837I) interchange with control numbers from `options.numbers`. */
export async function generate837(
  claims: readonly ProfessionalClaim[],
  options: Generate837Options,
): Promise<string> {
  const per = options.claimsPerTransaction ?? 5000;
  const guide = options.guide ?? '005010X222A1';
  const transactions = [];
  for (let i = 0; i < claims.length || (i === 0 && claims.length === 0); i += per) {
    const chunk = claims.slice(i, i + per);
    const ref = options.referenceId ?? `${options.date}${options.time}`;
    transactions.push({
      setId: '837',
      guide,
      body: claimsToSegments(
        chunk,
        options.submitter,
        options.receiver,
        { ref, date: options.date, time: options.time },
        guide,
      ),
    });
    if (claims.length === 0) break;
  }
  return writeInterchange([{ functionalId: 'HC', guide, transactions }], options, options.numbers);
}
