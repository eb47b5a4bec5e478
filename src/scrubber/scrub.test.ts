import { describe, expect, it } from 'vitest';
import { RULES, type RuleId } from './catalog.ts';
import type { ScrubClaim } from './claim.ts';
import type { ScrubContext } from './context.ts';
import { duplicateKey } from './rules/duplicates.ts';
import { scrubClaim } from './scrub.ts';
import { cleanClaim, cleanInstitutionalClaim, cleanSecondaryClaim, testContext } from './testing.ts';
import { buildMueTable, buildPtpTable } from './ncci/index.ts';
import type { EligibilitySummary } from '../x12/index.ts';

/** The last 271 answer as the claims domain hands it over: only what the rule reads. */
const answered = (checkedOn: string, s: Partial<EligibilitySummary>) => ({
  checkedOn,
  summary: {
    status: 'active',
    statusText: 'active coverage',
    coverage: {},
    rejections: [],
    ...s,
  } as EligibilitySummary,
});

// Small NCCI tables in memory: 20610 bundles 99213 (indicator 1), J3301 allows 10 units a line (MAI 1),
// 20610 twice a day (MAI 2).
const ptp = buildPtpTable('practitioner', [
  {
    column1: '20610',
    column2: '99213',
    inExistencePriorTo1996: false,
    effectiveDate: '2020-01-01',
    deletionDate: undefined,
    modifierIndicator: 1,
    rationale: 'Misuse of column two code with column one code',
  },
]);
const mue = buildMueTable('practitioner', '2026Q4', [
  { code: 'J3301', mueValue: 10, adjudicationIndicator: 1, rationale: 'Nature of Service/Procedure' },
  { code: '20610', mueValue: 2, adjudicationIndicator: 2, rationale: 'Anatomic Consideration' },
]);

type Case = {
  /** The clean claim the change starts from: the professional one unless named. */
  base?: () => ScrubClaim;
  claim?: (c: ScrubClaim) => void;
  context?: Partial<ScrubContext>;
  field?: string;
  lines?: number[];
};

