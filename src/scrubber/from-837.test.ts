import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse837 } from '../x12/index.ts';
import { scrubClaimFrom837 } from './from-837.ts';
import { scrubClaim } from './scrub.ts';
import { cleanClaim, testContext } from './testing.ts';
import { generate837, MemoryControlNumbers } from '../x12/index.ts';

const sample = join(
  process.cwd(),
  '../shared/x12-samples/837P/stupidedi__COB-claim-from-billing-provider-to-payer-a.edi',
);

describe('scrubbing claims read from any 837', () => {
  it("reads another system's 837P into the scrubber's view and names what is wrong", () => {
    const parsed = parse837(readFileSync(sample));
    const claim = scrubClaimFrom837(parsed.claims[0]!);
    expect(claim.claimId).toBe('26407789');
    expect(claim.lines.length).toBeGreaterThan(0);
    const rules = scrubClaim(claim, testContext()).findings.map((f) => f.code);
    expect(rules).toContain('NPI-CHECK'); // the sample's NPIs are placeholders that fail the check digit
    expect(rules).toContain('DX-INVALID'); // and its diagnoses are ICD-9-CM codes
  });

  it('keeps a claim clean through our own 837 and back', async () => {
    const parsed = parse837(readFileSync(sample));
    const ours = parsed.claims[0]!;
    const out = await generate837([ours], {
      numbers: new MemoryControlNumbers(),
      submitter: parsed.transactions[0]!.submitter,
      receiver: parsed.transactions[0]!.receiver,
      senderId: 'SUBMITTER',
      receiverId: 'RECEIVER',
      usage: 'T',
      date: '20261125',
      time: '1200',
    });
    const again = parse837(out);
    expect(scrubClaimFrom837(again.claims[0]!)).toEqual(scrubClaimFrom837(ours));
    expect(cleanClaim().claimId).toBe('PCN001');
  });
});

describe('scrubbing institutional claims read from any 837I', () => {
  it('reads the type of bill, CL1, statement dates and revenue codes into the UB-04 view', () => {
    const file = join(process.cwd(), '../shared/x12-samples/837I/lfh__institutional-claim.837i');
    const claim = scrubClaimFrom837(parse837(readFileSync(file)).claims[0]!, 'institutional');
    expect(claim.institutional).toMatchObject({
      billType: '141',
      admissionType: '3',
      patientStatus: '01',
      statementFrom: '1996-09-11',
      statementTo: '1996-09-11',
    });
    expect(claim.lines.every((l) => /^\d{4}$/.test(l.revenueCode ?? ''))).toBe(true);
    // The TR3 example's attending physician has no NPI.
    expect(scrubClaim(claim, testContext()).findings.map((f) => f.code)).toContain('INST-ATTENDING');
  });
});
