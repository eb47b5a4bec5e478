import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import { importCodesetDirectory } from './storage/import.ts';
import { writeReleaseFolder } from './testing.ts';

const fixtures = path.resolve(import.meta.dirname, 'fixtures');
const cpt = (name: string) => readFileSync(`${fixtures}/cpt/${name}`, 'utf8');
const DOS = '2026-03-02';

describe('code-set routes: index look-up, CPT upload, search by several systems', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let admin: Client;
  let coder: Client;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('admin@example.org', [{ practiceId: t.practiceA, role: 'admin' }], {
      installationAdmin: true,
    });
    await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    admin = await t.login('admin@example.org');
    coder = await t.login('coder@example.org');
    const dir = writeReleaseFolder(14_000, {
      copies: {
        'icd10cm/2026/icd10cm_index_2026.xml': `${fixtures}/index/pass/asthma-fracture-diabetes.xml`,
      },
    });
    await importCodesetDirectory(t.database, dir, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(() => t.close());

  it('answers 409 before the code sets are loaded', async () => {
    expect((await coder.get('/api/codes/index?term=asthma')).statusCode).toBe(409);
  });

  it('lets only an administrator upload a CPT file, refusing a bad one with every line', async () => {
    const upload = (who: Client, name: string, folder = 'pass') =>
      who.post('/api/codesets/cpt', { fileName: name, year: 2026, content: cpt(`${folder}/${name}`) });
    expect((await upload(coder, 'longult-tab-with-notice.txt')).statusCode).toBe(403);
    const bad = await upload(admin, 'duplicate-code.txt', 'fail');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      {
        pointer: '/content',
        detail: 'duplicate-code.txt, line 3: CPT 99202 appears again (first on line 1)',
      },
    ]);
    const ok = await upload(admin, 'longult-tab-with-notice.txt');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ system: 'CPT', version: '2026', counts: { cpt: 6 } });
    expect((await upload(admin, 'longult-tab-with-notice.txt')).statusCode).toBe(200);
  });

  it('walks the index for a coder: asthma → mild intermittent → with (acute) exacerbation', async () => {
    const res = await coder.get(
      `/api/codes/index?term=asthma&path=mild%20intermittent&path=with%20(acute)%20exacerbation&dos=${DOS}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'found',
      available: ['index'],
      trail: [
        { title: 'Asthma, asthmatic' },
        { title: 'mild intermittent' },
        { title: 'with' },
        { title: 'exacerbation' },
      ],
      entry: { codes: [{ display: 'J45.21', check: { valid: true, billable: true } }] },
    });
    const one = (await coder.get(`/api/codes/index?term=Cardiopathy&dos=${DOS}`)).json();
    expect(one.entry.seeAlso).toMatchObject({ trail: ['Disease, diseased', 'heart'] });
    expect((await coder.get(`/api/codes/index?term=ast&dos=${DOS}`)).json()).toMatchObject({
      status: 'main-terms',
    });
    expect((await coder.get(`/api/codes/index?term=asthma&table=drug&dos=${DOS}`)).json()).toMatchObject({
      status: 'not-imported',
    });
    expect((await coder.get('/api/codes/index?term=asthma&dos=2026-10-01')).json()).toMatchObject({
      status: 'no-release',
    });
    expect((await coder.get('/api/codes/index?term=asthma&depth=99')).statusCode).toBe(400);
  });

  it('shows and searches the uploaded CPT descriptions; searches CPT and HCPCS together', async () => {
    expect((await coder.get(`/api/codes/99213?dos=${DOS}`)).json()).toMatchObject({
      system: 'CPT',
      valid: true,
      description: expect.stringMatching(/level three/),
    });
    const { hits } = (
      await coder.get(`/api/codes/search?q=office%20visit&system=CPT&system=HCPCS&dos=${DOS}`)
    ).json();
    expect(hits.map((h: { display: string }) => h.display)).toEqual(['99202', '99213', '99214']);
    const single = (await coder.get(`/api/codes/search?q=asthma&system=ICD-10-CM&dos=${DOS}`)).json();
    expect(single.hits[0].system).toBe('ICD-10-CM');
  });

  // Issue 11: a code's problems are the shared problem type, the medical code apart from the problem code.
  it('answers a code problem with its stable code, the medical code it is about and a message', async () => {
    const res = await coder.post('/api/codes/validate', { codes: ['99215'], dos: DOS, system: 'CPT' });
    expect(res.statusCode).toBe(200);
    const [view] = res.json();
    expect(view).toMatchObject({
      system: 'CPT',
      code: '99215',
      display: '99215',
      valid: false,
      notes: [],
      parents: [],
    });
    expect(view.problems).toEqual([
      {
        code: 'CODE_UNKNOWN',
        severity: 'error',
        medicalCode: '99215',
        message: '99215 is not in the CPT 2026 data file imported',
        carc: '181',
      },
    ]);
  });

  // Issue 11.6: on a date no ICD-10-CM release covers, "type 2 diabetes" silently found only other
  // code sets; the answer now names the missing set and the latest loaded release to search.
  it('names the code set with no release in force on the date and its latest loaded release', async () => {
    const search = async (dos: string) =>
      (await coder.get(`/api/codes/search?q=type%202%20diabetes&dos=${dos}`)).json();
    const late = await search('2026-12-03');
    expect(late.hits.some((h: { system: string }) => h.system === 'ICD-10-CM')).toBe(false);
    expect(late.notLoaded).toEqual([
      {
        system: 'ICD-10-CM',
        dos: '2026-12-03',
        latest: {
          version: '2026',
          effectiveFrom: '2025-10-01',
          effectiveThrough: '2026-09-30',
          searchDate: '2026-09-30',
        },
        message: expect.stringContaining('ICD-10-CM is not loaded for 2026-12-03'),
      },
    ]);
    const offered = await search(late.notLoaded[0].latest.searchDate);
    expect(offered.notLoaded).toEqual([]);
    expect(offered.hits[0]).toMatchObject({ system: 'ICD-10-CM', display: expect.stringMatching(/^E11/) });
  });
});
