// The sandbox answering 270s (from the scenario's members) and 276s (from what it received and adjudicated).
import { describe, expect, it } from 'vitest';
import {
  MemoryControlNumbers,
  parse271,
  parse277,
  summarize271,
  summarize277,
  validateX12,
  write270,
  write276,
  type ClaimStatusRequest,
  type EligibilityRequest,
} from '../x12/index.ts';
import { answer270 } from './eligibility.ts';
import { adjudicateDue, emptyState, receive837 } from './respond.ts';
import { readScenario } from './scenario.ts';
import { answer276, noteAdjudicated, noteReceived } from './status.ts';
import { party, testBatch, testClaim } from './testing.ts';

const { scenario } = readScenario({
  defaultBenefits: {
    deductibleCents: 100000,
    deductibleMetCents: 40000,
    coinsurancePercent: 20,
    copays: { 'office visit': 2500 },
    outOfPocketMaxCents: 500000,
    outOfPocketMetCents: 100000,
  },
  unknownMembers: ['W000000000'],
  members: { ENDED1: { coverageEnds: '2026-06-30' }, COB1: { otherCoveragePrimary: true } },
  payers: { 'SBX-PLAN': { name: 'SANDBOX PLAN', priorAuthorizationRequired: ['73721'] } },
});
const ctx = { scenario, seed: 1, now: '2026-12-03T13:40:00.000Z' };
const env = { senderId: 'PRACTICE01', receiverId: 'SANDBOX', date: '20261203', time: '1330' };

const ask = (memberId: string, n = 1): EligibilityRequest => ({
  referenceId: `R${n}`,
  date: '2026-12-03',
  time: '1330',
  payer: party('SANDBOX PLAN', 'PI', 'SBX-PLAN'),
  provider: party('SPRINGFIELD FAMILY', 'XX', '1234567893'),
  subscriber: {
    entityType: '1',
    lastOrOrganizationName: 'DOE',
    firstName: 'JANE',
    idQualifier: 'MI',
    id: memberId,
  },
  trace: { type: '1', number: `T${n}`, originatorId: '9999999999' },
  serviceDate: { from: '2026-12-04' },
  serviceTypes: ['30', '98'],
});

async function eligibility(...memberIds: string[]) {
  const text = await write270(
    memberIds.map((m, i) => ask(m, i + 1)),
    { ...env, numbers: new MemoryControlNumbers() },
  );
  const r = await answer270(text, emptyState(), ctx);
  expect(r.files.map((f) => f.kind)).toEqual(['271']);
  expect(validateX12(r.files[0]!.text).valid).toBe(true);
  return { ...r, summaries: parse271(r.files[0]!.text).responses.map((x) => summarize271(x, '2026-12-04')) };
}

describe('answer270', () => {
  it('answers a batch with each member’s benefits, echoing the trace, and advances the control numbers', async () => {
    const r = await eligibility('M1', 'W000000000', 'bad id!', 'ENDED1', 'COB1');
    expect(r.answered).toBe(5);
    expect(r.state.sequence).toBe(1);
    const [active, unknown, invalid, ended, cob] = r.summaries;
    expect(active).toMatchObject({
      status: 'active',
      planName: 'SANDBOX PLAN',
      deductible: { individual: { inNetwork: { amountCents: 100000, remainingCents: 60000 } } },
      outOfPocket: { individual: { inNetwork: { amountCents: 500000, remainingCents: 400000 } } },
      coinsurance: [{ percent: 20 }],
      copays: [{ amountCents: 2500, serviceTypes: ['98'] }],
      authorizationRequired: ['73721'],
      unknownCodes: [],
    });
    expect(parse271(r.files[0]!.text).responses[0]!.subscriber.traces).toEqual([
      { type: '2', number: 'T1', originatorId: '9999999999' },
    ]);
    expect(unknown).toMatchObject({ status: 'rejected', rejections: [{ code: '75' }] });
    expect(invalid).toMatchObject({ status: 'rejected', rejections: [{ code: '72' }] });
    expect(ended).toMatchObject({ status: 'inactive', coverage: { ends: '2026-06-30' } });
    expect(ended!.warnings).toContain('Coverage ends 2026-06-30, before the date of service 2026-12-04.');
    expect(cob!.otherPayers).toEqual([{ name: 'OTHER PRIMARY PLAN', serviceTypes: ['30'] }]);
  });

  it('gives the deductible left after what the sandbox has adjudicated', async () => {
    const state = {
      ...emptyState(),
      accumulators: { M1: { deductibleMetCents: 90000, outOfPocketMetCents: 150000 } },
    };
    const text = await write270([ask('M1')], { ...env, numbers: new MemoryControlNumbers() });
    const r = await answer270(text, state, ctx);
    const s = summarize271(parse271(r.files[0]!.text).responses[0]!);
    expect(s.deductible.individual.inNetwork?.remainingCents).toBe(10000);
  });
});

