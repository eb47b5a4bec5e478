// Test-only: a small 837P batch of claims for the sandbox (members and codes the test scenario knows).
import { generate837, type ProfessionalClaim } from '../x12/index.ts';
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