// For every rule: a change to the clean claim (or its context) that trips it.
const TRIPS: Record<RuleId, Case> = {
  'REQ-BILLING': { claim: (c) => delete c.billingProvider.taxId, field: '/billingProvider/taxId' },
  'REQ-TAXONOMY': { claim: (c) => delete c.billingProvider.taxonomy, field: '/billingProvider/taxonomy' },
  'REQ-SUBSCRIBER': { claim: (c) => (c.subscriber.memberId = ''), field: '/subscriber/memberId' },
  'REQ-PATIENT': { claim: (c) => delete c.patient.sex, field: '/patient/sex' },
  'REQ-PAYER': { claim: (c) => delete c.payer.claimFilingIndicator, field: '/payer/claimFilingIndicator' },
  'NPI-CHECK': { claim: (c) => (c.renderingProvider!.npi = '1245319590'), field: '/renderingProvider/npi' },
  'DOS-FUTURE': {
    claim: (c) => (c.lines[2]!.serviceDate = '2026-12-01'),
    field: '/lines/2/serviceDate',
    lines: [3],
  },
  'TIMELY-FILING': { claim: (c) => c.lines.forEach((l) => (l.serviceDate = '2026-07-01')) },
  'TIMELY-FILING-NEAR': { claim: (c) => c.lines.forEach((l) => (l.serviceDate = '2026-09-01')) },
  'DX-INVALID': { claim: (c) => (c.diagnoses[1] = 'J45'), field: '/diagnoses/1' },
  'PROC-INVALID': {
    claim: (c) => (c.lines[2]!.procedureCode = 'J9999'),
    field: '/lines/2/procedureCode',
    lines: [3],
  },
  'DX-EDIT': { claim: (c) => (c.diagnoses[0] = 'F02.80'), field: '/diagnoses/0' },
  'DX-DEMOGRAPHIC': { claim: (c) => (c.diagnoses[1] = 'N40.0'), field: '/diagnoses/1' },
  'CODES-NOT-LOADED': { context: { codes: undefined } },
  'PTR-MISSING': {
    claim: (c) => (c.lines[1]!.diagnosisPointers = []),
    field: '/lines/1/diagnosisPointers',
    lines: [2],
  },
  'PTR-INVALID': {
    claim: (c) => (c.lines[1]!.diagnosisPointers = [3]),
    field: '/lines/1/diagnosisPointers',
    lines: [2],
  },
  'MOD-UNKNOWN': { claim: (c) => (c.lines[1]!.modifiers = ['ZZ']), field: '/lines/1/modifiers', lines: [2] },
  'MOD-REPEATED': {
    claim: (c) => (c.lines[1]!.modifiers = ['RT', 'RT']),
    field: '/lines/1/modifiers',
    lines: [2],
  },
  'MOD-TOO-MANY': {
    claim: (c) => (c.lines[1]!.modifiers = ['RT', 'XS', 'GA', '76', '77']),
    field: '/lines/1/modifiers',
    lines: [2],
  },
  'MOD-ORDER': {
    claim: (c) => (c.lines[1]!.modifiers = ['RT', '50']),
    field: '/lines/1/modifiers',
    lines: [2],
  },
  'UNITS-ZERO': { claim: (c) => (c.lines[0]!.units = 0), field: '/lines/0/units', lines: [1] },
  'CHARGE-ZERO': { claim: (c) => (c.lines[0]!.chargeCents = 0), field: '/lines/0/chargeCents', lines: [1] },
  'CHARGE-FEE': { claim: (c) => (c.lines[2]!.chargeCents = 3000), field: '/lines/2/chargeCents', lines: [3] },
  'POS-INVALID': { claim: (c) => (c.placeOfService = '98'), field: '/placeOfService' },
  'POS-FACILITY': { claim: (c) => (c.placeOfService = '22'), field: '/placeOfService' },
  DUPLICATE: {
    context: { submittedServices: new Set([duplicateKey(cleanClaim(), cleanClaim().lines[1]!)]) },
    field: '/lines/1/procedureCode',
    lines: [2],
  },
  'EM-MODIFIER-25': {
    claim: (c) => (c.lines[0]!.modifiers = []),
    field: '/lines/0/modifiers',
    lines: [1, 2],
  },
  'GLOBAL-PERIOD': {
    context: {
      globalDays: new Map([['29881', 90]]),
      priorProcedures: [{ procedureCode: '29881', serviceDate: '2026-10-01', modifiers: ['RT'] }],
    },
    lines: [2],
  },
  'NCCI-PTP': {
    claim: (c) => {
      c.lines[0]!.modifiers = [];
      c.lines[1]!.modifiers = [];
    },
    context: { ncci: { ptp } },
  },
  'MUE-LINE': {
    claim: (c) => {
      c.lines[2]!.units = 12;
      c.lines[2]!.chargeCents = 9600;
    },
    context: { ncci: { mue } },
    lines: [3],
  },
  'MUE-DAY': {
    claim: (c) =>
      c.lines.push({ ...c.lines[1]!, lineNumber: 4, modifiers: ['LT'], units: 2, chargeCents: 42000 }),
    context: { ncci: { mue } },
  },
  'PAYER-RULE': {
    context: { payerRules: [{ kind: 'prior-auth-required', payerId: '60054', procedureCodes: ['20610'] }] },
    field: '/priorAuthorization',
    lines: [2],
  },
  'NDC-FORMAT': {
    claim: (c) => (c.lines[2]!.ndc = '0003-0293-05'),
    field: '/lines/2/ndc',
    lines: [3],
  },
  'NDC-QUANTITY': { claim: (c) => delete c.lines[2]!.ndcUnit, field: '/lines/2/ndcQuantity', lines: [3] },
  RESUBMISSION: { claim: (c) => (c.frequencyCode = '7'), field: '/payerClaimNumber' },
  'COB-ADJUDICATION': { claim: (c) => (c.payerResponsibility = 'S'), field: '/otherPayers' },
  'COB-BALANCE': {
    base: cleanSecondaryClaim,
    claim: (c) => (c.lines[1]!.adjudications![0]!.paidCents += 100),
    field: '/lines/1/adjudications',
    lines: [2],
  },
  'ELIGIBILITY-INACTIVE': {
    context: {
      eligibility: { last: answered('2026-11-20', { coverage: { ends: '2026-10-31' } }), maxAgeDays: null },
    },
    field: '/subscriber/memberId',
  },
  'ELIGIBILITY-REJECTED': {
    context: {
      eligibility: {
        last: answered('2026-11-20', {
          status: 'rejected',
          rejections: [
            { code: '72', says: 'invalid member ID', todo: 'Correct the member ID.', level: 'member' },
          ],
        }),
        maxAgeDays: null,
      },
    },
  },
  'ELIGIBILITY-NOT-CHECKED': {
    context: { eligibility: { last: answered('2026-09-01', {}), maxAgeDays: 30 } },
  },
  'INST-BILL-TYPE': {
    base: inst,
    claim: (c) => (c.institutional!.billType = '191'),
    field: '/institutional/billType',
  },
  'INST-ADMISSION': {
    base: inst,
    claim: (c) => delete c.institutional!.admissionSource,
    field: '/institutional/admissionSource',
  },
  'INST-STATUS': {
    base: inst,
    claim: (c) => (c.institutional!.patientStatus = '30'),
    field: '/institutional/patientStatus',
  },
  'INST-REVENUE': {
    base: inst,
    claim: (c) => (c.institutional!.billType = '131'),
    field: '/lines/0/revenueCode',
    lines: [1],
  },
  'INST-HCPCS': {
    base: inst,
    claim: (c) => {
      c.institutional!.billType = '131';
      c.lines[0]!.revenueCode = '0450';
    },
    field: '/lines/0/procedureCode',
    lines: [1],
  },
  'INST-ATTENDING': {
    base: inst,
    claim: (c) => delete c.institutional!.attendingProvider,
    field: '/institutional/attendingProvider/npi',
  },
  'INST-POA': {
    base: inst,
    claim: (c) => (c.institutional!.presentOnAdmission = ['Y', '', 'Y']),
    field: '/institutional/presentOnAdmission/1',
  },
  'INST-PROCEDURE': {
    base: inst,
    claim: (c) => (c.institutional!.procedures[0]!.code = '0SRD0ZZ'),
    field: '/institutional/procedures/0',
  },
  'INST-DATES': {
    base: inst,
    claim: (c) => (c.lines[2]!.serviceDate = '2026-11-05'),
    field: '/lines/2/serviceDate',
    lines: [3],
  },
};

