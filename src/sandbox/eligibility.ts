// The sandbox payer answering 270s with 271s from the scenario's members, pure: the member's benefits
// (deductible and out-of-pocket with what the sandbox has applied so far, coinsurance, copays by service
// type), coverage end dates, another primary plan, procedures needing authorization or not covered,
// and the rejections a payer gives (AAA 72 invalid member id, 75 subscriber not found). Every 271 is
// checked by our own validator before it is returned (write271).
import {
  parse270,
  validateX12,
  write271,
  type Benefit,
  type EligibilityRequest,
  type EligibilityResponse,
  type MemberBenefits,
  type Rejection,
} from '../x12/index.ts';
import { benefitsOf, payerOf } from './adjudicate.ts';
import { answerNumbers, answerStamp } from './answer-envelope.ts';
import type { SandboxContext, SandboxState } from './respond.ts';
import type { Scenario } from './scenario.ts';

/** A member id a payer could have issued: letters, digits and dashes, 2 to 20 long. */
const MEMBER_ID = /^[A-Za-z0-9-]{2,20}$/;

/** Scenario service type names → X12 service type codes (EB03); others are sent as 30 with the name. */
const SERVICE_TYPE_CODES: Record<string, string> = {
  'office visit': '98',
  preventive: 'BZ',
  lab: '5',
  imaging: '4',
  emergency: '86',
  'urgent care': 'UC',
  pharmacy: '88',
  hospital: '47',
  'mental health': 'MH',
};

const cents = (n: number) => Math.max(0, n);
const percentDecimal = (p: number) => String(p / 100);

/** Why the payer cannot answer for this member id, or undefined. */
export function memberRejection(memberId: string | undefined, s: Scenario): Rejection | undefined {
  if (!memberId || !MEMBER_ID.test(memberId)) return { validRequest: 'N', reason: '72', followUp: 'C' };
  if (s.unknownMembers.includes(memberId)) return { validRequest: 'N', reason: '75', followUp: 'C' };
  return undefined;
}

/** The EB facts of one member on the date of service. */
export function memberBenefits(
  memberId: string,
  payerId: string | undefined,
  dateOfService: string,
  state: SandboxState,
  s: Scenario,
): Pick<MemberBenefits, 'dates' | 'benefits'> {
  const rule = s.members[memberId] ?? {};
  const b = benefitsOf(s, memberId);
  const payer = payerOf(s, payerId);
  const year = dateOfService.slice(0, 4);
  const dates: MemberBenefits['dates'] = [{ qualifier: '346', period: { from: `${year}-01-01` } }];
  if (rule.coverageEnds) dates.push({ qualifier: '357', period: { from: rule.coverageEnds } });
  if (rule.coverageEnds && rule.coverageEnds < dateOfService)
    return { dates, benefits: [{ code: '6', serviceTypes: ['30'], planDescription: payer.name }] };
  const acc = state.accumulators[memberId] ?? {
    deductibleMetCents: b.deductibleMetCents,
    outOfPocketMetCents: b.outOfPocketMetCents,
  };
  const net = { coverageLevel: 'IND', inNetwork: 'Y' } as const;
  const benefits: Benefit[] = [
    { code: '1', serviceTypes: ['30'], planDescription: payer.name },
    { code: 'C', ...net, serviceTypes: ['30'], timePeriod: '23', amountCents: b.deductibleCents },
    {
      code: 'C',
      ...net,
      serviceTypes: ['30'],
      timePeriod: '29',
      amountCents: cents(b.deductibleCents - acc.deductibleMetCents),
    },
    { code: 'G', ...net, serviceTypes: ['30'], timePeriod: '23', amountCents: b.outOfPocketMaxCents },
    {
      code: 'G',
      ...net,
      serviceTypes: ['30'],
      timePeriod: '29',
      amountCents: cents(b.outOfPocketMaxCents - acc.outOfPocketMetCents),
    },
    { code: 'A', ...net, serviceTypes: ['30'], percent: percentDecimal(b.coinsurancePercent) },
  ];
  for (const [name, amountCents] of Object.entries(b.copays)) {
    const code = SERVICE_TYPE_CODES[name];
    benefits.push({
      code: 'B',
      ...net,
      serviceTypes: [code ?? '30'],
      timePeriod: '27',
      amountCents,
      ...(code ? {} : { planDescription: name }),
    });
  }
  for (const code of payer.priorAuthorizationRequired)
    benefits.push({
      code: 'D',
      serviceTypes: [],
      authorizationRequired: 'Y',
      procedure: { qualifier: 'HC', code, modifiers: [] },
    });
  for (const code of payer.nonCovered)
    benefits.push({ code: 'I', serviceTypes: [], procedure: { qualifier: 'HC', code, modifiers: [] } });
  if (rule.otherCoveragePrimary)
    benefits.push({
      code: 'R',
      serviceTypes: ['30'],
      entities: [{ entityCode: 'PR', entityType: '2', lastOrOrganizationName: 'OTHER PRIMARY PLAN' }],
    });
  return { dates, benefits };
}

/** The 271 answer to one request. */
export function eligibilityAnswer(
  r: EligibilityRequest,
  state: SandboxState,
  ctx: SandboxContext,
): EligibilityResponse {
  const today = ctx.now.slice(0, 10);
  const memberId = r.subscriber.id;
  const rejection = memberRejection(memberId, ctx.scenario);
  const traces = [{ ...r.trace, type: '2' }];
  const { relationship: _ignored, ...subscriberName } = r.subscriber;
  const subscriber: MemberBenefits = {
    ...subscriberName,
    traces: r.dependent ? [] : traces,
    rejections: [],
    dates: [],
    benefits: [],
  };
  const out: EligibilityResponse = {
    referenceId: r.referenceId,
    date: today,
    time: answerStamp(ctx.now).time,
    payer: r.payer,
    provider: r.provider,
    rejections: [],
    subscriber,
  };
  const patient: MemberBenefits = r.dependent
    ? { ...r.dependent, traces, rejections: [], dates: [], benefits: [] }
    : subscriber;
  if (r.dependent) out.dependent = patient;
  if (rejection) subscriber.rejections.push(rejection);
  else
    Object.assign(
      patient,
      memberBenefits(memberId as string, r.payer.id, r.serviceDate?.from ?? today, state, ctx.scenario),
    );
  return out;
}

/** Answers every 270 in an interchange with one 271 interchange (one transaction set per patient). */
export async function answer270(
  text: string,
  state: SandboxState,
  ctx: SandboxContext,
): Promise<{ files: { kind: '271'; text: string }[]; state: SandboxState; answered: number }> {
  const next: SandboxState = structuredClone(state);
  const v = validateX12(text);
  const isa = v.document.interchanges[0]?.isa;
  if (!isa) throw new Error('not an X12 interchange (no ISA): nothing to answer');
  const { requests } = parse270(v);
  if (requests.length === 0) return { files: [], state: next, answered: 0 };
  const answers = requests.map((r) => eligibilityAnswer(r, next, ctx));
  const out = await write271(answers, {
    senderId: (isa.el[8] ?? '').trim() || 'SANDBOX',
    receiverId: (isa.el[6] ?? '').trim() || 'SUBMITTER',
    numbers: answerNumbers(next).numbers,
    ...answerStamp(ctx.now),
  });
  return { files: [{ kind: '271', text: out }], state: next, answered: answers.length };
}
