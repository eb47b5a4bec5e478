import { fromPeriod, fromX12Date } from '../engine/dates.ts';
import { parseCents } from '../engine/money.ts';
import { set } from './fields.ts';
import { all, first, loopOf, loopsOf, type LoopNode } from '../engine/tree.ts';
import type { Delimiters, Segment } from '../engine/types.ts';
import { components, element as el } from '../engine/values.ts';
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

const cents = (v: string): number => parseCents(v) ?? 0;

export function addressOf(node: LoopNode): Address | undefined {
  const n3 = first(node, 'N3');
  const n4 = first(node, 'N4');
  if (!n3 && !n4) return undefined;
  const a: Address = { line1: n3 ? el(n3, 1) : '', city: n4 ? el(n4, 1) : '' };
  if (n3) set(a, 'line2', el(n3, 2));
  if (n4) {
    set(a, 'state', el(n4, 2));
    set(a, 'postalCode', el(n4, 3));
    set(a, 'countryCode', el(n4, 4));
  }
  return a;
}

export function partyOf(node: LoopNode): Party {
  const nm1 = node.segments[0] as Segment;
  const p: Party = { entityType: el(nm1, 2) === '1' ? '1' : '2', lastOrOrganizationName: el(nm1, 3) };
  set(p, 'firstName', el(nm1, 4));
  set(p, 'middleName', el(nm1, 5));
  set(p, 'suffix', el(nm1, 7));
  set(p, 'idQualifier', el(nm1, 8));
  set(p, 'id', el(nm1, 9));
  set(p, 'address', addressOf(node));
  return p;
}

function providerOf(node: LoopNode | undefined): Provider | undefined {
  if (!node) return undefined;
  const p: Provider = partyOf(node);
  const prv = first(node, 'PRV');
  if (prv) set(p, 'taxonomyCode', el(prv, 3));
  return p;
}

export function submitterOf(root: LoopNode): Submitter {
  const l = loopOf(root, '1000A');
  const nm1 = l?.segments[0];
  const per = l ? first(l, 'PER') : undefined;
  const s: Submitter = { name: nm1 ? el(nm1, 3) : '', id: nm1 ? el(nm1, 9) : '' };
  if (per) {
    set(s, 'contactName', el(per, 2));
    if (el(per, 3) === 'TE') set(s, 'phone', el(per, 4));
  }
  return s;
}

export function receiverOf(root: LoopNode): Receiver {
  const nm1 = loopOf(root, '1000B')?.segments[0];
  return { name: nm1 ? el(nm1, 3) : '', id: nm1 ? el(nm1, 9) : '' };
}

function billingProviderOf(l2000a: LoopNode): BillingProvider {
  const l = loopOf(l2000a, '2010AA');
  const party = l ? partyOf(l) : { entityType: '2' as const, lastOrOrganizationName: '' };
  const ref = l ? first(l, 'REF', ['EI', 'SY']) : undefined;
  const bp: BillingProvider = {
    ...party,
    taxIdQualifier: ref && el(ref, 1) === 'SY' ? 'SY' : 'EI',
    taxId: ref ? el(ref, 2) : '',
  };
  const prv = first(l2000a, 'PRV', 'BI');
  if (prv) set(bp, 'taxonomyCode', el(prv, 3));
  const payTo = loopOf(l2000a, '2010AB');
  if (payTo) set(bp, 'payToAddress', addressOf(payTo));
  return bp;
}

function demographics(target: { birthDate?: string; gender?: string }, node: LoopNode): void {
  const dmg = first(node, 'DMG');
  if (!dmg) return;
  set(target, 'birthDate', el(dmg, 2) ? fromX12Date(el(dmg, 2)) : '');
  set(target, 'gender', el(dmg, 3));
}

function subscriberOf(l2000b: LoopNode): Subscriber {
  const sbr = first(l2000b, 'SBR');
  const l = loopOf(l2000b, '2010BA');
  const s: Subscriber = {
    ...(l ? partyOf(l) : { entityType: '1', lastOrOrganizationName: '' }),
    payerResponsibility: sbr ? el(sbr, 1) : '',
  };
  if (sbr) {
    set(s, 'relationship', el(sbr, 2));
    set(s, 'groupNumber', el(sbr, 3));
    set(s, 'groupName', el(sbr, 4));
    set(s, 'claimFilingIndicator', el(sbr, 9));
  }
  if (l) demographics(s, l);
  return s;
}

