import { describe, expect, it } from 'vitest';
import type { ChartContent } from './content.ts';
import { changedFields, checkChart, matchPayer } from './merge.ts';

const payers = [
  { id: 1, payerId: '87726', name: 'UnitedHealthcare' },
  { id: 2, payerId: '00431', name: 'Blue Cross  Blue Shield of Illinois' },
];
const none: ChartContent = {
  format: 'fhir',
  sourceId: 'b1',
  patients: [],
  practitioners: [],
  coverages: [],
  encounters: [],
  documents: [],
  codes: [],
};
const onFile = {
  patientMrns: new Set(['MRN-1']),
  providerNpis: new Set(['1245319599']),
  encounterIds: new Set(['V-1']),
  payers,
};

describe('chart merge rules', () => {
  it('matches a payer by payer id first, then by name whatever its case and spacing', () => {
    const where = {};
    const base = {
      patientMrn: 'MRN-1',
      memberId: 'M',
      relationship: 'self',
      priority: 'primary',
      where,
    } as const;
    expect(matchPayer(payers, { ...base, payerId: '00431', payerName: 'UnitedHealthcare' })?.id).toBe(2);
    expect(matchPayer(payers, { ...base, payerName: 'blue cross blue shield of illinois' })?.id).toBe(2);
    expect(matchPayer(payers, { ...base, payerId: 'X', payerName: 'Aetna' })).toBeUndefined();
  });

  it('changes only the fields the EHR sent and that differ', () => {
    expect(
      changedFields(
        { city: 'Springfield', zip: '62701', phone: null },
        { city: 'Springfield', zip: '62704', phone: undefined },
      ),
    ).toEqual({
      zip: '62704',
    });
    expect(changedFields({ modifiers: ['25'] }, { modifiers: ['25'] })).toEqual({});
  });

  it('resolves references to the message or to records on file, and reports the rest', () => {
    const content: ChartContent = {
      ...none,
      encounters: [
        {
          encounterId: 'V-2',
          patientMrn: 'MRN-1',
          serviceDateFrom: '2026-11-03',
          serviceDateTo: '2026-11-03',
          renderingNpi: '1245319599',
          chartType: 'em-visit',
          where: { resource: 'Encounter/e2' },
        },
        {
          encounterId: 'V-3',
          patientMrn: 'MRN-9',
          serviceDateFrom: '2026-11-03',
          serviceDateTo: '2026-11-03',
          chartType: 'em-visit',
          where: { resource: 'Encounter/e3' },
        },
      ],
      codes: [
        { encounterId: 'V-1', system: 'ICD-10-CM', code: 'R05.1', kind: 'diagnosis', where: {} },
        { encounterId: 'V-2', system: 'CPT', code: '99213', kind: 'procedure', where: {} },
        {
          encounterId: 'V-404',
          system: 'CPT',
          code: '99213',
          kind: 'procedure',
          where: { resource: 'Procedure/p9' },
        },
      ],
    };
    expect(checkChart(content, onFile).map((p) => [p.code, p.resource])).toEqual([
      ['CHART_DANGLING_REFERENCE', 'Encounter/e3'],
      ['CHART_UNKNOWN_PROVIDER', 'Encounter/e3'],
      ['CHART_DANGLING_REFERENCE', 'Procedure/p9'],
    ]);
  });
});
