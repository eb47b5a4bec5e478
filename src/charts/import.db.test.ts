import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { encountersByExternalIds } from '../encounters/index.ts';
import { patientsByAccountNumbers } from '../patients/index.ts';
import { payersOfPractice } from '../payers/index.ts';
import { startTestApp } from '../server/testing.ts';
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

describe('importChartContent', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let payer: { payerId: string; name: string };
  beforeAll(async () => {
    t = await startTestApp();
    payer = (await payersOfPractice(t.database.db, t.practiceA))[0]!;
  });
  afterAll(() => t.close());

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
