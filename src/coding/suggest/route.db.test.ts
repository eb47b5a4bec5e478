import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import { addNote } from '../../charts/index.ts';
import { importCodesetDirectory } from '../../codesets/storage/import.ts';
import { writeReleaseFolder } from '../../codesets/testing.ts';
import { startTestApp, type Client } from '../../server/testing.ts';

/** A release folder holding only the FY2026 order-file lines of these codes (a quick import). */
function smallRelease(codes: string[]): string {
  const wanted = new Set(codes);
  const shared = path.resolve(process.cwd(), '../shared/codesets/icd10cm/2026/icd10cm_order_2026.txt.gz');
  const lines = gunzipSync(readFileSync(shared))
    .toString('latin1')
    .split('\n')
    .filter((l) => wanted.has(l.slice(6, 13).trim()))
    // the importer wants consecutive order numbers
    .map((l, i) => `${String(i + 1).padStart(5, '0')}${l.slice(5)}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'suggest-')), 'order.txt');
  writeFileSync(file, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
  return writeReleaseFolder(0, { copies: { 'icd10cm/2026/icd10cm_order_2026.txt': file } });
}

describe('POST /api/coding/suggest', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let coder: Client;
  let encounterA: number;
  let encounterB: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    coder = await t.login('coder@example.org');
    const dir = smallRelease(['I10', 'R079', 'R509', 'E11', 'E119', 'E1165', 'Z803', 'C50919']);
    await importCodesetDirectory(t.database, dir, SYSTEM_ACTOR);
    const first = async (practiceId: number) => {
      const { rows } = await t.database.sql.executeSql(
        'select id from encounter where practice_id = $1 order by id limit 1',
        [practiceId],
      );
      return Number(rows[0]?.id);
    };
    encounterA = await first(t.practiceA);
    encounterB = await first(t.practiceB);
    await addNote(
      t.database.db,
      t.practiceA,
      encounterA,
      {
        title: 'Progress note',
        kind: 'progress-note',
        text: 'No fever.\nAssessment: essential hypertension.',
      },
      SYSTEM_ACTOR,
    );
  }, 120_000);
  afterAll(() => t.close());

  it('suggests codes from text, with evidence, and sets denied ones aside', async () => {
    const text =
      'Denies chest pain. Family history of breast cancer.\nAssessment: type 2 diabetes with hyperglycemia.';
    const res = await coder.post('/api/coding/suggest', { text, dateOfService: '2026-03-02' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.suggestions.map((s: { code: string }) => s.code)).toEqual(['Z803', 'E1165', '99212']);
    const e1165 = body.suggestions[1];
    expect(e1165.evidence[0].text).toBe('type 2 diabetes with hyperglycemia');
    expect(text.slice(e1165.evidence[0].start, e1165.evidence[0].end)).toBe(e1165.evidence[0].text);
    expect(body.setAside).toContainEqual(expect.objectContaining({ code: 'R079', why: 'negated' }));
  });

  it("suggests from an encounter's chart documents, offsets per document", async () => {
    const res = await coder.post('/api/coding/suggest', { practiceId: t.practiceA, encounterId: encounterA });
    expect(res.statusCode).toBe(200);
    const [i10] = res.json().suggestions;
    expect(i10).toMatchObject({
      code: 'I10',
      evidence: [{ start: 22, end: 44, text: 'essential hypertension' }],
    });
    expect(typeof i10.evidence[0].documentId).toBe('number');
    // without practiceId the encounter is found among the caller's practices
    const found = await coder.post('/api/coding/suggest', { encounterId: encounterA });
    expect(found.json().suggestions[0].code).toBe('I10');
  });

  it('refuses a request with neither text nor encounter, and another practice’s encounter', async () => {
    expect((await coder.post('/api/coding/suggest', {})).statusCode).toBe(422);
    const other = await coder.post('/api/coding/suggest', {
      practiceId: t.practiceB,
      encounterId: encounterB,
    });
    expect(other.statusCode).toBe(404);
    expect((await coder.post('/api/coding/suggest', { encounterId: encounterB })).statusCode).toBe(404);
  });
});
