import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hl7ToChartContent } from './map.ts';
import { readHl7 } from './read.ts';

const dir = new URL('./samples/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const chartOf = (name: string) => hl7ToChartContent(readHl7(sample(name)));
const isError = (p: { severity: string }) => p.severity === 'error' || p.severity === 'fatal';

/** What each failing sample must be refused for (a new fail/ sample needs its line here). */
const FAILS: Record<string, { code: string; element?: string }> = {
  'invalid-birth-date.hl7': { code: 'HL7_FIELD_INVALID', element: 'PID-7' },
  'mdm-ed-not-base64.hl7': { code: 'HL7_VALUE_UNKNOWN', element: 'OBX-5.4' },
  'missing-mrn.hl7': { code: 'HL7_FIELD_MISSING', element: 'PID-3.1' },
  'no-msh.hl7': { code: 'HL7_UNREADABLE' },
  'truncated-no-pv1.hl7': { code: 'HL7_SEGMENT_MISSING' },
  'unsupported-siu.hl7': { code: 'HL7_MESSAGE_UNSUPPORTED', element: 'MSH-9' },
  'version-2-1.hl7': { code: 'HL7_VERSION_UNSUPPORTED', element: 'MSH-12' },
};

describe('HL7 v2 samples', () => {
  for (const name of readdirSync(new URL('pass/', dir))) {
    it(`reads pass/${name} into chart content`, () => {
      const { content, problems } = chartOf(`pass/${name}`);
      expect(problems.filter(isError)).toEqual([]);
      expect(content?.patients).toHaveLength(1);
      expect(content?.encounters).toHaveLength(1);
    });
  }
  for (const name of readdirSync(new URL('fail/', dir))) {
    it(`refuses fail/${name}`, () => {
      const expected = FAILS[name];
      expect(expected, `add fail/${name} to FAILS`).toBeDefined();
      const { content, problems } = chartOf(`fail/${name}`);
      expect(content).toBeUndefined();
      expect(problems.find(isError)).toMatchObject(expected!);
    });
  }
});

describe('HL7 v2 message types', () => {
  it('ADT A04: patient by PID-3 MR, visit by PV1-19, attending NPI, coverage from IN1', () => {
    const { content } = chartOf('pass/adt-a04-registration.hl7');
    expect(content!.patients[0]).toMatchObject({
      mrn: 'MRN1001',
      lastName: 'Rivera',
      dateOfBirth: '1980-04-12',
      sex: 'F',
      zip: '62701',
    });
    expect(content!.encounters[0]).toMatchObject({
      encounterId: 'V5001',
      serviceDateFrom: '2026-03-01',
      renderingNpi: '1234567893',
      chartType: 'em-visit',
    });
    expect(content!.coverages[0]).toMatchObject({
      payerId: 'BCBSIL',
      memberId: 'XYZ123456',
      groupNumber: 'GRP100',
      priority: 'primary',
      relationship: 'self',
    });
    expect(content!.practitioners).toEqual([
      expect.objectContaining({ npi: '1234567893', lastName: 'Smith' }),
    ]);
  });
  it('ADT A01 (2.3, CRLF): an inpatient stay with its discharge date and DG1 diagnosis', () => {
    const { content } = chartOf('pass/adt-a01-admission-crlf.hl7');
    expect(content!.encounters[0]).toMatchObject({
      chartType: 'inpatient',
      placeOfService: '21',
      serviceDateTo: '2026-03-05',
    });
    expect(content!.codes).toEqual([
      expect.objectContaining({ system: 'ICD-10-CM', code: 'K80.20', kind: 'diagnosis' }),
    ]);
  });
  it('ADT A08 with a BOM and LF endings updates the same patient', () => {
    const { content } = chartOf('pass/adt-a08-update-bom-lf.hl7');
    expect(content!.patients[0]).toMatchObject({
      mrn: 'MRN1001',
      middleName: 'Lucia',
      address1: '44 Elm Ave',
    });
  });
  it('DFT P03: FT1-25 charges with units and modifiers, FT1-19 diagnoses', () => {
    const { content } = chartOf('pass/dft-p03-charges.hl7');
    const charges = content!.codes.filter((c) => c.kind === 'charge');
    expect(charges.map((c) => [c.system, c.code, c.units, c.modifiers])).toEqual([
      ['CPT', '99214', 1, ['25']],
      ['CPT', '83036', 1, undefined],
    ]);
    const dx = content!.codes.filter((c) => c.kind === 'diagnosis').map((c) => c.code);
    expect(dx).toEqual(['E11.9', 'I10', 'E11.9']);
  });
  it('MDM T02: the note text from OBX TX lines with escapes read', () => {
    const { content } = chartOf('pass/mdm-t02-progress-note.hl7');
    const [doc] = content!.documents;
    expect(doc).toMatchObject({
      kind: 'progress-note',
      encounterId: 'V5001',
      authorNpi: '1234567893',
      where: { resource: 'TXA-12/DOC-77' },
    });
    expect(doc!.text).toContain('diabetes & hypertension.\nPatient denies chest pain. A1c 8.2^ up');
    expect(doc!.text).toContain('hypertension | stable');
  });
  it('MDM T02: an OBX ED base64 PDF becomes the attachment, bytes intact', () => {
    const { content } = chartOf('pass/mdm-t02-operative-report-pdf.hl7');
    const [doc] = content!.documents;
    expect(doc!.kind).toBe('operative-report');
    expect(doc!.attachment!.contentType).toBe('application/pdf');
    expect(Buffer.from(doc!.attachment!.data).toString('latin1')).toMatch(/^%PDF-1\.\d/);
    expect(content!.encounters[0]!.chartType).toBe('inpatient');
  });
  it('MDM T02 with custom delimiters (MSH-1 #, MSH-2 *@%$)', () => {
    const { content } = chartOf('pass/mdm-t02-custom-delimiters.hl7');
    expect(content!.patients[0]!.mrn).toBe('MRN1001');
    expect(content!.documents[0]!.text).toBe(
      'Addendum: BP 142/88 # recheck\nPatient denies fever \\ chills.',
    );
  });
  it('ORU R01: results as a lab document and LOINC observations', () => {
    const { content } = chartOf('pass/oru-r01-results.hl7');
    expect(content!.documents[0]).toMatchObject({ kind: 'lab-result', title: 'Hemoglobin A1c panel' });
    expect(content!.documents[0]!.text).toContain('8.2 % (ref 4.0-5.6) H');
    expect(content!.codes.map((c) => [c.system, c.code, c.kind])).toEqual([
      ['LOINC', '4548-4', 'observation'],
      ['LOINC', '2345-7', 'observation'],
    ]);
  });
  it('reads the same message identically whatever its segment endings', () => {
    const cr = sample('pass/dft-p03-charges.hl7');
    const chart = (text: string) => JSON.stringify(hl7ToChartContent(readHl7(text)).content);
    expect(chart(cr.replace(/\r/g, '\n'))).toBe(chart(cr));
    expect(chart(`\uFEFF${cr.replace(/\r/g, '\r\n')}`)).toBe(chart(cr));
    expect(chart(`\x0b${cr}\x1c\r`)).toBe(chart(cr));
  });
  it('a message cut short mid-segment is refused, not half-read', () => {
    const text = sample('pass/dft-p03-charges.hl7');
    const { content, problems } = hl7ToChartContent(readHl7(text.slice(0, text.indexOf('FT1'))));
    expect(content).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'HL7_SEGMENT_MISSING', segmentId: 'FT1' });
  });
});
