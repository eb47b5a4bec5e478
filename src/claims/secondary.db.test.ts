import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { DEMO_DEFAULTS, DEMO_HOSPITAL } from '../demo/defaults.ts';
import { seedDemo } from '../demo/seed.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { todayIso } from '../shared/dates.ts';
import { parse835, parse837, validateX12, type ClaimPayment } from '../x12/index.ts';
import { createSecondaryClaim, createSecondaryClaims } from './index.ts';
import { era835, paidByLineControlNumber, type EraLine } from './testing-835.ts';

// A primary claim for a demo patient with two coverages is adjudicated by an 835 (partly paid:
// CO-45 contractual, PR-1 deductible, PR-2 coinsurance); the secondary claim made from it is
// scrubbed, batched, and its 837 passes our validator and pyx12 with the COB loops read back.
const PYX12 = path.resolve(process.cwd(), '../shared/tools/pyx12-check');
const run = promisify(execFile);
const ADJUDICATED = '2026-11-25';

interface ClaimDetail {
  id: number;
  state: string;
  patientControlNumber: string;
  payerId: number;
  findings: { id: number; severity: string; code: string }[];
  lines: {
    id: number;
    lineNumber: number;
    procedureCode: string;
    revenueCode: string | null;
    modifiers: string[];
    units: number;
    chargeCents: number;
    serviceDate: string;
  }[];
}

/** The primary's adjudication of each line: 80% allowed, $50 deductible on the first line, 20% coinsurance. */
function adjudicate(lines: ClaimDetail['lines']): EraLine[] {
  return lines.map((l, i) => {
    const allowed = Math.round(l.chargeCents * 0.8);
    const deductible = i === 0 ? Math.min(5000, allowed) : 0;
    const coinsurance = Math.round((allowed - deductible) * 0.2);
    return {
      line: l,
      paidCents: allowed - deductible - coinsurance,
      adjustments: [
        { group: 'CO', reason: '45', amountCents: l.chargeCents - allowed },
        ...(deductible ? [{ group: 'PR', reason: '1', amountCents: deductible }] : []),
        ...(coinsurance ? [{ group: 'PR', reason: '2', amountCents: coinsurance }] : []),
      ],
    };
  });
}

