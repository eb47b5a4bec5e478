import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp } from '../server/testing.ts';
import { importWageDir } from './import-dir.ts';

const SALARY = join(process.cwd(), '../shared/salary');
let t: Awaited<ReturnType<typeof startTestApp>>;
let outcomes: Awaited<ReturnType<typeof importWageDir>>;

beforeAll(async () => {
  t = await startTestApp();
  outcomes = await importWageDir(t.database.db, SALARY, SYSTEM_ACTOR);
}, 60_000);
afterAll(() => t?.close());

describe('market pay from the BLS files', () => {
  it('imports every file with the row counts SOURCES.md lists, and a second import changes nothing', async () => {
    expect(Object.fromEntries(outcomes.map((o) => [o.file, [o.outcome, o.rows]]))).toEqual({
      'bls_ep_2024_2034_projections.csv': ['imported', 1],
      'bls_oews_2023_industry.csv': ['imported', 14],
      'bls_oews_2023_national.csv': ['imported', 1],
      'bls_oews_2023_state.csv': ['imported', 54],
      'bls_oews_2024_industry.csv': ['imported', 51],
      'bls_oews_2024_national.csv': ['imported', 1],
      'bls_oews_2025_national.csv': ['imported', 1],
    });
    const again = await importWageDir(t.database.db, SALARY, SYSTEM_ACTOR);
    expect(new Set(again.map((o) => o.outcome))).toEqual(new Set(['unchanged']));
  });

  it('answers the explorer without a login, figures read from the data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/wages' });
    expect(res.statusCode).toBe(200);
    const x = res.json();
    expect(x.occupation.code).toBe('29-2072');
    const may2023 = x.national.find((r: { release: string }) => r.release === 'May 2023');
    expect(may2023.annualMedian).toBe(48_780_00);
    const alabama = x.states.find((r: { state: string }) => r.state === 'AL');
    expect(alabama).toMatchObject({ release: 'May 2023', annualMean: 42_970_00 });
    expect(x.states).toHaveLength(54);
    // A special code stays a code: employment `**` is not a number.
    const realEstate = x.industries.find(
      (r: { naics: string; release: string }) => r.naics === '53' && r.release === 'May 2024',
    );
    expect(realEstate).toMatchObject({ employment: null, published: { TOT_EMP: '**' } });
    const csv = await t.app.inject({ method: 'GET', url: '/api/wages.csv?table=states' });
    expect(csv.body.split('\r\n')[0]).toContain('Source: U.S. Bureau of Labor Statistics, May 2023');
    expect(csv.body).toContain('AL,Alabama,$20.66,"$42,970.00"');
    const outlook = await t.app.inject({ method: 'GET', url: '/api/wages.csv?table=outlook' });
    expect(outlook.body).toContain('2024-34,"194,800","208,600","13,800",7.1 %,"14,200"');
  });

  it('estimates one person as a range with its assumptions listed', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/wages/estimate',
      payload: { state: 'AL', setting: '622000', experience: 'experience:3-5', certifications: ['cert:CPC'] },
    });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e.low).toBeLessThan(e.high);
    expect(e.assumptions.map((a: { key: string }) => a.key)).toEqual(['experience:3-5', 'cert:CPC']);
    expect(e.steps.map((s: { source: string }) => s.source)).toContain('BLS OEWS May 2023');
    expect(e.notes.join(' ')).toContain('May 2023');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/wages/estimate',
      payload: { state: 'ZZ', experience: 'x' },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('lets only an administrator change an assumption, audited', async () => {
    await t.addUser('wage-admin@x.test', [], { installationAdmin: true });
    await t.addUser('wage-biller@x.test', [{ practiceId: t.practiceA, role: 'biller' }]);
    const body = { low: 100, high: 900, source: 'AAPC salary survey', sourceYear: 2026 };
    const biller = await t.login('wage-biller@x.test');
    expect(
      (await biller.request({ method: 'PUT', url: '/api/wages/assumptions/cert:CPC', payload: body }))
        .statusCode,
    ).toBe(403);
    const admin = await t.login('wage-admin@x.test');
    const res = await admin.request({ method: 'PUT', url: '/api/wages/assumptions/cert:CPC', payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ key: 'cert:CPC', low: 100, high: 900, source: 'AAPC salary survey' });
    const audit = await admin.get('/api/audit?entity=pay_assumption');
    expect(audit.body).toContain('cert:CPC');
  });
});
