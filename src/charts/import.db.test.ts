import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { encountersByExternalIds } from '../encounters/index.ts';
import { patientsByAccountNumbers } from '../patients/index.ts';
import { payersOfPractice } from '../payers/index.ts';
import { startTestApp, type Client } from '../server/testing.ts';
import type { ChartContent } from './content.ts';
import { addNote, chartCodes, importChartContent, listChartDocuments } from './index.ts';

const where = { resource: 'Bundle/t1' };

function visit(payer: { payerId: string }, overrides: Partial<ChartContent> = {}): ChartContent {
  return {
    format: 'fhir',
    sourceId: 'bundle-1',
    patients: [
      {
        mrn: 'EHR-1001',
        firstName: 'Rosa',
        lastName: 'Delgado',
        dateOfBirth: '1961-04-12',
        sex: 'F',
        address1: '12 Elm St',
        city: 'Springfield',
        state: 'IL',
        zip: '62701',
        where: { resource: 'Patient/p1' },
      },
    ],
    practitioners: [
      { npi: '1245319599', firstName: 'Ann', lastName: 'Okafor', where: { resource: 'Practitioner/dr1' } },
    ],
    coverages: [
      {
        patientMrn: 'EHR-1001',
        payerId: payer.payerId,
        memberId: 'MEM-778',
        relationship: 'self',
        priority: 'primary',
        effectiveDate: '2026-01-01',
        where: { resource: 'Coverage/c1' },
      },
    ],
    encounters: [
      {
        encounterId: 'V-5001',
        patientMrn: 'EHR-1001',
        serviceDateFrom: '2026-11-03',
        serviceDateTo: '2026-11-03',
        renderingNpi: '1245319599',
        chartType: 'em-visit',
        where: { resource: 'Encounter/e1' },
      },
    ],
    documents: [
      {
        encounterId: 'V-5001',
        kind: 'progress-note',
        title: 'Office visit',
        text: 'Chief complaint: cough for 3 days. Denies fever.',
        authoredAt: '2026-11-03T15:00:00Z',
        where: { resource: 'DocumentReference/d1' },
      },
    ],
    codes: [{ encounterId: 'V-5001', system: 'ICD-10-CM', code: 'R05.1', kind: 'diagnosis', where }],
    ...overrides,
  };
}

// One app for the file: the merge, then the routes (distinct MRNs and visit numbers).
let t: Awaited<ReturnType<typeof startTestApp>>;
let payer: { payerId: string; name: string };
beforeAll(async () => {
  t = await startTestApp();
  payer = (await payersOfPractice(t.database.db, t.practiceA))[0]!;
});
afterAll(() => t.close());

