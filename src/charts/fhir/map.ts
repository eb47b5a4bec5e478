// FHIR R4 resources → ChartContent items. Each reader takes one resource and the reference
// resolver, and returns the item with where it came from. References the message cannot resolve
// are passed on by id: the merge looks them up on file and reports them if nothing is there.
import type {
  ChartCode,
  ChartCoverage,
  ChartEncounter,
  ChartPatient,
  ChartPractitioner,
  ChartType,
  SourcePlace,
} from '../content.ts';
import { arr, codings, day, identifierOf, obj, str, type Json } from './json.ts';

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

/** Finds what a reference names: the resource in the message, or the id it gives for one on file. */
export interface Resolver {
  resolve(ref: unknown, type: string, where: SourcePlace): { resource?: Json; id?: string };
  patientMrn(ref: unknown, where: SourcePlace): string | undefined;
  practitionerNpi(ref: unknown, where: SourcePlace): string | undefined;
  encounterId(ref: unknown, where: SourcePlace): string | undefined;
}

/** MRN: the identifier typed MR (HL7 v2-0203), else the first, else the resource id. */
export const mrnOf = (p: Json) => identifierOf(p, { type: 'MR' }) ?? str(p.id) ?? '';
export const npiOf = (p: Json) => identifierOf(p, { system: NPI_SYSTEM }) ?? '';
/** Visit number: the identifier typed VN, else the first, else the resource id. */
export const visitNumberOf = (e: Json) => identifierOf(e, { type: 'VN' }) ?? str(e.id) ?? '';

const SEX: Record<string, ChartPatient['sex']> = { male: 'M', female: 'F' };

function humanName(resource: Json) {
  const names = arr(resource.name);
  const name = names.find((n) => n.use === 'official') ?? names[0] ?? {};
  const given = (Array.isArray(name.given) ? name.given : []).filter(
    (g): g is string => typeof g === 'string',
  );
  return { lastName: str(name.family) ?? '', firstName: given[0] ?? '', middleName: given[1] };
}

export function patientOf(p: Json, where: SourcePlace): ChartPatient {
  const address = arr(p.address).find((a) => a.use === 'home') ?? arr(p.address)[0];
  const phone = arr(p.telecom).find((t) => t.system === 'phone');
  const lines = Array.isArray(address?.line) ? (address.line as unknown[]) : [];
  return {
    mrn: mrnOf(p),
    ...humanName(p),
    dateOfBirth: day(p.birthDate) ?? '',
    sex: SEX[str(p.gender) ?? ''] ?? 'U',
    address1: str(lines[0]),
    city: str(address?.city),
    state: str(address?.state),
    zip: str(address?.postalCode),
    phone: str(phone?.value)?.replace(/\D/g, ''),
    where,
  };
}

export function practitionerOf(p: Json, where: SourcePlace): ChartPractitioner {
  const { firstName, lastName } = humanName(p);
  return { npi: npiOf(p), firstName, lastName, where };
}

const RELATIONSHIP: Record<string, ChartCoverage['relationship']> = {
  self: 'self',
  spouse: 'spouse',
  child: 'child',
};
const PRIORITY: ChartCoverage['priority'][] = ['primary', 'secondary', 'tertiary'];

export function coverageOf(c: Json, where: SourcePlace, r: Resolver): ChartCoverage {
  const payor = arr(c.payor)[0];
  const { resource: org, id } = r.resolve(payor, 'Organization', { ...where, field: 'Coverage.payor[0]' });
  const group = arr(c.class).find((k) => codings(k.type).some((t) => t.code === 'group'));
  const relationship = str(codings(c.relationship)[0]?.code) ?? 'self';
  const order = typeof c.order === 'number' ? c.order : 1;
  return {
    patientMrn: r.patientMrn(c.beneficiary, { ...where, field: 'Coverage.beneficiary' }) ?? '',
    payerId: org ? identifierOf(org) : id,
    payerName: org ? str(org.name) : str(payor?.display),
    memberId: str(c.subscriberId) ?? identifierOf(c) ?? '',
    groupNumber: str(group?.value),
    relationship: RELATIONSHIP[relationship] ?? 'other',
    priority: PRIORITY[order - 1] ?? 'tertiary',
    effectiveDate: day(obj(c.period)?.start),
    terminationDate: day(obj(c.period)?.end),
    where,
  };
}

