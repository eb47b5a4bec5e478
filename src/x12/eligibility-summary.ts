// A 271 answer for a front desk: active or not, plan and group, coverage dates, deductible and
// out-of-pocket (individual/family, in/out of network, amount/remaining/met), coinsurance, copays,
// authorization, other payers, rejections with what to do, and warnings. Pure; codes it does not
// know are kept as codes (in `otherBenefits`, `unknownCodes`), never dropped.
import type { IsoDate } from './engine/dates.ts';
import type { Cents } from './engine/money.ts';
import { BENEFIT_CODES, FOLLOW_UP, REJECT_REASONS, SERVICE_TYPES } from './eligibility-codes.ts';
import { words } from './status-codes.ts';
import type { ClaimDate } from './transactions/837-claim-types.ts';
import type { Benefit, EligibilityResponse, Rejection } from './transactions/eligibility-types.ts';

export type Network = 'inNetwork' | 'outOfNetwork' | 'unspecified';

/** One accumulator (deductible or out-of-pocket) for one coverage level and network. */
export interface AmountAndRemaining {
  /** For the plan period (EB06 other than 24 and 29). */
  amountCents?: Cents;
  /** Left to meet (EB06 29). */
  remainingCents?: Cents;
  /** Met so far (EB06 24 year to date). */
  metCents?: Cents;
}

export type ByNetwork = Partial<Record<Network, AmountAndRemaining>>;

export interface Accumulators {
  individual: ByNetwork;
  family: ByNetwork;
}

export interface CostShare {
  serviceTypes: string[];
  network: Network;
  /** Copay in cents, or coinsurance as a whole-number percent (20 = 20%). */
  amountCents?: Cents;
  percent?: number;
  timePeriod?: string;
}

export interface RejectionInWords {
  code: string;
  says: string;
  todo: string;
  followUp?: string;
  /** Where the payer refused: the whole request, the member, or one benefit. */
  level: 'request' | 'member' | 'benefit';
}

export interface EligibilitySummary {
  patient: { lastName: string; firstName?: string; memberId?: string; birthDate?: IsoDate };
  subscriber: { lastName: string; firstName?: string; memberId?: string };
  isDependent: boolean;
  payer: { name: string; id?: string };
  /** rejected: the payer refused the request (AAA); unknown: neither an active nor an inactive EB came back. */
  status: 'active' | 'inactive' | 'rejected' | 'unknown';
  /** EB01 of the coverage status (1–8) and its words. */
  statusCode?: string;
  statusText: string;
  planName?: string;
  insuranceType?: string;
  groupNumber?: string;
  groupName?: string;
  coverage: { begins?: IsoDate; ends?: IsoDate; planBegins?: IsoDate; planEnds?: IsoDate };
  deductible: Accumulators;
  outOfPocket: Accumulators;
  coinsurance: CostShare[];
  copays: CostShare[];
  /** Service types (or procedures) the payer says need authorization or a referral (EB11 Y). */
  authorizationRequired: string[];
  otherPayers: { name: string; id?: string; insuranceType?: string; serviceTypes: string[] }[];
  primaryCareProvider?: { name: string; id?: string };
  rejections: RejectionInWords[];
  warnings: string[];
  messages: string[];
  /** EB facts not summarised above (limitations, exclusions, non-covered…), as sent. */
  otherBenefits: Benefit[];
  /** Codes we have no words for: "EB01 K", "AAA03 99"… */
  unknownCodes: string[];
}

const ACTIVE = new Set(['1', '2', '3', '4', '5']);
const INACTIVE = new Set(['6', '7', '8']);
const FAMILY = new Set([
  'FAM',
  'ESP',
  'ECH',
  'DEP',
  'TWO',
  'E1D',
  'E2D',
  'E3D',
  'E5D',
  'E6D',
  'E7D',
  'E8D',
  'E9D',
]);

const networkOf = (b: Benefit): Network =>
  b.inNetwork === 'Y' ? 'inNetwork' : b.inNetwork === 'N' ? 'outOfNetwork' : 'unspecified';

/** EB08 "0.2" → 20 (whole percent, rounded to hundredths without floating noise). */
export function percentOf(decimal: string): number {
  return Math.round(Number(decimal) * 10_000) / 100;
}

