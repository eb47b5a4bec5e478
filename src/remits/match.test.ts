import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchClaimPayment, matchLines } from './match.ts';
import { cas, claim, clp, line, svc } from './testing.ts';

describe('matching an 835 claim payment to our claim and lines', () => {
  it('CLP01 finds the claim, REF*6R the line even when procedure and date differ', () => {
    const a = line('99213', 15000, { id: 11 });
    const b = line('85025', 3000, { id: 12 });
    const payment = clp('PCN1', '1', 18000, 12000, [
      svc('85025', 3000, 2000, [cas('CO', '45', 1000)], { lineControlNumber: '12' }),
      svc('99214', 15000, 10000, [cas('CO', '45', 5000)], { lineControlNumber: '11', date: '2026-04-30' }),
    ]);
    const m = matchClaimPayment(payment, [claim('OTHER', []), claim('PCN1', [a, b])]);
    expect(m.how).toBe('patient_control_number');
    expect(m.lines.map((x) => [x.index, x.line.id, x.how])).toEqual([
      [0, 12, 'line_control_number'],
      [1, 11, 'line_control_number'],
    ]);
    expect(m.unmatchedLines).toEqual([]);
  });

  it('without REF*6R: date and procedure, ignoring a modifier the payer dropped or changed', () => {
    const lines = [
      line('99213', 15000, { modifiers: ['25'] }),
      line('20610', 30000, { modifiers: ['RT'] }),
      line('20610', 30000, { modifiers: ['LT'], serviceDate: '2026-05-02' }),
    ];
    const payment = clp('P2', '1', 75000, 0, [
      svc('99213', 15000, 0, [cas('PR', '1', 15000)]),
      svc('20610', 30000, 0, [cas('PR', '1', 30000)], { modifiers: ['59'], date: '2026-05-02' }),
      svc('20610', 30000, 0, [cas('PR', '1', 30000)], { modifiers: ['RT'] }),
    ]);
    const m = matchLines(payment, lines);
    expect(m.lines.map((x) => [x.index, x.line.modifiers[0], x.how])).toEqual([
      [0, '25', 'date_procedure'],
      [1, 'LT', 'date_procedure'],
      [2, 'RT', 'date_procedure_modifiers'],
    ]);
  });

  it('equal lines are told apart by charge, then by units (SVC07 when the payer changed them)', () => {
    const one = line('97110', 5000, { id: 31, units: 1 });
    const two = line('97110', 10000, { id: 32, units: 2 });
    const three = line('97110', 10000, { id: 33, units: 4 });
    const payment = clp('P8', '1', 25000, 0, [
      svc('97110', 10000, 0, [cas('PR', '1', 10000)], { units: '3', originalUnits: '4' }),
      svc('97110', 10000, 0, [cas('PR', '1', 10000)], { units: '2' }),
      svc('97110', 5000, 0, [cas('PR', '1', 5000)], { units: '1' }),
    ]);
    expect(matchLines(payment, [one, two, three]).lines.map((x) => x.line.id)).toEqual([33, 32, 31]);
  });

  it('a changed code matches by SVC06, the billed procedure', () => {
    const ours = line('99215', 25000);
    const payment = clp('P3', '1', 25000, 9000, [
      svc('99213', 25000, 9000, [cas('CO', '45', 16000)], { original: '99215' }),
    ]);
    const m = matchLines(payment, [ours]);
    expect(m.lines[0]).toMatchObject({ line: ours, how: 'original_procedure' });
  });

  it('an institutional line paid by revenue code (SVC01 NU:0250) matches our revenue-code line', () => {
    const visit = line('99213', 14000, { id: 31 });
    const drugs = line('', 3200, { id: 33, revenueCode: '0250' });
    const payment = clp('P5', '1', 17200, 10000, [
      svc('0250', 3200, 2000, [cas('PR', '2', 1200)], {
        procedure: { qualifier: 'NU', code: '0250', modifiers: [] },
      }),
      svc('99213', 14000, 8000, [cas('CO', '45', 6000)]),
    ]);
    expect(matchLines(payment, [visit, drugs]).lines.map((x) => [x.index, x.line.id])).toEqual([
      [0, 33],
      [1, 31],
    ]);
  });

  it('bundling: the paying line (SVC01 the bundle, SVC06 ours) and the folded line (paid 0, CO-97) both match', () => {
    const a = line('80053', 4000);
    const b = line('80048', 3000);
    const payment = clp('P4', '1', 7000, 2500, [
      svc('80050', 4000, 2500, [cas('CO', '45', 1500)], { original: '80053' }),
      svc('80048', 3000, 0, [cas('CO', '97', 3000)], { original: '80048' }),
    ]);
    const m = matchLines(payment, [a, b]);
    expect(m.lines.map((x) => [x.line.procedureCode, x.how])).toEqual([
      ['80053', 'bundled'],
      ['80048', 'bundled'],
    ]);
    expect(m.unmatchedLines).toEqual([]);
  });

  it('unbundling: several SVCs with the same SVC06 answer our one line', () => {
    const ours = line('80053', 6000);
    const payment = clp('P5', '1', 6000, 3000, [
      svc('80048', 3000, 2000, [cas('CO', '45', 1000)], { original: '80053' }),
      svc('82040', 3000, 1000, [cas('CO', '45', 2000)], { original: '80053' }),
    ]);
    const m = matchLines(payment, [ours]);
    expect(m.lines.map((x) => [x.line.id, x.how])).toEqual([
      [ours.id, 'original_procedure'],
      [ours.id, 'unbundled'],
    ]);
  });

  it('what does not match is kept with its reason, never dropped', () => {
    const payment = clp('P6', '1', 10000, 5000, [
      svc('99999', 5000, 2500, [cas('CO', '45', 2500)]),
      svc('99213', 5000, 2500, [cas('CO', '45', 2500)], { lineControlNumber: '999999' }),
    ]);
    const m = matchClaimPayment(payment, [claim('P6', [line('99213', 5000, { serviceDate: '2026-01-01' })])]);
    expect(m.unmatchedLines.map((u) => [u.index, u.reason])).toEqual([
      [0, 'no_line_for_date_and_procedure'],
      [1, 'line_control_number_unknown'],
    ]);
    expect(m.linesNotInRemittance).toHaveLength(1);
  });

  it('a primary and a secondary claim share CLM01: the payer decides', () => {
    const l1 = line('99213', 5000);
    const l2 = line('99213', 5000);
    const payment = clp('P7', '2', 5000, 1000, [svc('99213', 5000, 1000, [cas('PR', '2', 4000)])]);
    const m = matchClaimPayment(
      payment,
      [claim('P7', [l1], { id: 1, payerId: 7 }), claim('P7', [l2], { id: 2, payerId: 9 })],
      { payerId: 9 },
    );
    expect(m.claim?.id).toBe(2);
  });

  it('CLP01 mangled by the payer: the patient, date of service and procedure find the claim', () => {
    const ours = claim('OURS-1', [line('99213', 5000)], { id: 4 });
    const payment = clp('0000OURS1', '1', 5000, 4000, [svc('99213', 5000, 4000, [cas('CO', '45', 1000)])]);
    const m = matchClaimPayment(payment, [
      claim('X', [line('99214', 5000)], { id: 3, patient: { lastName: 'Roe', memberId: 'Z9' } }),
      ours,
    ]);
    expect(m).toMatchObject({ claim: { id: 4 }, how: 'patient_date_procedure' });
    const none = matchClaimPayment(payment, [claim('X', [line('99214', 5000)], { id: 3 })]);
    expect(none).toMatchObject({ claim: null, reason: 'no_claim_for_patient_and_services' });
    expect(none.unmatchedLines).toHaveLength(1);
  });

  it('property: every SVC is matched or unmatched exactly once, and REF*6R always wins', () => {
    const codes = ['99213', '99214', '85025', '80053'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom(...codes),
            charge: fc.integer({ min: 1, max: 50000 }),
            day: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (spec, withRef) => {
          const ours = spec.map((s, i) =>
            line(s.code, s.charge, { id: 500 + i, serviceDate: `2026-05-0${s.day}` }),
          );
          const svcs = spec.map((s, i) =>
            svc(s.code, s.charge, 0, [cas('CO', '45', s.charge)], {
              date: `2026-05-0${s.day}`,
              ...(withRef[i] ? { lineControlNumber: String(500 + i) } : {}),
            }),
          );
          const m = matchLines(clp('X', '1', 0, 0, svcs.reverse()), ours);
          const seen = [...m.lines.map((x) => x.index), ...m.unmatchedLines.map((x) => x.index)].sort(
            (a, b) => a - b,
          );
          expect(seen).toEqual(svcs.map((_, i) => i));
          for (const x of m.lines)
            if (x.payment.lineControlNumber) expect(String(x.line.id)).toBe(x.payment.lineControlNumber);
          expect(m.unmatchedLines).toEqual([]);
        },
      ),
    );
  });
});