/** CMS place of service from the v3 ActCode encounter class (AMB office 11, EMER 23, IMP 21, HH 12, VR 02). */
const POS: Record<string, string> = {
  AMB: '11',
  EMER: '23',
  IMP: '21',
  ACUTE: '21',
  HH: '12',
  VR: '02',
  SS: '22',
};

export function encounterOf(e: Json, where: SourcePlace, r: Resolver): ChartEncounter {
  const period = obj(e.period) ?? {};
  const participants = arr(e.participant);
  // The primary performer (PPRF) or attender (ATND) renders the service; else the first named.
  const main =
    participants.find((p) =>
      arr(p.type).some((t) => codings(t).some((c) => c.code === 'PPRF' || c.code === 'ATND')),
    ) ?? participants[0];
  const klass = str(obj(e.class)?.code);
  const from = day(period.start) ?? '';
  return {
    encounterId: visitNumberOf(e),
    patientMrn: r.patientMrn(e.subject, { ...where, field: 'Encounter.subject' }) ?? '',
    serviceDateFrom: from,
    serviceDateTo: day(period.end) ?? from,
    placeOfService: klass ? POS[klass] : undefined,
    renderingNpi: main
      ? r.practitionerNpi(main.individual, {
          ...where,
          field: `Encounter.participant[${participants.indexOf(main)}].individual`,
        })
      : undefined,
    chartType: chartTypeOf(e, klass),
    where,
  };
}

function chartTypeOf(e: Json, klass: string | undefined): ChartType {
  if (klass === 'IMP' || klass === 'ACUTE') return 'inpatient';
  const words = arr(e.type)
    .flatMap((t) => [str(t.text), ...codings(t).map((c) => str(c.display))])
    .join(' ')
    .toLowerCase();
  if (/surg|operat/.test(words)) return 'surgery';
  if (/procedure/.test(words)) return 'procedure';
  return 'em-visit';
}

const SYSTEMS: [RegExp, ChartCode['system']][] = [
  [/icd-10-cm|2\.16\.840\.1\.113883\.6\.90$/i, 'ICD-10-CM'],
  [/icd-10-pcs|2\.16\.840\.1\.113883\.6\.4$/i, 'ICD-10-PCS'],
  [/ama-assn\.org\/go\/cpt|2\.16\.840\.1\.113883\.6\.12$/i, 'CPT'],
  [/hcpcs|2\.16\.840\.1\.113883\.6\.285$/i, 'HCPCS'],
  [/snomed/i, 'SNOMED'],
  [/loinc/i, 'LOINC'],
];
const systemOf = (uri: string | undefined): ChartCode['system'] =>
  SYSTEMS.find(([re]) => uri && re.test(uri))?.[1] ?? 'other';

/** Each coding of a Condition, Procedure or Observation, as chart codes on its encounter. */
export function codesOf(
  resource: Json,
  kind: ChartCode['kind'],
  encounterId: string,
  where: SourcePlace,
): ChartCode[] {
  const value = valueOf(resource);
  return codings(resource.code).flatMap((c) => {
    const code = str(c.code);
    if (!code) return [];
    const item: ChartCode = { encounterId, system: systemOf(str(c.system)), code, kind, where };
    const display = str(c.display) ?? str(obj(resource.code)?.text);
    if (display) item.display = display;
    if (value) item.value = value;
    return [item];
  });
}

function valueOf(o: Json): string | undefined {
  const q = obj(o.valueQuantity);
  if (q && q.value !== undefined) return `${String(q.value)}${str(q.unit) ? ` ${str(q.unit)}` : ''}`;
  const cc = obj(o.valueCodeableConcept);
  if (cc) return str(cc.text) ?? str(codings(cc)[0]?.display);
  return str(o.valueString) ?? (typeof o.valueBoolean === 'boolean' ? String(o.valueBoolean) : undefined);
}