function patientOf(l2000c: LoopNode): Patient {
  const pat = first(l2000c, 'PAT');
  const l = loopOf(l2000c, '2010CA');
  const p: Patient = {
    ...(l ? partyOf(l) : { entityType: '1', lastOrOrganizationName: '' }),
    relationship: pat ? el(pat, 1) : '',
  };
  if (l) demographics(p, l);
  return p;
}

export function adjustmentsOf(segments: Segment[]): Adjustment[] {
  const out: Adjustment[] = [];
  for (const cas of segments) {
    for (let i = 2; i + 1 < cas.el.length; i += 3) {
      if (!el(cas, i)) continue;
      const a: Adjustment = { group: el(cas, 1), reason: el(cas, i), amountCents: cents(el(cas, i + 1)) };
      set(a, 'quantity', el(cas, i + 2));
      out.push(a);
    }
  }
  return out;
}

function otherPayerOf(l: LoopNode): OtherPayer {
  const sbr = first(l, 'SBR');
  const oi = first(l, 'OI');
  const paid = first(l, 'AMT', 'D');
  const sub = loopOf(l, '2330A');
  const payer = loopOf(l, '2330B');
  const o: OtherPayer = {
    payerResponsibility: sbr ? el(sbr, 1) : '',
    relationship: sbr ? el(sbr, 2) : '',
    adjustments: adjustmentsOf(all(l, 'CAS')),
    benefitsAssigned: oi ? el(oi, 3) : '',
    releaseOfInformation: oi ? el(oi, 6) : '',
    subscriber: sub ? partyOf(sub) : { entityType: '1', lastOrOrganizationName: '' },
    payer: payer ? partyOf(payer) : { entityType: '2', lastOrOrganizationName: '' },
  };
  if (sbr) {
    set(o, 'groupNumber', el(sbr, 3));
    set(o, 'claimFilingIndicator', el(sbr, 9));
  }
  if (paid) set(o, 'paidCents', cents(el(paid, 2)));
  return o;
}

function lineOf(l: LoopNode, d: Delimiters): ServiceLine {
  const sv1 = first(l, 'SV1') ?? first(l, 'SV2');
  const isSv2 = sv1?.id === 'SV2';
  const comps = sv1 ? components(sv1, isSv2 ? 2 : 1, d) : [];
  const modifiers = comps.slice(2, 6).filter((m) => m !== '');
  const procedure = { qualifier: comps[0] ?? '', code: comps[1] ?? '', modifiers };
  set(procedure as { description?: string }, 'description', comps[6]);
  const dtp = first(l, 'DTP', '472');
  const line: ServiceLine = {
    procedure,
    chargeCents: sv1 ? cents(el(sv1, isSv2 ? 3 : 2)) : 0,
    unitType: sv1 ? el(sv1, isSv2 ? 4 : 3) : '',
    units: sv1 ? el(sv1, isSv2 ? 5 : 4) : '',
    diagnosisPointers:
      sv1 && !isSv2
        ? components(sv1, 7, d)
            .filter((p) => p !== '')
            .map(Number)
        : [],
    serviceDate: dtp ? fromPeriod(el(dtp, 2), el(dtp, 3)) : { from: '' },
  };
  if (sv1 && !isSv2) {
    set(line, 'placeOfService', el(sv1, 5));
    if (el(sv1, 9) === 'Y') line.emergency = true;
  }
  if (isSv2 && sv1) set(line, 'revenueCode', el(sv1, 1));
  set(line, 'lineControlNumber', first(l, 'REF', '6R')?.el[2]);
  set(line, 'note', first(l, 'NTE', ['ADD', 'DCP'])?.el[2]);
  const drug = loopOf(l, '2410');
  if (drug) {
    const lin = first(drug, 'LIN');
    const ctp = first(drug, 'CTP');
    line.drug = {
      qualifier: lin ? el(lin, 2) : '',
      code: lin ? el(lin, 3) : '',
      quantity: ctp ? el(ctp, 4) : '',
      unit: ctp ? (components(ctp, 5, d)[0] ?? '') : '',
    };
  }
  set(line, 'renderingProvider', providerOf(loopOf(l, isSv2 ? '2420C' : '2420A')));
  return line;
}

const REFS: [keyof ClaimInfo, string][] = [
  ['referralNumber', '9F'],
  ['priorAuthorization', 'G1'],
  ['payerClaimControlNumber', 'F8'],
  ['clearinghouseTraceNumber', 'D9'],
  ['medicalRecordNumber', 'EA'],
];

type ProviderField =
  'referringProvider' | 'renderingProvider' | 'serviceFacility' | 'supervisingProvider' | 'attendingProvider';
