import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { shownText } from '../claims/pdf-testing.ts';
import { seedDemo } from '../demo/seed.ts';
import type { StoredCandidate } from '../remits/candidates.ts';
import { era835, submittedDemoClaims, syntheticClaimOf } from '../remits/post-testing.ts';
import { startTestApp, testSubmitterSettings, type Client } from '../server/testing.ts';
import { carcTexts } from './carc.ts';

// Issue 15: a denied claim (an 835 with CO-50 on every line) appealed: the draft letter from the
// built-in medical-necessity template, edited, its PDF read back (patient, CARC words, enclosures),
// sent (on the claim's history), lost, and taken to a second level; a practice template chosen over
// the built-in one; another denial answered with a corrected claim naming the 835's claim number.
describe('appeals of a denied claim', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let biller: Client;
  let manager: Client;
  let practiceId: number;
  let claims: StoredCandidate[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, read loosely
  let denials: any[];
  const put = (c: Client, url: string, payload: unknown) =>
    c.request({ method: 'PUT', url, payload: payload as never });
  const rows = async (query: string, params: unknown[] = []) =>
    (await t.database.sql.executeSql(query, params)).rows as Record<string, unknown>[];
  const words = (pdf: Buffer) => shownText(pdf).join(' ').replace(/\s+/g, ' ');

  beforeAll(async () => {
    t = await startTestApp({ work: true });
    practiceId = await seedDemo(
      t.database,
      { seed: 20261203, patients: 8, encounters: 10, asOf: '2026-11-20' },
      SYSTEM_ACTOR,
      [],
    );
    await t.addUser('biller@example.org', [{ practiceId, role: 'biller' }]);
    await t.addUser('manager@example.org', [{ practiceId, role: 'manager' }]);
    biller = await t.login('biller@example.org');
    manager = await t.login('manager@example.org');
    claims = await submittedDemoClaims(
      t.database.db,
      t.database.sql,
      practiceId,
      biller,
      manager,
      3,
      testSubmitterSettings(practiceId),
    );
    const era = era835(
      claims.map((c) => syntheticClaimOf(c, 'denied')),
      { traceNumber: 'EFT-DENY' },
    );
    const posted = await biller.post('/api/eras', { practiceId, fileName: 'denied.835', content: era });
    expect(posted.statusCode, posted.body).toBe(201);
    denials = (await biller.get(`/api/denials?practiceId=${practiceId}`)).json().items;
  }, 300_000);
  afterAll(() => t?.close());

  const denialOf = (c: StoredCandidate) => denials.find((d) => d.claimId === c.id);
  const patientName = (c: StoredCandidate) => `${c.patient.firstName} ${c.patient.lastName}`;

  it('drafts, edits, prints, sends, loses and takes an appeal to the second level', async () => {
    const c = claims[0]!;
    const denial = denialOf(c);
    expect(denial).toMatchObject({ groupCode: 'CO', reasonCode: '50' });
    const carc50 = (await carcTexts()).get('50')!;
    expect(carc50).toMatch(/medical necessity/);

    const drafted = await biller.post('/api/appeals', {
      claimId: c.id,
      denialId: denial.id,
      documents: ['Progress note', 'Proof of timely filing', ' Progress note '],
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const { appeal, problems } = drafted.json();
    expect(appeal).toMatchObject({
      state: 'draft',
      level: 1,
      hasPdf: false,
      documents: ['Progress note', 'Proof of timely filing'],
    });
    expect(appeal.letter).toContain(patientName(c));
    expect(appeal.letter).toContain(`CO-50 ${carc50}`);
    expect(appeal.letter).toContain(`Payer claim number: PAYER${c.patientControlNumber}`);
    expect(appeal.letter).toContain('- Proof of timely filing');
    expect(appeal.letter).toMatch(/not medically necessary/); // the built-in medical-necessity argument
    expect(problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);

    const unknown = await put(biller, `/api/appeals/${appeal.id}`, { letter: 'Dear {{payer.nam}},' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().detail).toContain('{{payer.nam}} is not an appeal placeholder');

    const edited = await put(biller, `/api/appeals/${appeal.id}`, {
      letter: `${appeal.letter}\n\nP.S. Born {{patient.dob}}.`,
      documents: ['Progress note', 'Operative report'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().appeal.letter).toMatch(/P\.S\. Born \d\d\/\d\d\/\d{4}\./);

    const made = await biller.post(`/api/appeals/${appeal.id}/pdf`, {});
    expect(made.statusCode, made.body).toBe(200);
    expect(made.headers['content-type']).toBe('application/pdf');
    const text = words(made.rawPayload);
    expect(text).toContain(patientName(c));
    expect(text).toContain(carc50);
    expect(text).toContain('Enclosures:');
    expect(text).toContain('- Operative report');
    const asJson = await biller.request({
      method: 'POST',
      url: `/api/appeals/${appeal.id}/pdf`,
      headers: { accept: 'application/json' },
    });
    expect(asJson.json()).toMatchObject({ id: appeal.id, hasPdf: true });
    const downloaded = await biller.get(`/api/appeals/${appeal.id}/pdf`);
    expect(downloaded.statusCode).toBe(200);
    expect(words(downloaded.rawPayload)).toBe(text);

    const sent = await biller.post(`/api/appeals/${appeal.id}/send`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'sent', hasPdf: true });
    expect(sent.json().sentAt).toBeTruthy();
    const claim = (await biller.get(`/api/claims/${c.id}`)).json();
    expect(claim.state).toBe('appealed');
    expect(claim.history.at(-1)).toMatchObject({ fromState: 'denied', toState: 'appealed' });
    expect(claim.history.at(-1).reason).toMatch(
      /appeal sent \(level 1, enclosing Progress note, Operative report\)/,
    );
    const [d] = await rows(`select state, resolution from denial where id = $1`, [denial.id]);
    expect(d).toMatchObject({ state: 'open', resolution: 'appealed' });
    expect((await put(biller, `/api/appeals/${appeal.id}`, { documents: [] })).statusCode).toBe(409);

    const early = await biller.post(`/api/appeals/${appeal.id}/next-level`, {});
    expect(early.statusCode).toBe(409);
    const lost = await biller.post(`/api/appeals/${appeal.id}/outcome`, {
      state: 'lost',
      recoveredCents: 0,
      note: 'upheld: policy not met',
    });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json()).toMatchObject({
      state: 'lost',
      recoveredCents: 0,
      outcomeNote: 'upheld: policy not met',
    });

    const second = await biller.post(`/api/appeals/${appeal.id}/next-level`, {});
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().appeal).toMatchObject({
      level: 2,
      state: 'draft',
      documents: ['Progress note', 'Operative report'],
    });
    expect(second.json().appeal.letter).toContain('RE: second-level appeal');
    expect((await biller.post(`/api/appeals/${appeal.id}/next-level`, {})).statusCode).toBe(409);
    const sent2 = await biller.post(`/api/appeals/${second.json().appeal.id}/send`, {});
    expect(sent2.statusCode, sent2.body).toBe(200);
    const history = (await biller.get(`/api/claims/${c.id}`)).json().history;
    expect(history.at(-1)).toMatchObject({ fromState: 'appealed', toState: 'appealed' });
    const won = await biller.post(`/api/appeals/${second.json().appeal.id}/outcome`, {
      state: 'won',
      recoveredCents: 12000,
      note: 'overturned',
    });
    expect(won.statusCode, won.body).toBe(200);
    const [resolved] = await rows(`select state, resolution from denial where id = $1`, [denial.id]);
    expect(resolved).toMatchObject({ state: 'resolved', resolution: 'appealed' });

    const listed = (await biller.get(`/api/appeals?claimId=${c.id}`)).json().items;
    expect(listed.map((a: { level: number; state: string }) => [a.level, a.state])).toEqual([
      [2, 'won'],
      [1, 'lost'],
    ]);
    const audits = await rows(
      `select action from audit_event where entity = 'appeal' and entity_id in ($1, $2) order by id`,
      [String(appeal.id), String(second.json().appeal.id)],
    );
    expect(audits.filter((a) => a.action === 'create')).toHaveLength(2);
    expect(audits.filter((a) => a.action === 'update').length).toBeGreaterThanOrEqual(7);
  });

  it("uses the practice's template for the payer and category over the built-in one; a biller cannot write templates", async () => {
    const c = claims[1]!;
    const denial = denialOf(c);
    const template = {
      practiceId,
      category: denial.category,
      payerId: c.payerId,
      name: 'Our records letter',
      body: 'To {{payer.name}}: please review {{patient.name}} ({{denial.code}}). Enclosed:\n{{documents}}',
    };
    expect((await biller.post('/api/appeal-templates', template)).statusCode).toBe(403);
    const bad = await manager.post('/api/appeal-templates', { ...template, body: '{{patient.ssn}}' });
    expect(bad.statusCode).toBe(422);
    const made = await manager.post('/api/appeal-templates', template);
    expect(made.statusCode, made.body).toBe(201);
    const listed = (await biller.get(`/api/appeal-templates?practiceId=${practiceId}`)).json();
    expect(
      listed.items.filter((x: { practiceId: number | null }) => x.practiceId === null).length,
    ).toBeGreaterThanOrEqual(10);
    expect(listed.placeholders.map((p: { name: string }) => p.name)).toContain('denial.reason');

    const drafted = await biller.post('/api/appeals', {
      claimId: c.id,
      denialId: denial.id,
      documents: ['Prior authorization'],
    });
    expect(drafted.statusCode, drafted.body).toBe(201);
    expect(drafted.json().appeal.templateId).toBe(made.json().id);
    const letter: string = drafted.json().appeal.letter;
    expect(letter).toMatch(/^To \S.*: please review /);
    expect(letter.slice(letter.indexOf('please'))).toBe(
      `please review ${patientName(c)} (CO-50). Enclosed:\n- Prior authorization`,
    );
    const retired = await manager.request({
      method: 'DELETE',
      url: `/api/appeal-templates/${made.json().id}`,
    });
    expect(retired.json().active).toBe(false);
    const again = await biller.post('/api/appeals', { claimId: c.id, denialId: denial.id, documents: [] });
    expect(again.json().appeal.templateId).not.toBe(made.json().id);
  });

  it("answers a denial with a corrected claim naming the 835's payer claim number", async () => {
    const c = claims[2]!;
    const denial = denialOf(c);
    const res = await biller.post(`/api/denials/${denial.id}/correct`, {
      frequencyCode: '7',
      reason: 'diagnosis pointer corrected',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ payerClaimNumber: `PAYER${c.patientControlNumber}` });
    const replacement = (await biller.get(`/api/claims/${res.json().claim.id}`)).json();
    expect(replacement).toMatchObject({
      frequencyCode: '7',
      payerClaimNumber: `PAYER${c.patientControlNumber}`,
      originalClaimId: c.id,
    });
    expect(['scrubbed', 'ready']).toContain(replacement.state);
    expect((await biller.get(`/api/claims/${c.id}`)).json().state).toBe('corrected');
    const [d] = await rows(`select state, resolution from denial where id = $1`, [denial.id]);
    expect(d).toMatchObject({ state: 'resolved', resolution: 'corrected' });
    const twice = await biller.post(`/api/denials/${denial.id}/correct`, {
      frequencyCode: '8',
      reason: 'again',
    });
    expect(twice.statusCode).toBe(409);
  });
});