function accumulate(target: Accumulators, b: Benefit): void {
  if (b.amountCents === undefined) return;
  const level = b.coverageLevel && FAMILY.has(b.coverageLevel) ? target.family : target.individual;
  const slot = (level[networkOf(b)] ??= {});
  if (b.timePeriod === '29') slot.remainingCents = b.amountCents;
  else if (b.timePeriod === '24') slot.metCents = b.amountCents;
  else slot.amountCents ??= b.amountCents;
}

const name = (p: { lastOrOrganizationName: string; firstName?: string }) =>
  [p.firstName, p.lastOrOrganizationName].filter(Boolean).join(' ');

function inWords(r: Rejection, level: RejectionInWords['level'], unknown: string[]): RejectionInWords {
  const known = REJECT_REASONS[r.reason];
  if (!known) unknown.push(`AAA03 ${r.reason}`);
  const out: RejectionInWords = {
    code: r.reason,
    says: known?.says ?? `reject reason ${r.reason}`,
    todo: known?.todo ?? 'Call the payer about this reject reason.',
    level,
  };
  if (r.followUp) out.followUp = words(FOLLOW_UP, r.followUp, 'follow-up');
  return out;
}

function dated(dates: readonly ClaimDate[], summary: EligibilitySummary): void {
  for (const d of dates) {
    const c = summary.coverage;
    if (d.qualifier === '346') c.planBegins = d.period.from;
    else if (d.qualifier === '347') c.planEnds = d.period.from;
    else if (d.qualifier === '356') c.begins = d.period.from;
    else if (d.qualifier === '357') c.ends = d.period.from;
    // 291 plan / 307 eligibility: a range is the coverage; one date is only the date answered for.
    else if ((d.qualifier === '291' || d.qualifier === '307') && d.period.to) {
      c.begins ??= d.period.from;
      c.ends ??= d.period.to;
    }
  }
}

const types = (b: Benefit): string => {
  const list = b.serviceTypes.map((t) => SERVICE_TYPES[t] ?? `service type ${t}`);
  return list.length > 0 ? list.join(', ') : 'all services';
};

