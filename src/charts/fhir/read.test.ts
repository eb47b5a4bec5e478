import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFhirChart } from './read.ts';

const dir = new URL('./samples/', import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const errors = <P extends { severity: string }>(problems: P[]) =>
  problems.filter((p) => p.severity === 'error');

// Each failing sample and the problem it must give (a new sample needs a line here).
const FAIL: Record<string, string> = {
  'dangling-patient-reference.json': 'CHART_DANGLING_REFERENCE',
  'invalid-birth-date.json': 'CHART_FHIR_INVALID',
  'not-fhir.json': 'CHART_UNREADABLE',
  'r5-encounter-class-list.json': 'CHART_FHIR_VERSION',
  'stu3-document-reference.json': 'CHART_FHIR_VERSION',
  'truncated-bundle.json': 'CHART_UNREADABLE',
};

describe('FHIR R4 chart reader', () => {
  for (const file of readdirSync(new URL('pass/', dir)))
    it(`reads pass/${file} with no errors`, async () => {
      const read = await readFhirChart(sample(`pass/${file}`), { sourceName: file });
      expect(errors(read.problems)).toEqual([]);
    }, 30_000);

  for (const file of readdirSync(new URL('fail/', dir)))
    it(`refuses fail/${file} with ${FAIL[file]}`, async () => {
      const read = await readFhirChart(sample(`fail/${file}`), { sourceName: file });
      expect(errors(read.problems).map((p) => p.code)).toContain(FAIL[file]);
    }, 30_000);

  it('maps a transaction bundle: MRN, NPI, coverage, visit, codes, the note decoded', async () => {
    const { content, bundleType, entries } = await readFhirChart(
      sample('pass/office-visit-transaction.json'),
    );
    expect(bundleType).toBe('transaction');
    expect(entries).toHaveLength(10);
    expect(content.sourceId).toBe('office-visit-1');
    expect(content.patients).toMatchObject([
      {
        mrn: 'EHR-3001',
        lastName: 'Nakamura',
        firstName: 'Kenji',
        middleName: 'T',
        sex: 'M',
        phone: '2175550143',
      },
    ]);
    expect(content.practitioners).toMatchObject([{ npi: '1245319599', lastName: 'Okafor' }]);
    expect(content.coverages).toMatchObject([
      {
        patientMrn: 'EHR-3001',
        payerId: 'PAYERID',
        memberId: 'W123456789',
        groupNumber: 'GRP-55',
        priority: 'primary',
      },
    ]);
    expect(content.encounters).toMatchObject([
      {
        encounterId: 'V-7001',
        patientMrn: 'EHR-3001',
        serviceDateFrom: '2026-11-03',
        placeOfService: '11',
        renderingNpi: '1245319599',
        chartType: 'em-visit',
      },
    ]);
    expect(content.codes.map((c) => [c.system, c.code, c.kind])).toEqual([
      ['ICD-10-CM', 'E11.9', 'diagnosis'],
      ['CPT', '99214', 'procedure'],
      ['LOINC', '4548-4', 'observation'],
      ['LOINC', '4548-4', 'observation'],
    ]);
    expect(content.codes[2]!.value).toBe('7.4 %');
    expect(content.documents.map((d) => [d.kind, d.title, d.authorNpi])).toEqual([
      ['progress-note', 'Office visit progress note', '1245319599'],
      ['lab-result', 'Hemoglobin A1c', undefined],
    ]);
    expect(content.documents[0]!.text).toContain('Denies chest pain.');
  }, 30_000);

  it('reads a PDF operative report: text extracted, the PDF kept, the surgeon by logical reference', async () => {
    const { content } = await readFhirChart(sample('pass/collection-pdf-operative-report.json'));
    expect(content.encounters[0]).toMatchObject({
      encounterId: 'V-7002',
      patientMrn: 'EHR-3002',
      chartType: 'surgery',
    });
    expect(content.encounters[0]!.renderingNpi).toBe('1245319599');
    const [doc] = content.documents;
    expect(doc).toMatchObject({ kind: 'operative-report', encounterId: 'V-7002' });
    expect(doc!.text).toContain('seborrheic keratosis');
    expect(doc!.attachment?.contentType).toBe('application/pdf');
  }, 30_000);

  it('a single resource pointing outside the message passes the id on for the merge to look up', async () => {
    const { content, problems } = await readFhirChart(sample('pass/single-document-reference.json'));
    expect(problems).toEqual([]);
    expect(content.documents[0]).toMatchObject({ encounterId: 'V-7002', authorNpi: '1245319599' });
    expect(content.documents[0]!.text).toBe(
      'Addendum: lesion margins clear.\nPathology: seborrheic keratosis & no atypia.',
    );
  }, 30_000);

  it('names where an invalid field is, and the version a refused resource is in', async () => {
    const bad = await readFhirChart(sample('fail/invalid-birth-date.json'));
    expect(errors(bad.problems)[0]).toMatchObject({
      field: 'Patient.birthDate',
      resource: 'Bundle.entry[0]',
    });
    const stu3 = await readFhirChart(sample('fail/stu3-document-reference.json'));
    expect(stu3.problems[0]!.message).toMatch(/FHIR STU3 .*DocumentReference\.indexed/);
    const declared = await readFhirChart(sample('pass/single-document-reference.json'), {
      fhirVersion: '5.0',
    });
    expect(declared.problems.map((p) => p.code)).toEqual(['CHART_FHIR_VERSION']);
  }, 30_000);
});