describe('importChartContent', () => {
  it('creates the patient, practitioner, coverage, encounter, note and code, then the same content changes nothing', async () => {
    const db = t.database.db;
    const first = await importChartContent(db, t.practiceA, visit(payer), SYSTEM_ACTOR);
    expect(first.problems).toEqual([]);
    expect(first.imported).toBe(true);
    expect(first.byKind).toMatchObject({
      patients: { created: 1 },
      practitioners: { created: 1 },
      coverages: { created: 1 },
      encounters: { created: 1 },
      documents: { created: 1 },
      codes: { created: 1 },
    });
    const [encounter] = await encountersByExternalIds(db, t.practiceA, ['V-5001']);
    expect(first.encounterIds).toEqual([encounter!.id]);
    expect(encounter).toMatchObject({ placeOfService: '11', diagnoses: [], serviceDateFrom: '2026-11-03' });
    const docs = await listChartDocuments(db, t.practiceA, encounter!.id);
    expect(docs.map((d) => d.title)).toEqual(['Office visit']);
    const queued = await t.database.sql.executeSql(
      `select chart_type, state from coding_chart where encounter_id = $1`,
      [encounter!.id],
    );
    expect(queued.rows).toEqual([{ chart_type: 'em-visit', state: 'queued' }]);
    expect(await chartCodes(db, t.practiceA, encounter!.id)).toMatchObject([
      { code: 'R05.1', kind: 'diagnosis' },
    ]);

    const again = await importChartContent(db, t.practiceA, visit(payer), SYSTEM_ACTOR);
    expect(again).toMatchObject({ duplicate: true, created: 0, updated: 0 });
    expect(again.problems.map((p) => p.code)).toEqual(['CHART_DUPLICATE']);

    // The same facts in another message (another bundle id): merged by identifiers, nothing new.
    const other = await importChartContent(
      db,
      t.practiceA,
      visit(payer, { sourceId: 'bundle-2' }),
      SYSTEM_ACTOR,
    );
    expect(other).toMatchObject({ duplicate: false, created: 0, updated: 0, unchanged: 6 });
  });

  it('updates what changed (a new address, a corrected note) and audits it', async () => {
    const db = t.database.db;
    const content = visit(payer, { sourceId: 'bundle-3' });
    content.patients[0]!.address1 = '14 Oak Ave';
    content.documents[0]!.text += ' Lungs clear.';
    const result = await importChartContent(db, t.practiceA, content, SYSTEM_ACTOR);
    expect(result.byKind.patients).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(result.byKind.documents).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const [patient] = await patientsByAccountNumbers(db, t.practiceA, ['EHR-1001']);
    expect(patient!.address1).toBe('14 Oak Ave');
    const { rows } = await t.database.sql.executeSql(
      `select before, after from audit_event where entity = 'patient' and entity_id = $1 and action = 'update'`,
      [String(patient!.id)],
    );
    expect(rows).toHaveLength(1);
  });

  it('reports references that point nowhere and an unknown payer, and writes nothing', async () => {
    const db = t.database.db;
    const content = visit(payer, { sourceId: 'bundle-bad' });
    content.patients[0]!.mrn = 'EHR-2002';
    content.coverages[0]!.patientMrn = 'EHR-2002';
    content.coverages[0]!.payerId = 'NOPE';
    content.encounters[0]!.encounterId = 'V-6001';
    content.encounters[0]!.patientMrn = 'EHR-2002';
    content.documents[0]!.encounterId = 'V-9999';
    content.codes = [];
    const result = await importChartContent(db, t.practiceA, content, SYSTEM_ACTOR);
    expect(result.imported).toBe(false);
    expect(result.problems.map((p) => [p.code, p.resource])).toEqual([
      ['CHART_UNKNOWN_PAYER', 'Coverage/c1'],
      ['CHART_DANGLING_REFERENCE', 'DocumentReference/d1'],
    ]);
    expect(await patientsByAccountNumbers(db, t.practiceA, ['EHR-2002'])).toEqual([]);
    expect(await encountersByExternalIds(db, t.practiceA, ['V-6001'])).toEqual([]);
  });

  it('adds a typed note to an encounter, and refuses an empty one', async () => {
    const db = t.database.db;
    const [encounter] = await encountersByExternalIds(db, t.practiceA, ['V-5001']);
    const note = await addNote(
      db,
      t.practiceA,
      encounter!.id,
      { title: 'Addendum', kind: 'query-addendum', text: 'Pneumonia ruled out.' },
      SYSTEM_ACTOR,
    );
    expect(note.text).toBe('Pneumonia ruled out.');
    const docs = await listChartDocuments(db, t.practiceA, encounter!.id);
    expect(docs.map((d) => d.kind)).toContain('query-addendum');
    await expect(
      addNote(db, t.practiceA, encounter!.id, { title: 'x', kind: 'other', text: ' ' }, SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: 'INVALID' });
    await expect(
      addNote(db, t.practiceB, encounter!.id, { title: 'x', kind: 'other', text: 'y' }, SYSTEM_ACTOR),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

const sample = (path: string) => readFileSync(new URL(`./fhir/samples/${path}`, import.meta.url), 'utf8');

describe('FHIR and chart file routes', () => {
  let coder: Client;
  const fhir = (body: string, contentType = 'application/fhir+json') =>
    coder.request({
      method: 'POST',
      url: `/api/fhir?practiceId=${t.practiceA}`,
      payload: body,
      headers: { 'content-type': contentType },
    });
  beforeAll(async () => {
    await t.addUser('coder@example.org', [{ practiceId: t.practiceA, role: 'coder' }]);
    coder = await t.login('coder@example.org');
  });

  it('applies a transaction Bundle and answers a transaction-response; the same Bundle again changes nothing', async () => {
    const bundle = sample('pass/office-visit-transaction.json').replaceAll('PAYERID', payer.payerId);
    const res = await fhir(bundle);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ resourceType: 'Bundle', type: 'transaction-response' });
    expect(answer.entry).toHaveLength(10);
    expect(answer.entry[0].response.status).toBe('201 Created');
    const [encounter] = await encountersByExternalIds(t.database.db, t.practiceA, ['V-7001']);
    expect(encounter).toBeDefined();
    const again = await fhir(bundle);
    expect(again.statusCode).toBe(200);
    expect(again.json().entry[0].response.status).toBe('200 OK');

    const chart = await coder.get(`/api/encounters/${encounter!.id}/chart`);
    expect(chart.statusCode).toBe(200);
    expect(chart.json().documents.map((d: { kind: string }) => d.kind)).toEqual([
      'progress-note',
      'lab-result',
    ]);
    expect(chart.json().codes.map((c: { code: string }) => c.code)).toContain('E11.9');
  });

  it('refuses STU3 (400), a declared R5 (400), and a dangling reference (422) with an OperationOutcome', async () => {
    const stu3 = await fhir(sample('fail/stu3-document-reference.json'));
    expect(stu3.statusCode).toBe(400);
    expect(stu3.json().issue[0]).toMatchObject({ severity: 'error', code: 'not-supported' });
    const r5 = await fhir(
      sample('pass/single-document-reference.json'),
      'application/fhir+json; fhirVersion=5.0',
    );
    expect(r5.statusCode).toBe(400);
    const dangling = await fhir(sample('fail/dangling-patient-reference.json'));
    expect(dangling.statusCode).toBe(422);
    expect(dangling.json().issue.map((i: { code: string }) => i.code)).toContain('not-found');
    // A caller that is not a FHIR client gets the problem+json every route answers.
    const plain = await coder.post(`/api/fhir?practiceId=${t.practiceA}`, { hello: 'world' });
    expect(plain.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(plain.json().detail).toContain('CHART_UNREADABLE');
  });

  it('imports an uploaded file with a PDF note, serves the PDF, and adds a typed note', async () => {
    const res = await coder.post('/api/charts/import', {
      practiceId: t.practiceA,
      fileName: 'surgery.json',
      content: sample('pass/collection-pdf-operative-report.json'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'fhir', imported: true });
    const [encounter] = await encountersByExternalIds(t.database.db, t.practiceA, ['V-7002']);
    const chart = (await coder.get(`/api/encounters/${encounter!.id}/chart`)).json();
    const op = chart.documents[0];
    expect(op).toMatchObject({ kind: 'operative-report', hasAttachment: true });
    expect(op.text).toContain('seborrheic keratosis');
    const pdf = await coder.get(`/api/chart-documents/${op.id}/attachment`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const note = await coder.post(`/api/encounters/${encounter!.id}/notes`, {
      title: 'Pathology',
      kind: 'lab-result',
      text: 'Seborrheic keratosis, margins clear.',
    });
    expect(note.statusCode, note.body).toBe(201);
    const truncated = await coder.post('/api/charts/import', {
      practiceId: t.practiceA,
      fileName: 'cut.json',
      content: sample('fail/truncated-bundle.json'),
    });
    expect(truncated.statusCode).toBe(200);
    expect(truncated.json().imported).toBe(false);
    expect(truncated.json().problems[0]).toMatchObject({ code: 'CHART_UNREADABLE', file: 'cut.json' });
  });
});