function inst() {
  return cleanInstitutionalClaim();
}

function run(c: Case) {
  const claim = (c.base ?? cleanClaim)();
  c.claim?.(claim);
  return scrubClaim(claim, testContext(c.context));
}

describe('scrubber', () => {
  it('passes the clean claim with no findings', () => {
    expect(scrubClaim(cleanClaim(), testContext())).toEqual({ claimId: 'PCN001', findings: [], clean: true });
  });

  it('passes the clean inpatient hospital claim with no findings', () => {
    expect(scrubClaim(cleanInstitutionalClaim(), testContext()).findings).toEqual([]);
  });

  it('has a tripping case for every catalogued rule', () => {
    expect(Object.keys(TRIPS).sort()).toEqual(Object.keys(RULES).sort());
  });

  for (const [code, c] of Object.entries(TRIPS) as [RuleId, Case][]) {
    it(`${code}: trips on the changed claim, naming the field and lines, and passes the clean one`, () => {
      const hits = run(c).findings.filter((f) => f.code === code);
      expect(hits.length, JSON.stringify(run(c).findings)).toBeGreaterThan(0);
      const hit = hits[0]!;
      expect(hit.severity).toBe(RULES[code].severity);
      if (c.field) expect(hit.field).toBe(c.field);
      if (c.lines) expect(hit.lines).toEqual(c.lines);
      expect(hit.message.length).toBeGreaterThan(10);
      const clean = (c.base ?? cleanClaim)();
      expect(scrubClaim(clean, testContext()).findings.some((f) => f.code === code)).toBe(false);
    });
  }

  it('offers a one-click fix only where the fix is certain', () => {
    const order = run(TRIPS['MOD-ORDER']).findings.find((f) => f.code === 'MOD-ORDER')!;
    expect(order.fix).toEqual({ field: '/lines/1/modifiers', value: ['50', 'RT'] });
    const fee = run(TRIPS['CHARGE-FEE']).findings.find((f) => f.code === 'CHARGE-FEE')!;
    expect(fee.fix).toEqual({ field: '/lines/2/chargeCents', value: 3200 });
    expect(run(TRIPS['DX-INVALID']).findings.find((f) => f.code === 'DX-INVALID')!.fix).toBeUndefined();
  });

  it('lets bypass modifiers through: 25 on the visit, 79 inside a global period, XS', () => {
    const global = TRIPS['GLOBAL-PERIOD'].context!;
    const claim = cleanClaim();
    claim.lines.forEach((l) => l.modifiers.push('79'));
    expect(scrubClaim(claim, testContext(global)).findings.filter((f) => f.code === 'GLOBAL-PERIOD')).toEqual(
      [],
    );
  });

  it('does not ask for modifier 25 on a visit with only a blood draw', () => {
    const claim = cleanClaim();
    claim.lines = [
      { ...claim.lines[0]!, modifiers: [] },
      { ...claim.lines[1]!, procedureCode: '36415', modifiers: [], chargeCents: 1500 },
    ];
    expect(scrubClaim(claim, testContext()).findings.some((f) => f.code === 'EM-MODIFIER-25')).toBe(false);
  });

  it('asks for the NDC of a drug code where the payer requires it (payer rule as data)', () => {
    const rules = (procedureCodes: string[]) => ({
      payerRules: [{ kind: 'ndc-required' as const, payerId: '60054', procedureCodes }],
    });
    const noNdc = cleanClaim();
    delete noNdc.lines[2]!.ndc;
    const hits = (claim: ScrubClaim, codes: string[]) =>
      scrubClaim(claim, testContext(rules(codes))).findings.filter((f) => f.code === 'PAYER-RULE');
    // No codes listed: every J code.
    expect(hits(noNdc, [])).toMatchObject([{ field: '/lines/2/ndc', lines: [3] }]);
    expect(hits(noNdc, ['J1100'])).toEqual([]);
    expect(hits(noNdc, ['J3301'])).toHaveLength(1);
    expect(hits(cleanClaim(), [])).toEqual([]);
  });

  it('judges eligibility only where asked: no check and no payer setting is no finding', () => {
    const hits = (eligibility: ScrubContext['eligibility']) =>
      scrubClaim(cleanClaim(), testContext({ eligibility })).findings.filter((f) =>
        f.code.startsWith('ELIGIBILITY'),
      );
    expect(hits({ maxAgeDays: null })).toEqual([]);
    expect(hits({ maxAgeDays: 30 })).toMatchObject([
      { code: 'ELIGIBILITY-NOT-CHECKED', severity: 'warning' },
    ]);
    expect(hits({ last: answered('2026-11-20', {}), maxAgeDays: 30 })).toEqual([]);
    expect(hits({ last: answered('2026-11-20', { status: 'inactive' }), maxAgeDays: null })).toMatchObject([
      { code: 'ELIGIBILITY-INACTIVE', severity: 'error' },
    ]);
  });

  it('counts an error as blocking and a warning as not', () => {
    expect(run(TRIPS['REQ-TAXONOMY']).clean).toBe(true);
    expect(run(TRIPS['REQ-BILLING']).clean).toBe(false);
  });
});
