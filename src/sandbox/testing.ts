// Test-only: a small 837P batch of claims for the sandbox (members and codes the test scenario knows).
import {
  generate837,
  MemoryControlNumbers,
  write270,
  write276,
  type EligibilityRequest,
  type ProfessionalClaim,
} from '../x12/index.ts';
import { generateOptions, tr3Claim } from '../x12/testing/fixtures.ts';

export interface TestClaim {
  pcn: string;
  memberId: string;
  payerId?: string;
  lines: { code: string; chargeCents: number; date?: string; pointers?: number[] }[];
  diagnoses?: string[];
  priorAuthorization?: string;
  payerResponsibility?: string;
  renderingNpi?: string | null;
}

export function testClaim(t: TestClaim): ProfessionalClaim {
  const c = tr3Claim();
  c.subscriber.id = t.memberId;
  c.subscriber.payerResponsibility = t.payerResponsibility ?? 'P';
  c.payer.id = t.payerId ?? 'SBX-PLAN';
  c.claim.patientControlNumber = t.pcn;
  c.claim.diagnoses = t.diagnoses ?? ['J020', 'Z1159'];
  if (t.priorAuthorization) c.claim.priorAuthorization = t.priorAuthorization;
  if (t.renderingNpi !== null)
    c.claim.renderingProvider = {
      entityType: '1',
      lastOrOrganizationName: 'KILDARE',
      firstName: 'BEN',
      idQualifier: 'XX',
      id: t.renderingNpi ?? '1234567893',
    };
  c.claim.serviceLines = t.lines.map((l, i) => ({
    procedure: { qualifier: 'HC', code: l.code, modifiers: [] },
    chargeCents: l.chargeCents,
    unitType: 'UN',
    units: '1',
    diagnosisPointers: l.pointers ?? [1],
    serviceDate: { from: l.date ?? '2026-11-20' },
    lineControlNumber: `${t.pcn}-${i + 1}`,
  }));
  c.claim.totalChargeCents = t.lines.reduce((s, l) => s + l.chargeCents, 0);
  return c;
}

/** A batch from the test submitter, or from `senderId` (ISA06, as another practice's would be). */
export const testBatch = (claims: TestClaim[], senderId?: string): Promise<string> =>
  generate837(claims.map(testClaim), { ...generateOptions(), ...(senderId ? { senderId } : {}) });

const env = { senderId: 'PRACTICE01', receiverId: 'SANDBOX', date: '20261203', time: '1330' };
/** A payer, provider or receiver of a test 270/276 (an organisation). */
export const party = (name: string, q: string, id: string) => ({
  entityType: '2' as const,
  lastOrOrganizationName: name,
  idQualifier: q,
  id,
});
/** The subscriber JANE DOE of a test 270/276, by member id. */
export const subscriber = (id: string) => ({
  entityType: '1' as const,
  lastOrOrganizationName: 'DOE',
  firstName: 'JANE',
  idQualifier: 'MI',
  id,
});

/** A 270 asking about one member (plan coverage, 30) for a visit on 2026-12-04. */
export function test270(memberId: string): Promise<string> {
  const ask: EligibilityRequest = {
    referenceId: 'R1',
    date: '2026-12-03',
    time: '1330',
    payer: party('SANDBOX PLAN', 'PI', 'SBX-PLAN'),
    provider: party('SPRINGFIELD FAMILY', 'XX', '1234567893'),
    subscriber: subscriber(memberId),
    trace: { type: '1', number: 'T1', originatorId: '9999999999' },
    serviceDate: { from: '2026-12-04' },
    serviceTypes: ['30'],
  };
  return write270([ask], { ...env, numbers: new MemoryControlNumbers() });
}

/** A 276 asking the status of claims (their patient control numbers) of one member. */
export function test276(pcns: string[], memberId = 'M1'): Promise<string> {
  return write276(
    [
      {
        referenceId: 'S1',
        date: '2026-12-03',
        time: '1330',
        payer: party('SANDBOX PLAN', 'PI', 'SBX-PLAN'),
        receiver: party('SPRINGFIELD FAMILY', '46', 'PRACTICE01'),
        provider: party('SPRINGFIELD FAMILY', 'XX', '1234567893'),
        subscriber: subscriber(memberId),
        claims: pcns.map((pcn, i) => ({ traceNumber: `T${i + 1}`, patientControlNumber: pcn })),
      },
    ],
    { ...env, numbers: new MemoryControlNumbers() },
  );
}