const PROFESSIONAL_2310: [ProviderField, string][] = [
  ['referringProvider', '2310A'],
  ['renderingProvider', '2310B'],
  ['serviceFacility', '2310C'],
  ['supervisingProvider', '2310D'],
];
const INSTITUTIONAL_2310: [ProviderField, string][] = [
  ['attendingProvider', '2310A'],
  ['renderingProvider', '2310D'],
  ['serviceFacility', '2310E'],
  ['referringProvider', '2310F'],
];

function claimOf(l: LoopNode, d: Delimiters, institutional: boolean): ClaimInfo {
  const clm = first(l, 'CLM') as Segment;
  const loc = components(clm, 5, d);
  const hi = first(l, 'HI', undefined);
  const dx = hi ? hiCodes(l, d) : { codes: [], set: 'ICD-10-CM' as const };
  const c: ClaimInfo = {
    patientControlNumber: el(clm, 1),
    totalChargeCents: cents(el(clm, 2)),
    placeOfService: loc[0] ?? '',
    frequencyCode: loc[2] ?? '',
    providerSignature: el(clm, 6) === 'Y',
    assignment: el(clm, 7),
    benefitsAssigned: el(clm, 8),
    releaseOfInformation: el(clm, 9),
    dates: all(l, 'DTP').map((s) => ({ qualifier: el(s, 1), period: fromPeriod(el(s, 2), el(s, 3)) })),
    diagnoses: dx.codes,
    diagnosisCodeSet: dx.set,
    otherPayers: loopsOf(l, '2320').map(otherPayerOf),
    serviceLines: loopsOf(l, '2400').map((x) => lineOf(x, d)),
  };
  const causes = components(clm, 11, d);
  if (el(clm, 11)) {
    c.relatedCauses = causes.slice(0, 3).filter((x) => x !== '');
    set(c, 'accidentState', causes[3]);
  }
  for (const [k, q] of REFS) set(c, k, first(l, 'REF', q)?.el[2] as never);
  set(c, 'note', first(l, 'NTE')?.el[2]);
  // 2310 loop letters differ by guide (X222A1 A referring … D supervising; X223A2 A attending … F referring).
  const ids = institutional ? INSTITUTIONAL_2310 : PROFESSIONAL_2310;
  for (const [field, loopId] of ids) set(c, field, providerOf(loopOf(l, loopId)));
  const cl1 = first(l, 'CL1');
  if (cl1) {
    const a: NonNullable<ClaimInfo['admission']> = {};
    set(a, 'typeCode', el(cl1, 1));
    set(a, 'sourceCode', el(cl1, 2));
    set(a, 'patientStatusCode', el(cl1, 3));
    c.admission = a;
  }
  return c;
}

/** Diagnoses from the principal/other diagnosis HI segments (ABK/ABF ICD-10, BK/BF ICD-9). */
function hiCodes(l: LoopNode, d: Delimiters): { codes: string[]; set: ClaimInfo['diagnosisCodeSet'] } {
  const codes: string[] = [];
  let icd9 = false;
  for (const hi of all(l, 'HI')) {
    for (let i = 1; i < hi.el.length; i++) {
      const [q, code] = components(hi, i, d);
      if (q === 'ABK' || q === 'ABF' || q === 'BK' || q === 'BF') {
        codes.push(code ?? '');
        icd9 ||= q === 'BK' || q === 'BF';
      }
    }
  }
  return { codes, set: icd9 ? 'ICD-9-CM' : 'ICD-10-CM' };
}

/** Claims from one 837 transaction set's loop tree, in file order. */
export function claimsFromTree(root: LoopNode, d: Delimiters, institutional = false): ProfessionalClaim[] {
  const out: ProfessionalClaim[] = [];
  for (const a of loopsOf(root, '2000A')) {
    const billingProvider = billingProviderOf(a);
    for (const b of loopsOf(a, '2000B')) {
      const subscriber = subscriberOf(b);
      const payerLoop = loopOf(b, '2010BB');
      const payer = payerLoop ? partyOf(payerLoop) : { entityType: '2' as const, lastOrOrganizationName: '' };
      for (const c of loopsOf(b, '2300'))
        out.push({ billingProvider, subscriber, payer, claim: claimOf(c, d, institutional) });
      for (const pc of loopsOf(b, '2000C')) {
        const patient = patientOf(pc);
        for (const c of loopsOf(pc, '2300'))
          out.push({ billingProvider, subscriber, payer, patient, claim: claimOf(c, d, institutional) });
      }
    }
  }
  return out;
}
