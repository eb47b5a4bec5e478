import { describe, expect, it } from 'vitest';
import { scrubClaim } from '../scrub.ts';
import { cleanSecondaryClaim, testContext } from '../testing.ts';
import { checkCobBalance, checkPriorAdjudication } from './cob.ts';

const rules = (c: ReturnType<typeof cleanSecondaryClaim>) => [
  ...checkPriorAdjudication(c),
  ...checkCobBalance(c),
];

describe('secondary claim rules (COB)', () => {
  it('passes a secondary claim carrying the primary adjudication, balanced per line and per claim', () => {
    expect(scrubClaim(cleanSecondaryClaim(), testContext()).findings).toEqual([]);
  });

  it('accepts a claim-level adjudication with its 2330B date and balanced claim CAS', () => {
    const c = cleanSecondaryClaim();
    c.lines.forEach((l) => delete l.adjudications);
    c.otherPayers = [
      {
        payerResponsibility: 'P',
        payerId: '60054',
        paidCents: 22000,
        adjustments: [{ group: 'CO', reason: '45', amountCents: 16200 }],
        remittanceDate: '2026-11-20',
      },
    ];
    expect(rules(c)).toEqual([]);
    delete c.otherPayers[0]!.remittanceDate;
    expect(rules(c).map((f) => [f.code, f.field])).toEqual([
      ['COB-ADJUDICATION', '/otherPayers/0/remittanceDate'],
    ]);
  });

  it('names the line the prior payer did not adjudicate and the line missing its date', () => {
    const c = cleanSecondaryClaim();
    delete c.lines[2]!.adjudications;
    delete c.lines[0]!.adjudications![0]!.adjudicationDate;
    const found = checkPriorAdjudication(c);
    expect(found.map((f) => f.lines)).toEqual([[1], [3]]);
    expect(found[1]!.message).toContain('no adjudication by AETNA (loop 2430)');
  });

  it('shows the figures of a claim that does not balance at the claim level', () => {
    const c = cleanSecondaryClaim();
    c.otherPayers![0]!.paidCents = 21000;
    const [f] = checkCobBalance(c);
    expect(f).toMatchObject({ code: 'COB-BALANCE', field: '/otherPayers/0/paidCents' });
    expect(f!.message).toBe(
      'AETNA: claim charge $382.00 ≠ paid $210.00 (AMT*D) + adjustments $162.00 (claim and line CAS)',
    );
  });

  it('leaves primary claims and other payers not yet adjudicated alone', () => {
    const c = cleanSecondaryClaim();
    c.payerResponsibility = 'P';
    c.lines.forEach((l) => delete l.adjudications);
    c.otherPayers = [{ payerResponsibility: 'S', payerId: '87726', adjustments: [] }];
    expect(rules(c)).toEqual([]);
  });

  it("counts a secondary claim's filing limit from the primary's remittance", () => {
    const c = cleanSecondaryClaim();
    c.payer.timelyFilingDays = 90;
    c.lines.forEach((l) => (l.serviceDate = '2026-05-01'));
    const today = { today: '2026-12-01' };
    expect(scrubClaim(c, testContext(today)).findings.map((f) => f.code)).not.toContain('TIMELY-FILING');
    c.lines.forEach((l) => (l.adjudications![0]!.adjudicationDate = '2026-06-01'));
    const late = scrubClaim(c, testContext(today)).findings.find((f) => f.code === 'TIMELY-FILING');
    expect(late?.message).toBe(
      "Filing limit of 90 days from the prior payer's remittance on 2026-06-01 ended on 2026-08-30",
    );
  });
});
