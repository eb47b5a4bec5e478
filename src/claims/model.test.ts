import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NDC_UNITS } from '../encounters/service-line.ts';
import { scrubClaimFrom837 } from '../scrubber/from-837.ts';
import { scrubClaim } from '../scrubber/scrub.ts';
import { testContext } from '../scrubber/testing.ts';
import { MemoryControlNumbers, parse837, write837 } from '../x12/index.ts';
import { cms1500InputOf } from './cms1500/from-claim.ts';
import { claimModelOf, claimPrintDetailsOf } from './model.ts';
import type { PriorAdjudication } from './cob.ts';
import type { ClaimParties } from './parties.ts';
import type { claim, claimLine } from './tables.ts';

type ClaimRow = typeof claim.$inferSelect;
type LineRow = typeof claimLine.$inferSelect;

// What is scrubbed is what is sent: for generated stored claims (professional and institutional),
// the scrubber's view of the claim's 837 model equals its view of that model written as an 837
// and read back with our reader, and so do the findings.
const GUIDES = { professional: '005010X222A1', institutional: '005010X223A2' } as const;
const NPIS = ['1234567893', '1245319599', '1123456703'];
const name = fc.stringMatching(/^[A-Z][A-Z]{1,11}$/);
const day = fc
  .integer({ min: 0, max: 700 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const address = fc.record({
  address1: fc.stringMatching(/^[1-9]\d{0,3} [A-Z][A-Z]{2,8} ST$/),
  address2: fc.constantFrom(null, 'STE 2'),
  city: name,
  state: fc.constantFrom('IL', 'NY', 'TX'),
  zip: fc.stringMatching(/^\d{5}(\d{4})?$/),
});
const person = fc.record({
  lastName: name,
  firstName: name,
  npi: fc.constantFrom(...NPIS),
  taxonomy: fc.constantFrom(null, '207Q00000X'),
});
const drug = fc.option(
  fc.record({
    ndc: fc.stringMatching(/^\d{11}$/),
    ndcQuantity: fc.constantFrom('1.000', '2.500', '10.000'),
    ndcUnit: fc.constantFrom(...NDC_UNITS),
  }),
);

function lines(institutional: boolean, diagnoses: number) {
  return fc.array(
    fc.record({
      procedureCode: fc.constantFrom('99213', '20610', 'J3301', '36415', ...(institutional ? [''] : [])),
      modifiers: fc.uniqueArray(fc.constantFrom('25', 'RT', 'LT', '59'), { maxLength: 2 }),
      units: fc.constantFrom('1.000', '2.000', '1.500', '12.000'),
      chargeCents: fc.integer({ min: 1, max: 5_000_000 }),
      diagnosisPointers: institutional
        ? fc.constant<number[]>([])
        : fc
            .uniqueArray(fc.integer({ min: 1, max: diagnoses }), { minLength: 1, maxLength: 4 })
            .map((p) => [...p]),
      serviceDate: day,
      revenueCode: institutional ? fc.constantFrom('0120', '0300', '0450', '0636') : fc.constant(null),
      drug,
    }),
    { minLength: 1, maxLength: 6 },
  );
}

const institutionalData = (diagnoses: number) =>
  fc.record({
    billType: fc.constantFrom('111', '131', '141'),
    admissionDate: day,
    admissionHour: fc.constantFrom('07', '13'),
    admissionType: fc.constantFrom('1', '3'),
    admissionSource: fc.constantFrom('1', '2'),
    patientStatus: fc.constantFrom('01', '03'),
    admittingDiagnosis: fc.constantFrom('M17.11', 'R07.9'),
    presentOnAdmission: fc.array(fc.constantFrom('Y', 'N', 'U', 'W'), {
      minLength: diagnoses,
      maxLength: diagnoses,
    }),
    procedures: fc.array(fc.record({ code: fc.constantFrom('0SRD0ZZ', '0SRC0J9'), date: day }), {
      maxLength: 2,
    }),
    occurrenceSpans: fc.array(fc.record({ code: fc.constant('74'), from: day, to: day }), { maxLength: 1 }),
  });

/** The primary's adjudication: 60% paid, 10% coinsurance, the rest contractual; per line or per claim. */
function priorAdjudication(lines: LineRow[], claimLevel: boolean): PriorAdjudication {
  const split = (charge: number) => {
    const paid = Math.floor(charge * 0.6);
    const patient = Math.floor(charge * 0.1);
    return { paid, patient, contractual: charge - paid - patient };
  };
  const adjustments = (s: ReturnType<typeof split>) => [
    ...(s.contractual ? [{ group: 'CO', reason: '45', amountCents: s.contractual }] : []),
    ...(s.patient ? [{ group: 'PR', reason: '2', amountCents: s.patient }] : []),
  ];
  const perLine = lines.map((l) => ({ line: l, ...split(l.chargeCents) }));
  const total = (k: 'paid' | 'patient' | 'contractual') => perLine.reduce((s, l) => s + l[k], 0);
  return {
    claimId: 9,
    coverageId: 7,
    payerResponsibility: 'P',
    adjudicationDate: '2026-11-20',
    paidCents: total('paid'),
    adjustments: claimLevel
      ? adjustments({ paid: 0, patient: total('patient'), contractual: total('contractual') })
      : [],
    patientResponsibilityCents: total('patient'),
    lines: claimLevel
      ? []
      : perLine.map(({ line: l, ...s }) => ({
          lineNumber: l.lineNumber,
          ...(l.procedureCode
            ? { procedure: { qualifier: 'HC', code: l.procedureCode, modifiers: l.modifiers } }
            : {}),
          ...(l.revenueCode ? { revenueCode: l.revenueCode } : {}),
          paidCents: s.paid,
          units: '1',
          adjustments: adjustments(s),
          remainingPatientLiabilityCents: s.patient,
        })),
  };
}

/** A stored claim with the rows it points at, as loadClaimParties reads them. */
const storedClaim = fc
  .record({
    institutional: fc.boolean(),
    diagnoses: fc.uniqueArray(fc.constantFrom('M17.11', 'I10', 'E11.9', 'J45909', 'Z00.00', 'S72.001A'), {
      minLength: 1,
      maxLength: 6,
    }),
  })
  .chain(({ institutional, diagnoses }) =>
    fc.record({
      institutional: institutional ? institutionalData(diagnoses.length) : fc.constant(null),
      diagnoses: fc.constant(diagnoses),
      lines: lines(institutional, diagnoses.length),
      relationship: fc.constantFrom('18', '19', '01'),
      patient: fc.record({
        lastName: name,
        firstName: name,
        dateOfBirth: day,
        sex: fc.constantFrom('M', 'F'),
      }),
      patientAddress: address,
      practiceAddress: address,
      payerAddress: fc.option(address, { nil: undefined }),
      rendering: person,
      referring: fc.option(person),
      frequencyCode: fc.constantFrom('1', '7'),
      priorAuthorization: fc.option(fc.stringMatching(/^[A-Z0-9]{4,12}$/)),
      groupNumber: fc.option(fc.stringMatching(/^[A-Z0-9]{3,10}$/)),
      statement: fc.tuple(day, day),
      // A claim to the secondary payer carries the primary's adjudication (loops 2320/2430).
      cob: fc.constantFrom('none', 'lines', 'claim'),
    }),
  )
  .map((g) => {
    const type = g.institutional ? 'institutional' : 'professional';
    const row = {
      id: 1,
      type,
      payerResponsibility: 'P',
      patientControlNumber: 'E1P',
      frequencyCode: g.frequencyCode,
      payerClaimNumber: g.frequencyCode === '7' ? 'ICN123' : null,
      placeOfService: '11',
      priorAuthorization: g.priorAuthorization,
      diagnoses: g.diagnoses,
      institutional: g.institutional,
      totalChargeCents: g.lines.reduce((s, l) => s + l.chargeCents, 0),
    } as unknown as ClaimRow;
    const stored: LineRow[] = g.lines.map(({ drug: d, ...l }, i) => ({
      ...l,
      id: i + 1,
      claimId: 1,
      lineNumber: i + 1,
      serviceLineId: null,
      placeOfService: null,
      ndc: d?.ndc ?? null,
      ndcQuantity: d?.ndcQuantity ?? null,
      ndcUnit: d?.ndcUnit ?? null,
    }));
    if (g.cob !== 'none') {
      row.payerResponsibility = 'S';
      row.cob = { priorPayers: [priorAdjudication(stored, g.cob === 'claim')] };
    }
    const [from, to] = g.statement.sort();
    const parties = {
      practice: {
        name: 'RIVERSIDE CLINIC',
        npi: '1234567893',
        tin: '12-3456789',
        taxonomy: '207Q00000X',
        ...g.practiceAddress,
      },
      payer: {
        name: 'AETNA',
        payerId: '60054',
        claimFilingIndicator: 'CI',
        timelyFilingDays: 90,
        ...g.payerAddress,
      },
      coverage: {
        relationship: g.relationship,
        subscriberLastName: g.relationship === '18' ? g.patient.lastName : 'HOLDER',
        subscriberFirstName: g.relationship === '18' ? g.patient.firstName : 'PAT',
        subscriberDateOfBirth: g.relationship === '18' ? null : '1970-01-01',
        subscriberSex: g.relationship === '18' ? null : 'F',
        memberId: 'W123456789',
        groupNumber: g.groupNumber,
      },
      patient: { ...g.patient, ...g.patientAddress },
      rendering: g.rendering,
      referring: g.referring ?? undefined,
      operating: undefined,
      facility: undefined,
      statement: { from: from!, to: to! },
      priorPayers: [
        {
          coverage: {
            relationship: '18',
            subscriberLastName: g.patient.lastName,
            subscriberFirstName: g.patient.firstName,
            memberId: '1EG4TE5MK73',
            groupNumber: null,
          },
          payer: { name: 'MEDICARE', payerId: '00952', claimFilingIndicator: 'MB' },
        },
      ],
    } as unknown as ClaimParties;
    return { type: type as 'professional' | 'institutional', row, lines: stored, parties };
  });

describe('the claim model', () => {
  it('is scrubbed as it is sent: its view equals the view of its written and re-read 837', async () => {
    await fc.assert(
      fc.asyncProperty(storedClaim, async ({ type, row, lines, parties }) => {
        const model = claimModelOf(row, lines, parties);
        const view = scrubClaimFrom837(model, type);
        const file = await write837(
          [
            {
              guide: GUIDES[type],
              submitter: { name: 'CLEANCLAIM', id: 'SUB1', contactName: 'BILLING', phone: '2175550123' },
              receiver: { name: 'CLEARINGHOUSE', id: 'RCV1' },
              claims: [model],
            },
          ],
          {
            numbers: new MemoryControlNumbers(),
            senderId: 'SUB1',
            receiverId: 'RCV1',
            usage: 'T',
            date: '20261125',
            time: '1200',
          },
        );
        const read = parse837(file);
        expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const again = scrubClaimFrom837(read.claims[0]!, type);
        expect(again).toEqual(view);
        expect(scrubClaim(again, testContext())).toEqual(scrubClaim(view, testContext()));
        // A secondary claim balances and carries the primary's adjudication: no COB finding.
        expect(scrubClaim(view, testContext()).findings.filter((f) => f.code.startsWith('COB'))).toEqual([]);
        if (row.cob) expect(view.otherPayers?.[0]?.paidCents).toBe(row.cob.priorPayers[0]!.paidCents);
        // The drug lines reach loop 2410.
        expect(view.lines.map((l) => l.ndc ?? null)).toEqual(lines.map((l) => l.ndc));
        // What is printed is what is sent: the CMS-1500 reads the model alone (the payer's address
        // is 2010BB N3/N4), so the 837 read back prints the same form.
        expect(read.claims[0]!.payer.address).toEqual(model.payer.address);
        if (type === 'professional') {
          const print = claimPrintDetailsOf(parties);
          expect(cms1500InputOf({ model: read.claims[0]!, print }, '2026-11-25')).toEqual(
            cms1500InputOf({ model, print }, '2026-11-25'),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
