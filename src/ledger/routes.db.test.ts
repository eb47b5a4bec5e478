import { readFileSync } from 'node:fs';
import { sql as raw } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText } from '../claims/pdf-testing.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { ensureCharges, patientBalance, postEntries } from './index.ts';

const actor = { userId: null };

describe('patient ledger and payments (routes)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let coder: Client;
  let otherPractice: Client;
  let patientId: number;
  let encounterId: number;
  let lines: number[];

  const sql = async (text: string, values: unknown[] = []) =>
    (await t.database.sql.executeSql(text, values)).rows;

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    await t.addUser('biller@example.org', [{ practiceId: t.practiceA, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId: t.practiceA, role: 'manager' }]);
    await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    await t.addUser('other@example.org', [{ practiceId: t.practiceB, role: 'admin' }]);
    biller = await t.login('biller@example.org');
    coder = await t.login('coder@example.org');
    otherPractice = await t.login('other@example.org');
  });
  afterAll(() => t.close());

  it('charges every line of a claim when its batch marks it submitted', async () => {
    const manager = await t.login('manager@example.org');
    expect(
      (await manager.post('/api/submitter-settings', testSubmitterSettings(t.practiceA))).statusCode,
    ).toBe(201);
    // the first insured visit in practice A whose claim scrubs clean (warnings overridden)
    const visits = await sql(
      `select e.id, e.patient_id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
       where e.practice_id = $1 order by e.id`,
      [t.practiceA],
    );
    let claim: { id: number; state: string } | undefined;
    for (const v of visits) {
      let built = (await biller.post('/api/claims', { encounterId: Number(v.id) })).json();
      for (const f of built.findings.filter((x: { severity: string }) => x.severity === 'warning'))
        built = (
          await biller.post(`/api/claims/${built.id}/findings/${f.id}/override`, { reason: 'test batch' })
        ).json();
      if (built.state !== 'ready') continue;
      claim = built;
      encounterId = Number(v.id);
      patientId = Number(v.patient_id);
      break;
    }
    expect(claim).toBeDefined();
    lines = (
      await sql(`select id from service_line where encounter_id = $1 order by line_number`, [encounterId])
    ).map((r) => Number(r.id));
    const claimLines = await sql(
      `select service_line_id from claim_line where claim_id = $1 order by line_number`,
      [claim!.id],
    );
    expect(claimLines.map((l) => Number(l.service_line_id))).toEqual(lines);
    const batch = await biller.post('/api/batches', { practiceId: t.practiceA, claimIds: [claim!.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    const charges = await sql(
      `select service_line_id, account, amount_cents, claim_id from ledger_entry where kind = 'charge' and encounter_id = $1 order by service_line_id`,
      [encounterId],
    );
    const lineCharges = await sql(
      `select charge_cents from service_line where encounter_id = $1 order by id`,
      [encounterId],
    );
    expect(charges.map((c) => Number(c.service_line_id))).toEqual(lines);
    expect(charges.map((c) => Number(c.amount_cents))).toEqual(
      lineCharges.map((c) => Number(c.charge_cents)),
    );
    expect(new Set(charges.map((c) => c.account))).toEqual(new Set(['insurance']));
    expect(new Set(charges.map((c) => Number(c.claim_id)))).toEqual(new Set([claim!.id]));
  });

  it('the upgrade charges claims billed before the ledger existed, once', async () => {
    // a claim that left before this version: submitted, no charges
    const [visit] = await sql(
      `select e.id from encounter e join coverage c on c.patient_id = e.patient_id and c.priority = 'primary'
        where e.practice_id = $1 and not exists (select 1 from ledger_entry le where le.encounter_id = e.id)
          and not exists (select 1 from claim where claim.encounter_id = e.id) order by e.id limit 1`,
      [t.practiceA],
    );
    const claim = (await biller.post('/api/claims', { encounterId: Number(visit!.id) })).json();
    await sql(`update claim set state = 'submitted' where id = $1`, [claim.id]);
    const migration = readFileSync(
      new URL('../db/migrations/0020_ledger_charges_for_billed_claims.sql', import.meta.url),
      'utf8',
    );
    const run = () =>
      t.database.db.transaction(async (tx) => {
        for (const statement of migration.split('--> statement-breakpoint'))
          await tx.execute(raw.raw(statement));
      });
    await run();
    await run();
    const charges = await sql(
      `select service_line_id, amount_cents, claim_id, account from ledger_entry where encounter_id = $1 and kind = 'charge' order by service_line_id`,
      [visit!.id],
    );
    const lines = await sql(`select id, charge_cents from service_line where encounter_id = $1 order by id`, [
      visit!.id,
    ]);
    expect(
      charges.map((c) => [Number(c.service_line_id), Number(c.amount_cents), Number(c.claim_id), c.account]),
    ).toEqual(lines.map((l) => [Number(l.id), Number(l.charge_cents), claim.id, 'insurance']));
    const [audit] = await sql(
      `select detail from audit_event where detail->>'migration' is not null and practice_id = $1 order by id limit 1`,
      [t.practiceA],
    );
    expect(audit!.detail).toMatchObject({ entries: lines.length });
  });

  it("refuses to replace a billed visit's lines (their entries stay), and still saves the rest of the visit", async () => {
    const encounter = (await biller.get(`/api/encounters/${encounterId}`)).json();
    const serviceLines = encounter.serviceLines.map(
      (l: { procedureCode: string; units: number; chargeCents: number; diagnosisPointers: number[] }) => ({
        procedureCode: l.procedureCode,
        units: l.units,
        chargeCents: l.chargeCents + 100,
        diagnosisPointers: l.diagnosisPointers,
      }),
    );
    const res = await biller.patch(`/api/encounters/${encounterId}`, { serviceLines });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(/corrected claim/);
    const header = await biller.patch(`/api/encounters/${encounterId}`, { priorAuthorization: 'AUTH123' });
    expect(header.statusCode, header.body).toBe(200);
  });

  it("shows the visit's lines with charge, insurance paid, adjustments, patient share and balances", async () => {
    // the payer's answer, as a remittance would post it: paid, adjusted, $30.00 per line the patient's
    const charges = await sql(
      `select id, charge_cents from service_line where encounter_id = $1 order by id`,
      [encounterId],
    );
    await t.database.db.transaction((tx) =>
      postEntries(
        tx,
        charges.flatMap((c) => {
          const charge = Number(c.charge_cents);
          const base = {
            practiceId: t.practiceA,
            patientId,
            encounterId,
            serviceLineId: Number(c.id),
            effectiveDate: '2026-11-25',
            sourceType: 'remittance' as const,
            sourceId: 'test',
          };
          const pr = Math.min(3_000, charge);
          const paid = Math.floor((charge - pr) / 2);
          return [
            { ...base, account: 'insurance' as const, kind: 'insurance_payment' as const, amountCents: paid },
            {
              ...base,
              account: 'insurance' as const,
              kind: 'contractual_adjustment' as const,
              amountCents: charge - pr - paid,
              groupCode: 'CO' as const,
              reasonCode: '45',
            },
            {
              ...base,
              account: 'patient' as const,
              kind: 'patient_responsibility' as const,
              amountCents: pr,
              groupCode: 'PR' as const,
              reasonCode: '2',
            },
          ];
        }),
        actor,
      ),
    );
    const res = await biller.get(`/api/patients/${patientId}/ledger`);
    expect(res.statusCode, res.body).toBe(200);
    const ledger = res.json();
    const visit = ledger.visits.find((v: { encounterId: number }) => v.encounterId === encounterId);
    expect(visit.lines.map((l: { serviceLineId: number }) => l.serviceLineId)).toEqual(lines);
    for (const l of visit.lines) {
      expect(l.insuranceBalance).toBe(0);
      expect(l.charge).toBe(l.insurancePaid + l.adjustments + l.patientResponsibility);
      expect(l.patientBalance).toBe(l.patientResponsibility);
    }
    expect(ledger.totals.patientBalance).toBe(
      visit.lines.reduce((s: number, l: { patientResponsibility: number }) => s + l.patientResponsibility, 0),
    );
  });

  it('posts a payment oldest first, keeps an overpayment as a credit, and prints a receipt', async () => {
    const owes = (await patientBalance(t.database.db, t.practiceA, patientId)).patientBalance;
    expect(owes).toBeGreaterThan(0);
    const noNumber = await biller.post(`/api/patients/${patientId}/payments`, {
      method: 'check',
      amountCents: 1_000,
      receivedDate: '2026-11-30',
    });
    expect(noNumber.statusCode).toBe(422);
    expect(noNumber.json().errors[0].pointer).toBe('/reference');
    const res = await biller.post(`/api/patients/${patientId}/payments`, {
      method: 'check',
      reference: '1042',
      amountCents: owes + 2_500,
      receivedDate: '2026-11-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    const outcome = res.json();
    expect(outcome.creditCents).toBe(2_500);
    expect(outcome.applied.reduce((s: number, a: { amountCents: number }) => s + a.amountCents, 0)).toBe(
      owes,
    );
    const after = await patientBalance(t.database.db, t.practiceA, patientId);
    expect(after).toMatchObject({ patientBalance: -2_500, credit: 2_500 });

    const pdf = await biller.get(outcome.receiptUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = shownText(pdf.rawPayload).join('\n');
    expect(text).toContain('Payment receipt');
    expect(text).toContain('Check no. 1042');
    expect(text).toContain('Credit on the account');
    const [practice] = await sql(`select name from practice where id = $1`, [t.practiceA]);
    expect(text).toContain(practice!.name);
  });

  it('applies a credit to a new patient share, and refunds the rest', async () => {
    // a self-pay line added to the visit owes $15.00
    const [extra] = await sql(
      `insert into service_line (practice_id, encounter_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
       values ($1, $2, 50, '2026-11-10', '36415', '{}', 1, 1500, '{1}') returning id`,
      [t.practiceA, encounterId],
    );
    await t.database.db.transaction((tx) =>
      ensureCharges(tx, { serviceLineIds: [Number(extra!.id)] }, actor),
    );
    const applied = await biller.post(`/api/patients/${patientId}/credit/apply`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({
      applied: [{ serviceLineId: Number(extra!.id), encounterId, amountCents: 1_500 }],
      creditCents: 1_000,
    });
    const tooMuch = await biller.post(`/api/patients/${patientId}/credit/refund`, { amountCents: 1_001 });
    expect(tooMuch.statusCode).toBe(422);
    const refund = await biller.post(`/api/patients/${patientId}/credit/refund`, { memo: 'mailed a check' });
    expect(refund.statusCode, refund.body).toBe(200);
    expect(refund.json()).toEqual({ refundedCents: 1_000, creditCents: 0 });
    expect(await patientBalance(t.database.db, t.practiceA, patientId)).toMatchObject({
      patientBalance: 0,
      credit: 0,
    });
    const ledger = (await biller.get(`/api/patients/${patientId}/ledger`)).json();
    expect(ledger.payments[0]).toMatchObject({
      method: 'check',
      reference: '1042',
      creditCents: 0,
      refundedCents: 1_000,
    });
    const audits = await sql(
      `select action, entity from audit_event where entity in ('patient_payment', 'ledger_entry', 'patient_ledger') and practice_id = $1`,
      [t.practiceA],
    );
    expect(audits.some((a) => a.entity === 'patient_payment' && a.action === 'create')).toBe(true);
    expect(audits.some((a) => a.entity === 'patient_ledger' && a.action === 'read')).toBe(true);
  });

  it('takes a returned check back: what it paid is owed again', async () => {
    const id = patientId;
    const [extra] = await sql(
      `insert into service_line (practice_id, encounter_id, line_number, service_date, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
       values ($1, $2, 51, '2026-11-12', '36415', '{}', 1, 4000, '{1}') returning id`,
      [t.practiceA, encounterId],
    );
    await t.database.db.transaction((tx) =>
      ensureCharges(tx, { serviceLineIds: [Number(extra!.id)] }, actor),
    );
    const before = await patientBalance(t.database.db, t.practiceA, id);
    const paid = (
      await biller.post(`/api/patients/${id}/payments`, {
        method: 'check',
        reference: '3003',
        amountCents: 5_000,
        receivedDate: '2026-12-01',
      })
    ).json();
    expect(paid.creditCents).toBe(1_000);
    expect((await patientBalance(t.database.db, t.practiceA, id)).patientBalance).toBe(
      before.patientBalance - 5_000,
    );
    expect(
      (await coder.post(`/api/payments/${paid.payment.id}/reverse`, { reason: 'returned' })).statusCode,
    ).toBe(403);
    expect(
      (await otherPractice.post(`/api/payments/${paid.payment.id}/reverse`, { reason: 'returned' }))
        .statusCode,
    ).toBe(404);
    const res = await biller.post(`/api/payments/${paid.payment.id}/reverse`, {
      reason: 'check returned NSF',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await patientBalance(t.database.db, t.practiceA, id)).toMatchObject({
      patientBalance: before.patientBalance,
      credit: before.credit,
    });
    expect(
      (await biller.post(`/api/payments/${paid.payment.id}/reverse`, { reason: 'again' })).statusCode,
    ).toBe(409);
    const ledger = (await biller.get(`/api/patients/${id}/ledger`)).json();
    const listed = ledger.payments.find((p: { id: number }) => p.id === paid.payment.id);
    expect(listed).toMatchObject({ reversed: true, creditCents: 0, lines: [] });
    const receipt = await biller.get(`/api/payments/${paid.payment.id}/receipt.pdf`);
    expect(shownText(receipt.rawPayload).join('\n')).toContain('REVERSED');
    // the first check's credit was refunded: it can no longer be taken back
    const refunded = ledger.payments.find((p: { reference: string }) => p.reference === '1042');
    expect(
      (await biller.post(`/api/payments/${refunded.id}/reverse`, { reason: 'returned' })).statusCode,
    ).toBe(409);
  });

  it('bills a visit no claim bills to the patient (self-pay), once', async () => {
    const [visit] = await sql(
      `select e.id, e.patient_id from encounter e where e.practice_id = $1 and e.patient_id <> $2
          and not exists (select 1 from ledger_entry le where le.encounter_id = e.id) order by e.id limit 1`,
      [t.practiceA, patientId],
    );
    const id = Number(visit!.patient_id);
    const before = (await biller.get(`/api/patients/${id}/ledger`)).json();
    const unbilled = before.unbilledVisits.find(
      (v: { encounterId: number }) => v.encounterId === Number(visit!.id),
    );
    expect(unbilled.chargeCents).toBeGreaterThan(0);
    const url = `/api/patients/${id}/visits/${visit!.id}/bill-patient`;
    expect((await coder.post(url, {})).statusCode).toBe(403);
    expect((await otherPractice.post(url, {})).statusCode).toBe(404);
    expect(
      (await biller.post(`/api/patients/${patientId}/visits/${visit!.id}/bill-patient`, {})).statusCode,
    ).toBe(404);
    const res = await biller.post(url, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ chargedLines: unbilled.lines, chargeCents: unbilled.chargeCents });
    expect((await biller.post(url, {})).statusCode).toBe(409);
    const after = (await biller.get(`/api/patients/${id}/ledger`)).json();
    expect(
      after.unbilledVisits.some((v: { encounterId: number }) => v.encounterId === Number(visit!.id)),
    ).toBe(false);
    expect(after.totals.patientBalance - before.totals.patientBalance).toBe(unbilled.chargeCents);

    // a manager writes off part of the first line, then the rest of what the patient owes
    const manager = await t.login('manager@example.org');
    const line = after.visits.find((v: { encounterId: number }) => v.encounterId === Number(visit!.id))
      .lines[0];
    const writeOff = (body: unknown) => manager.post(`/api/patients/${id}/write-off`, body);
    expect((await biller.post(`/api/patients/${id}/write-off`, { reason: 'small balance' })).statusCode).toBe(
      403,
    );
    expect(
      (await otherPractice.post(`/api/patients/${id}/write-off`, { reason: 'small balance' })).statusCode,
    ).toBe(404);
    const part = await writeOff({
      reason: 'courtesy',
      lines: [{ serviceLineId: line.serviceLineId, amountCents: 100 }],
    });
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json().writtenOffCents).toBe(100);
    expect(
      (
        await writeOff({
          reason: 'too much',
          lines: [{ serviceLineId: line.serviceLineId, amountCents: line.patientBalance }],
        })
      ).statusCode,
    ).toBe(422);
    const rest = await writeOff({ reason: 'hardship' });
    expect(rest.statusCode, rest.body).toBe(200);
    expect(await patientBalance(t.database.db, t.practiceA, id)).toMatchObject({ patientBalance: 0 });
    const memos = await sql(
      `select distinct memo from ledger_entry where patient_id = $1 and kind = 'write_off'`,
      [id],
    );
    expect(memos.map((m) => m.memo).sort()).toEqual(['courtesy', 'hardship']);
    expect((await writeOff({ reason: 'nothing left' })).statusCode).toBe(422);
  });

  it('refuses a role without money rights, and hides another practice', async () => {
    const body = { method: 'cash', amountCents: 100, receivedDate: '2026-11-30' };
    expect((await coder.post(`/api/patients/${patientId}/payments`, body)).statusCode).toBe(403);
    expect((await coder.post(`/api/patients/${patientId}/credit/refund`, {})).statusCode).toBe(403);
    expect((await coder.post(`/api/patients/${patientId}/credit/apply`, {})).statusCode).toBe(403);
    expect((await coder.get(`/api/patients/${patientId}/ledger`)).statusCode).toBe(200);
    expect((await otherPractice.get(`/api/patients/${patientId}/ledger`)).statusCode).toBe(404);
    expect((await otherPractice.post(`/api/patients/${patientId}/payments`, body)).statusCode).toBe(404);
    expect((await otherPractice.post(`/api/patients/${patientId}/credit/apply`, {})).statusCode).toBe(404);
    const [payment] = await sql(`select id from patient_payment where patient_id = $1`, [patientId]);
    expect((await otherPractice.get(`/api/payments/${payment!.id}/receipt.pdf`)).statusCode).toBe(404);
  });
});