/** The front-desk summary of one 271 answer; `dateOfService` turns on the coverage-date warnings. */
export function summarize271(r: EligibilityResponse, dateOfService?: IsoDate): EligibilitySummary {
  const patient = r.dependent ?? r.subscriber;
  const unknownCodes: string[] = [];
  const s: EligibilitySummary = {
    patient: { lastName: patient.lastOrOrganizationName },
    subscriber: { lastName: r.subscriber.lastOrOrganizationName },
    isDependent: r.dependent !== undefined,
    payer: { name: r.payer.lastOrOrganizationName },
    status: 'unknown',
    statusText: 'no coverage status in the answer',
    coverage: {},
    deductible: { individual: {}, family: {} },
    outOfPocket: { individual: {}, family: {} },
    coinsurance: [],
    copays: [],
    authorizationRequired: [],
    otherPayers: [],
    rejections: [],
    warnings: [],
    messages: [],
    otherBenefits: [],
    unknownCodes,
  };
  if (patient.firstName) s.patient.firstName = patient.firstName;
  if (patient.id ?? r.subscriber.id) s.patient.memberId = (patient.id ?? r.subscriber.id) as string;
  if (patient.birthDate) s.patient.birthDate = patient.birthDate;
  if (r.subscriber.firstName) s.subscriber.firstName = r.subscriber.firstName;
  if (r.subscriber.id) s.subscriber.memberId = r.subscriber.id;
  if (r.payer.id) s.payer.id = r.payer.id;
  s.rejections.push(
    ...r.rejections.map((x) => inWords(x, 'request', unknownCodes)),
    ...r.subscriber.rejections.map((x) => inWords(x, 'member', unknownCodes)),
    ...(r.dependent?.rejections ?? []).map((x) => inWords(x, 'member', unknownCodes)),
  );
  // Plan and group references sit on the subscriber (and sometimes the dependent).
  for (const ref of [...(r.subscriber.refs ?? []), ...(r.dependent?.refs ?? [])]) {
    if (ref.qualifier === '6P') s.groupNumber = ref.value;
    if (ref.qualifier === '18') s.planName ??= ref.value;
  }
  dated(r.subscriber.dates, s);
  if (r.dependent) dated(r.dependent.dates, s);
  const benefits = [...(r.dependent ? r.dependent.benefits : r.subscriber.benefits)];
  for (const b of benefits) {
    if (!(b.code in BENEFIT_CODES)) unknownCodes.push(`EB01 ${b.code}`);
    for (const t of b.serviceTypes) if (!(t in SERVICE_TYPES)) unknownCodes.push(`EB03 ${t}`);
    s.rejections.push(...(b.rejections ?? []).map((x) => inWords(x, 'benefit', unknownCodes)));
    s.messages.push(...(b.messages ?? []));
    // The primary care provider is a 2120 NM1*P3, whichever EB it follows (EB*L in the TR3, not always).
    const pcp = b.entities?.find((e) => e.entityCode === 'P3');
    if (pcp) s.primaryCareProvider = pcp.id ? { name: name(pcp), id: pcp.id } : { name: name(pcp) };
    if (b.authorizationRequired === 'Y')
      s.authorizationRequired.push(b.procedure ? `${b.procedure.code}` : types(b));
    if (ACTIVE.has(b.code) || INACTIVE.has(b.code)) {
      if (s.statusCode === undefined || ACTIVE.has(b.code)) {
        s.statusCode = b.code;
        s.status = ACTIVE.has(b.code) ? 'active' : 'inactive';
        s.statusText = BENEFIT_CODES[b.code] as string;
      }
      if (b.planDescription) s.planName ??= b.planDescription;
      if (b.insuranceType) s.insuranceType ??= b.insuranceType;
      dated(b.dates ?? [], s);
      continue;
    }
    const share: CostShare = { serviceTypes: b.serviceTypes, network: networkOf(b) };
    if (b.timePeriod) share.timePeriod = b.timePeriod;
    if (b.code === 'C') accumulate(s.deductible, b);
    else if (b.code === 'G') accumulate(s.outOfPocket, b);
    else if (b.code === 'A' && b.percent !== undefined)
      s.coinsurance.push({ ...share, percent: percentOf(b.percent) });
    else if (b.code === 'B' && b.amountCents !== undefined)
      s.copays.push({ ...share, amountCents: b.amountCents });
    else if (b.code === 'R') {
      const e = b.entities?.[0];
      const other: EligibilitySummary['otherPayers'][number] = {
        name: e ? name(e) : (b.planDescription ?? 'another payer'),
        serviceTypes: b.serviceTypes,
      };
      if (e?.id) other.id = e.id;
      if (b.insuranceType) other.insuranceType = b.insuranceType;
      s.otherPayers.push(other);
    } else if (b.code !== 'A' && b.code !== 'B') s.otherBenefits.push(b);
  }
  if (s.rejections.length > 0 && s.statusCode === undefined) {
    s.status = 'rejected';
    s.statusText = `the payer could not answer: ${s.rejections.map((x) => x.says).join('; ')}`;
  }
  warn(s, dateOfService);
  return s;
}

function warn(s: EligibilitySummary, dos: IsoDate | undefined): void {
  const w = s.warnings;
  if (s.status === 'inactive') w.push(`Coverage is ${s.statusText}.`);
  if (s.status === 'rejected') w.push(...s.rejections.map((x) => x.todo));
  if (s.statusCode === '5') w.push('Coverage is pending investigation by the payer.');
  if (dos && s.coverage.ends && s.coverage.ends < dos)
    w.push(`Coverage ends ${s.coverage.ends}, before the date of service ${dos}.`);
  if (dos && s.coverage.begins && s.coverage.begins > dos)
    w.push(`Coverage begins ${s.coverage.begins}, after the date of service ${dos}.`);
  if (s.authorizationRequired.length > 0)
    w.push(`Authorization or referral required for ${s.authorizationRequired.join('; ')}.`);
  if (s.otherPayers.length > 0)
    w.push(
      `Another payer is on file (${s.otherPayers.map((p) => p.name).join(', ')}): check which is primary.`,
    );
}