const statusAsk = (pcns: string[]): ClaimStatusRequest => ({
  referenceId: 'S1',
  date: '2026-12-03',
  time: '1330',
  payer: party('SANDBOX PLAN', 'PI', 'SBX-PLAN'),
  receiver: party('SPRINGFIELD FAMILY', '46', 'PRACTICE01'),
  provider: party('SPRINGFIELD FAMILY', 'XX', '1234567893'),
  subscriber: {
    entityType: '1',
    lastOrOrganizationName: 'DOE',
    firstName: 'JANE',
    idQualifier: 'MI',
    id: 'M1',
  },
  claims: pcns.map((pcn, i) => ({ traceNumber: `T${i + 1}`, patientControlNumber: pcn })),
});

describe('answer276', () => {
  it('answers from what the sandbox did: rejected, pending, paid, denied, never received', async () => {
    const batch = await testBatch([
      { pcn: 'PEND', memberId: 'M1', lines: [{ code: '99213', chargeCents: 12500 }] },
      { pcn: 'REJ', memberId: 'W000000000', lines: [{ code: '99213', chargeCents: 12500 }] },
    ]);
    const { state } = await receive837(batch, emptyState(), ctx);
    noteReceived(
      state,
      testClaim({ pcn: 'REJ', memberId: 'W000000000', lines: [{ code: '99213', chargeCents: 12500 }] }),
      { payerClaimControlNumber: 'X', rejection: { category: 'A3', code: '33', entity: 'IL' } },
      '2026-12-03',
    );
    for (const [pcn, payer, paid, status] of [
      ['PAID', 'SBX1', 8000, '1'],
      ['DEN', 'SBX2', 0, '4'],
    ] as const) {
      noteReceived(
        state,
        testClaim({ pcn, memberId: 'M1', lines: [{ code: '99213', chargeCents: 12500 }] }),
        { payerClaimControlNumber: payer },
        '2026-11-21',
      );
      noteAdjudicated(
        state,
        payer,
        { patientControlNumber: pcn, status, chargeCents: 12500, paidCents: paid } as never,
        'CHK42',
        '2026-11-30',
      );
    }
    const text = await write276([statusAsk(['PEND', 'REJ', 'PAID', 'DEN', 'NOPE'])], {
      ...env,
      numbers: new MemoryControlNumbers(),
    });
    const r = await answer276(text, state, ctx);
    expect(r.answered).toBe(5);
    expect(validateX12(r.files[0]!.text).valid).toBe(true);
    const [pend, rej, paid, den, nope] = parse277(r.files[0]!.text).responses.flatMap(summarize277);
    expect(pend).toMatchObject({
      codes: ['P1:20'],
      family: 'pending',
      needsAction: false,
      patientControlNumber: 'PEND',
    });
    expect(pend!.payerClaimControlNumber).toMatch(/^SBX/);
    expect(rej).toMatchObject({ codes: ['A3:33:IL'], needsAction: true });
    expect(paid).toMatchObject({
      codes: ['F1:65'],
      paidCents: 8000,
      checkNumber: 'CHK42',
      payerClaimControlNumber: 'SBX1',
    });
    expect(den).toMatchObject({ codes: ['F2:1'], needsAction: true, paidCents: 0 });
    expect(nope).toMatchObject({ codes: ['A4:35'] });
  });

  it('still answers after adjudicateDue took the pending claims (without history they are not found)', async () => {
    const batch = await testBatch([
      { pcn: 'PEND', memberId: 'M1', lines: [{ code: '99213', chargeCents: 12500 }] },
    ]);
    const a = await receive837(batch, emptyState(), ctx);
    const b = await adjudicateDue(a.state, { ...ctx, now: '2026-12-31T00:00:00.000Z' });
    const text = await write276([statusAsk(['PEND'])], { ...env, numbers: new MemoryControlNumbers() });
    const r = await answer276(text, b.state, ctx);
    expect(validateX12(r.files[0]!.text).valid).toBe(true);
    expect(parse277(r.files[0]!.text).responses[0]!.claims[0]!.statuses[0]!.category).toMatch(/^(A4|F\d)$/);
  });
});