describe('secondary claims from the primary payer adjudication', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  const practices: { id: number; claimType: 'professional' | 'institutional' }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'cleanclaim-cob-'));
  const files: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    const asOf = todayIso();
    const clinic = await seedDemo(
      t.database,
      { ...DEMO_DEFAULTS, patients: 40, encounters: 60, asOf },
      SYSTEM_ACTOR,
      [],
    );
    const hospital = await seedDemo(
      t.database,
      { ...DEMO_HOSPITAL, patients: 40, encounters: 50, asOf },
      SYSTEM_ACTOR,
      [],
    );
    practices.push({ id: clinic, claimType: 'professional' }, { id: hospital, claimType: 'institutional' });
    const grants = (role: 'biller' | 'manager') => practices.map((p) => ({ practiceId: p.id, role }));
    await t.addUser('biller@example.org', grants('biller'));
    await t.addUser('manager@example.org', grants('manager'));
    biller = await t.login('biller@example.org');
    const manager = await t.login('manager@example.org');
    for (const { id } of practices)
      expect((await manager.post('/api/submitter-settings', testSubmitterSettings(id))).statusCode).toBe(201);
  }, 600_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Encounters of the practice whose patient has a primary and a secondary coverage in effect. */
  async function encountersWithTwoCoverages(practiceId: number, twoCoverages = true) {
    const { rows } = await t.database.sql.executeSql(
      `select e.id from encounter e
        where e.practice_id = $1 and ${twoCoverages ? '' : 'not'} exists (
          select 1 from coverage c where c.patient_id = e.patient_id and c.priority = 'secondary'
             and c.effective_date <= e.service_date_from
             and (c.termination_date is null or c.termination_date >= e.service_date_from))
          and exists (select 1 from coverage c where c.patient_id = e.patient_id and c.priority = 'primary'
             and c.effective_date <= e.service_date_from
             and (c.termination_date is null or c.termination_date >= e.service_date_from))
        order by e.id`,
      [practiceId],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Creates the claim and overrides its warnings (no code sets are loaded here): ready or not. */
  async function readyClaim(claim: ClaimDetail): Promise<ClaimDetail> {
    for (const f of claim.findings.filter((x) => x.severity === 'warning'))
      claim = (
        await biller.post(`/api/claims/${claim.id}/findings/${f.id}/override`, { reason: 'secondary test' })
      ).json();
    return claim;
  }

  async function batch(practiceId: number, claimType: string) {
    const res = await biller.post('/api/batches', { practiceId, claimType });
    expect(res.statusCode, res.body).toBe(201);
    const outcome = res.json();
    expect(outcome.returned).toEqual([]);
    // Sent by hand: the primary claim is submitted when the biller marks its batch sent.
    const sent = await biller.post(`/api/batches/${outcome.batchId}/sent`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    return { ...outcome, x12: (await biller.get(`/api/batches/${outcome.batchId}/837`)).body as string };
  }

  /** A primary claim for the first encounter that scrubs clean, batched (submitted). */
  async function submittedPrimary(practiceId: number, claimType: string, encounters: number[]) {
    for (const encounterId of encounters) {
      const created = await biller.post('/api/claims', { encounterId });
      if (created.statusCode !== 201) continue;
      const claim = await readyClaim(created.json());
      if (claim.state !== 'ready') continue;
      const sent = await batch(practiceId, claimType);
      expect(sent.claimCount).toBe(1);
      return claim;
    }
    throw new Error(`no clean primary claim among encounters ${encounters.join(', ')}`);
  }

  const paymentFor = (claim: ClaimDetail, status = '1'): ClaimPayment => {
    const text = era835({
      payerName: 'PRIMARY PAYER',
      claims: [{ patientControlNumber: claim.patientControlNumber, status, lines: adjudicate(claim.lines) }],
      date: ADJUDICATED,
    });
    const { remittances } = parse835(text);
    return remittances[0]!.claims[0]!;
  };

  const secondaryFrom = (primary: ClaimDetail, payment: ClaimPayment) =>
    t.database.db.transaction((tx) =>
      createSecondaryClaim(tx, {
        primaryClaimId: primary.id,
        claimPayment: payment,
        paidLines: paidByLineControlNumber(payment),
        adjudicationDate: ADJUDICATED,
        userId: null,
      }),
    );

  for (const [index, claimType] of (['professional', 'institutional'] as const).entries())
    it(`makes the ${claimType} secondary claim with 2320/2330A/2330B/2430 from the 835 and batches it`, async () => {
      const practiceId = practices[index]!.id;
      const primary = await submittedPrimary(
        practiceId,
        claimType,
        await encountersWithTwoCoverages(practiceId),
      );
      const payment = paymentFor(primary);
      const lines = adjudicate(primary.lines);

      const secondaryId = await secondaryFrom(primary, payment);
      expect(secondaryId).not.toBeNull();
      let secondary: ClaimDetail = (await biller.get(`/api/claims/${secondaryId}`)).json();
      expect(secondary.findings.filter((f) => f.severity === 'error')).toEqual([]);
      secondary = await readyClaim(secondary);
      expect(secondary.state).toBe('ready');
      expect(secondary.patientControlNumber).toMatch(/S$/);

      const sent = await batch(practiceId, claimType);
      expect(sent.claimCount).toBe(1);
      expect(validateX12(sent.x12).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
      const file = path.join(dir, `${claimType}.x12`);
      writeFileSync(file, sent.x12);
      files.push(file);

      // Read back: the COB loops carry the primary's payment, adjustments and dates to the cent.
      const [read] = parse837(sent.x12).claims;
      expect(read!.subscriber.payerResponsibility).toBe('S');
      const [other] = read!.claim.otherPayers;
      const paid = lines.reduce((s, l) => s + l.paidCents, 0);
      expect(other).toMatchObject({ payerResponsibility: 'P', paidCents: paid, adjustments: [] });
      expect(other!.remainingPatientLiabilityCents).toBeUndefined();
      const primaryPayerId = other!.payer.id;
      expect(primaryPayerId).toBeTruthy();
      read!.claim.serviceLines.forEach((l, i) => {
        const expected = lines[i]!;
        const patient = expected.adjustments
          .filter((a) => a.group === 'PR')
          .reduce((s, a) => s + a.amountCents, 0);
        expect(l.adjudications).toEqual([
          expect.objectContaining({
            otherPayerId: primaryPayerId,
            paidCents: expected.paidCents,
            adjustments: expected.adjustments,
            adjudicationDate: ADJUDICATED,
            remainingPatientLiabilityCents: patient,
          }),
        ]);
        expect(l.chargeCents).toBe(
          expected.paidCents + expected.adjustments.reduce((s, a) => s + a.amountCents, 0),
        );
      });
      expect(sent.x12).toMatch(new RegExp(`^SBR\\*P\\*\\w+\\*`, 'm'));
      expect(sent.x12).toMatch(/^NM1\*PR\*2\*[^~]+\*PI\*[^~]+~/m);
    }, 300_000);

  it('both secondary 837s pass pyx12', async () => {
    expect(files).toHaveLength(2);
    const out = await run(PYX12, files, { maxBuffer: 16 * 1024 * 1024 }).catch(
      (e: { stdout?: string; stderr?: string; code?: number }) => ({
        stdout: `${e.stdout ?? ''}${e.stderr ?? ''} (exit ${e.code})`,
      }),
    );
    expect(out.stdout.trim().split('\n')).toEqual(files.map((f) => `OK ${f}`));
  }, 300_000);

  it('makes the tertiary claim from the secondary adjudication, with both prior payers in 2320/2430', async () => {
    const practiceId = practices[0]!.id;
    const { rows } = await t.database.sql.executeSql(
      `select id from encounter e where e.id = any($1::int[])
          and not exists (select 1 from claim c where c.encounter_id = e.id) order by id`,
      [await encountersWithTwoCoverages(practiceId)],
    );
    const unbilled = rows.map((r) => Number(r.id));
    // A third coverage for each such patient, with a payer neither of the other two is.
    await t.database.sql.executeSql(
      `insert into coverage (practice_id, patient_id, payer_id, priority, member_id, relationship,
                             subscriber_first_name, subscriber_last_name, effective_date)
       select distinct on (e.patient_id) e.practice_id, e.patient_id, p.id, 'tertiary', 'TER123456', '18',
              pt.first_name, pt.last_name, '2020-01-01'
         from encounter e join patient pt on pt.id = e.patient_id
         join payer p on p.practice_id = e.practice_id
          and p.id not in (select payer_id from coverage where patient_id = e.patient_id)
        where e.id = any($1::int[]) order by e.patient_id, p.id`,
      [unbilled],
    );
    const primary = await submittedPrimary(practiceId, 'professional', unbilled);
    let secondary: ClaimDetail = (
      await biller.get(`/api/claims/${await secondaryFrom(primary, paymentFor(primary))}`)
    ).json();
    secondary = await readyClaim(secondary);
    expect([secondary.state, secondary.findings.filter((f) => f.severity === 'error')]).toEqual([
      'ready',
      [],
    ]);
    expect((await batch(practiceId, 'professional')).claimCount).toBe(1);
    // The secondary pays half of what the primary left the patient; the rest stays the patient's.
    const first = adjudicate(primary.lines);
    // The secondary payer echoes the REF*6R the secondary claim sent: its own line ids.
    const second: EraLine[] = first.map((l, i) => {
      const left = l.adjustments.filter((a) => a.group === 'PR').reduce((s, a) => s + a.amountCents, 0);
      const paid = Math.floor(left / 2);
      return {
        line: secondary.lines[i]!,
        paidCents: paid,
        adjustments: [
          { group: 'OA', reason: '23', amountCents: l.line.chargeCents - left },
          ...(left - paid ? [{ group: 'PR', reason: '2', amountCents: left - paid }] : []),
        ],
      };
    });
    const text = era835({
      payerName: 'SECONDARY PAYER',
      date: ADJUDICATED,
      claims: [{ patientControlNumber: secondary.patientControlNumber, status: '2', lines: second }],
    });
    const secondaryPayment = parse835(text).remittances[0]!.claims[0]!;
    const tertiaryId = await t.database.db.transaction((tx) =>
      createSecondaryClaim(tx, {
        primaryClaimId: secondary.id,
        claimPayment: secondaryPayment,
        paidLines: paidByLineControlNumber(secondaryPayment),
        adjudicationDate: ADJUDICATED,
        userId: null,
      }),
    );
    const tertiary = await readyClaim((await biller.get(`/api/claims/${tertiaryId}`)).json());
    expect(tertiary.state).toBe('ready');
    expect(tertiary.patientControlNumber).toMatch(/T$/);
    const sent = await batch(practiceId, 'professional');
    expect(validateX12(sent.x12).problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    const [read] = parse837(sent.x12).claims;
    expect(read!.subscriber.payerResponsibility).toBe('T');
    expect(read!.claim.otherPayers.map((o) => [o.payerResponsibility, o.paidCents])).toEqual([
      ['P', first.reduce((s, l) => s + l.paidCents, 0)],
      ['S', second.reduce((s, l) => s + l.paidCents, 0)],
    ]);
    for (const line of read!.claim.serviceLines) expect(line.adjudications).toHaveLength(2);
    const file = path.join(dir, 'tertiary.x12');
    writeFileSync(file, sent.x12);
    const out = await run(PYX12, [file]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    expect(out.stdout.trim()).toBe(`OK ${file}`);
  }, 300_000);

  it('makes none without another coverage, nor from a reversal', async () => {
    const practiceId = practices[0]!.id;
    const primary = await submittedPrimary(
      practiceId,
      'professional',
      await encountersWithTwoCoverages(practiceId, false),
    );
    expect(await secondaryFrom(primary, paymentFor(primary))).toBeNull();
    const twoCoverages = await submittedPrimary(
      practiceId,
      'professional',
      await encountersWithTwoCoverages(practiceId),
    );
    expect(await secondaryFrom(twoCoverages, paymentFor(twoCoverages, '22'))).toBeNull();
  }, 300_000);

  it('makes a chunk of secondary claims together as if one after the other', async () => {
    const practiceId = practices[0]!.id;
    const encounters = await encountersWithTwoCoverages(practiceId);
    const a = await submittedPrimary(practiceId, 'professional', encounters);
    const b = await submittedPrimary(practiceId, 'professional', [...encounters].reverse());
    const none = await submittedPrimary(
      practiceId,
      'professional',
      await encountersWithTwoCoverages(practiceId, false),
    );
    const input = (primary: ClaimDetail) => {
      const payment = paymentFor(primary);
      return {
        primaryClaimId: primary.id,
        claimPayment: payment,
        paidLines: paidByLineControlNumber(payment),
        adjudicationDate: ADJUDICATED,
        userId: null,
      };
    };
    // a's adjudication twice (posted again in the same chunk): the second finds the claim the first made
    const made = await t.database.db.transaction((tx) =>
      createSecondaryClaims(tx, [input(a), input(b), input(a), input(none)]),
    );
    expect(made[0]).toEqual(expect.any(Number));
    expect(made[1]).toEqual(expect.any(Number));
    expect(made[1]).not.toBe(made[0]);
    expect(made[2]).toBe(made[0]);
    expect(made[3]).toBeNull();
    for (const id of [made[0], made[1]]) {
      const claim: ClaimDetail = (await biller.get(`/api/claims/${id}`)).json();
      expect(['scrubbed', 'ready']).toContain(claim.state);
      expect(claim.lines.length).toBeGreaterThan(0);
    }
  }, 300_000);

  it('holds a secondary claim not sent yet when the primary is reversed, and gives it the corrected adjudication', async () => {
    const practiceId = practices[0]!.id;
    const primary = await submittedPrimary(
      practiceId,
      'professional',
      await encountersWithTwoCoverages(practiceId),
    );
    const first = await secondaryFrom(primary, paymentFor(primary));
    // The primary's payment is reversed: the secondary claim, not sent yet, is held.
    expect(await secondaryFrom(primary, paymentFor(primary, '22'))).toBeNull();
    const held: ClaimDetail & { cob: unknown } = (await biller.get(`/api/claims/${first}`)).json();
    expect(held.cob).toBeNull();
    expect(held.state).toBe('scrubbed');
    expect(held.findings.map((f) => f.code)).toContain('COB-ADJUDICATION');
    // The corrected payment follows.
    const payment = paymentFor(primary);
    payment.paidCents -= 100;
    payment.serviceLines[0]!.paidCents -= 100;
    payment.serviceLines[0]!.adjustments.push({ group: 'OA', reason: '23', amountCents: 100 });
    expect(await secondaryFrom(primary, payment)).toBe(first);
    const { rows } = await t.database.sql.executeSql(`select cob from claim where id = $1`, [first]);
    const cob = rows[0]!.cob as { priorPayers: { paidCents: number; lines: { adjustments: unknown[] }[] }[] };
    expect(cob.priorPayers).toHaveLength(1);
    expect(cob.priorPayers[0]!.paidCents).toBe(payment.paidCents);
    expect(cob.priorPayers[0]!.lines[0]!.adjustments).toContainEqual({
      group: 'OA',
      reason: '23',
      amountCents: 100,
    });
  }, 300_000);
});
