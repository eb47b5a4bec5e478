import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fillAppealLetter,
  PLACEHOLDERS,
  unknownPlaceholders,
  type AppealLetterInput,
} from './appeal-letter.ts';
import { APPEAL_PROBLEMS } from './appeal-problems.ts';
import { BUILT_IN_TEMPLATES } from './appeal-template-texts.ts';

const input: AppealLetterInput = {
  today: '2026-12-03',
  level: 1,
  practice: {
    name: 'Riverside Family Medicine',
    address1: '12 Main St',
    city: 'Springfield',
    state: 'IL',
    zip: '62701',
    phone: '2175550100',
    npi: '1234567893',
    tin: '371234567',
  },
  provider: { name: 'Ana Lopez, MD', npi: '1245319599' },
  payer: { name: 'Prairie Health Plan', address1: 'PO Box 100', city: 'Chicago', state: 'IL', zip: '60601' },
  patient: { name: 'Jordan Smith', dateOfBirth: '1980-04-09', memberId: 'PHP778812' },
  claim: {
    patientControlNumber: 'RFM-1001',
    payerClaimNumber: 'ICN-55501',
    priorAuthorization: null,
    diagnoses: ['M54.50', 'M25.561'],
    totalChargeCents: 32500,
    lines: [
      {
        lineNumber: 1,
        serviceDate: '2026-10-02',
        procedureCode: '99214',
        modifiers: ['25'],
        units: '1',
        chargeCents: 17500,
      },
      {
        lineNumber: 2,
        serviceDate: '2026-10-03',
        procedureCode: '20610',
        modifiers: ['59', 'RT'],
        units: '2',
        chargeCents: 15000,
      },
    ],
  },
  denial: {
    groupCode: 'CO',
    reasonCode: '97',
    reasonText: 'The benefit for this service is included in the payment for another service.',
    remarks: [
      { code: 'M15', text: 'Separately billed services have been bundled.' },
      { code: 'N999', text: null },
    ],
    explanation: 'Bundled into another service the same day.',
    amountCents: 15000,
    remittanceDate: '2026-11-20',
  },
  documents: ['Progress note 10/02/2026', 'Operative report'],
};

describe('the appeal letter filler', () => {
  it('fills the claim, patient, provider, payer, denial and documents', () => {
    const body =
      '{{today}} {{payer.name}}\nRE: {{ patient.name }} DOB {{patient.dob}} ID {{patient.memberId}} claim {{claim.payerClaimNumber}} ({{claim.patientControlNumber}}) DOS {{claim.datesOfService}}\n{{claim.lines}}\n{{denial.code}} {{denial.reason}} {{denial.amount}}\n{{denial.remarks}}\n{{documents}}\n{{appeal.level}} {{provider.name}} {{practice.address}}';
    const { letter, problems } = fillAppealLetter(body, input);
    expect(problems).toEqual([]);
    expect(letter).toBe(
      [
        '12/03/2026 Prairie Health Plan',
        'RE: Jordan Smith DOB 04/09/1980 ID PHP778812 claim ICN-55501 (RFM-1001) DOS 10/02/2026 to 10/03/2026',
        '10/02/2026  99214-25  1 unit  $175.00',
        '10/03/2026  20610-59-RT  2 units  $150.00',
        'CO-97 The benefit for this service is included in the payment for another service. $150.00',
        'M15: Separately billed services have been bundled.',
        'N999',
        '- Progress note 10/02/2026',
        '- Operative report',
        'first-level Ana Lopez, MD 12 Main St',
        'Springfield, IL 62701',
      ].join('\n'),
    );
  });

  it('reports an unknown placeholder instead of printing it blank', () => {
    const { letter, problems } = fillAppealLetter(
      'Dear {{payer.name}}, re {{patient.ssn}} and {{claim.icn}}',
      input,
    );
    expect(problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ['APPEAL_PLACEHOLDER_UNKNOWN', 'error', 'patient.ssn'],
      ['APPEAL_PLACEHOLDER_UNKNOWN', 'error', 'claim.icn'],
    ]);
    expect(letter).toContain('{{patient.ssn}}');
    expect(unknownPlaceholders('{{today}} {{nope}}').map((p) => p.message)).toEqual([
      '{{nope}} is not an appeal placeholder',
    ]);
  });

  it('marks a value not on file in the letter and warns', () => {
    const { letter, problems } = fillAppealLetter(
      'Claim {{claim.payerClaimNumber}}, auth {{claim.priorAuthorization}}',
      {
        ...input,
        claim: { ...input.claim, payerClaimNumber: null },
      },
    );
    expect(letter).toBe(
      "Claim [not on file: the payer's claim number (CLP07 of the 835)], auth [not on file: the prior authorization number on the claim]",
    );
    expect(problems.map((p) => [p.code, p.severity, p.field])).toEqual([
      ['APPEAL_VALUE_MISSING', 'warning', 'claim.payerClaimNumber'],
      ['APPEAL_VALUE_MISSING', 'warning', 'claim.priorAuthorization'],
    ]);
  });

  it('says second-level on a level 2 appeal and "none" for a denial without remarks', () => {
    const { letter } = fillAppealLetter('{{appeal.level}} / {{denial.remarks}}', {
      ...input,
      level: 2,
      denial: { ...input.denial!, remarks: [] },
    });
    expect(letter).toBe('second-level / none');
  });

  it('has built-in templates that use known placeholders only, a general one and one per argued category', () => {
    for (const t of BUILT_IN_TEMPLATES) expect(unknownPlaceholders(t.body), t.name).toEqual([]);
    expect(BUILT_IN_TEMPLATES.map((t) => t.category)).toEqual(
      expect.arrayContaining([
        null,
        'timely-filing',
        'medical-necessity',
        'bundling',
        'authorization',
        'coding',
        'eligibility',
        'coordination-of-benefits',
        'duplicate',
        'non-covered',
      ]),
    );
    expect(BUILT_IN_TEMPLATES.find((t) => t.category === 'bundling')!.body).toMatch(/modifier 59 \(or XU/i);
    expect(Object.keys(PLACEHOLDERS)).toContain('documents');
  });

  it('documents every appeal problem code in docs/problems.md', () => {
    const doc = readFileSync(new URL('../../docs/problems.md', import.meta.url), 'utf8');
    expect(Object.keys(APPEAL_PROBLEMS).filter((c) => !doc.includes(`| \`${c}\` |`))).toEqual([]);
  });
});
