import { describe, expect, it } from 'vitest';
import { cms1500Fields } from './fields.ts';
import { HEADER_FIELDS, SERVICE_LINE_FIELDS } from './layout.ts';
import { eightLineClaim, SAMPLE_CLAIM } from './sample-claim.ts';
import type { Cms1500Input } from './types.ts';

const withPayer = (claimFilingIndicator: string): Cms1500Input => ({
  ...SAMPLE_CLAIM,
  payer: { ...SAMPLE_CLAIM.payer, claimFilingIndicator },
});

describe('cms1500Fields: a claim with 2 diagnoses and 3 service lines', () => {
  const { pages, problems } = cms1500Fields(SAMPLE_CLAIM);
  const [page] = pages;
  const h = page!.header;

  it('fits on one page', () => {
    expect(pages).toHaveLength(1);
    expect(h.page).toBeUndefined();
    expect(page!.serviceLines).toHaveLength(3);
  });

  it('fills the carrier block and items 1-7', () => {
    expect(h['carrier.name']).toBe('BLUE CROSS BLUE SHIELD OF ILLINOIS');
    expect(h['carrier.street']).toBe('PO BOX 805107');
    expect(h['carrier.cityStateZip']).toBe('CHICAGO IL 606805107');
    expect(h['1.groupHealthPlan']).toBe('X');
    expect(h['1.medicare']).toBeUndefined();
    expect(h['1a']).toBe('XOF123456789');
    expect(h['2']).toBe('DOE, JANE Q');
    expect([h['3.mm'], h['3.dd'], h['3.yyyy'], h['3.sexF'], h['3.sexM']]).toEqual([
      '03',
      '07',
      '1985',
      'X',
      undefined,
    ]);
    expect(h['4']).toBe('DOE, JOHN R');
    expect(h['5.street']).toBe('12 ELM ST APT 4');
    expect([h['5.city'], h['5.state'], h['5.zip'], h['5.phoneArea'], h['5.phone']]).toEqual([
      'SPRINGFIELD',
      'IL',
      '62704',
      '217',
      '5550123',
    ]);
    expect(h['6.spouse']).toBe('X');
    expect(h['6.self']).toBeUndefined();
    expect([h['7.street'], h['7.city'], h['7.state'], h['7.zip']]).toEqual([
      '12 ELM ST APT 4',
      'SPRINGFIELD',
      'IL',
      '62704',
    ]);
  });

  it('fills items 11-13 and 17', () => {
    expect(h['11']).toBe('GRP-7781');
    expect([h['11a.mm'], h['11a.dd'], h['11a.yyyy'], h['11a.sexM']]).toEqual(['11', '21', '1983', 'X']);
    expect(h['11c']).toBe('BLUE CHOICE PPO');
    expect(h['12']).toBe('SIGNATURE ON FILE');
    expect(h['13']).toBe('SIGNATURE ON FILE');
    expect(h['17.qualifier']).toBe('DN');
    expect(h['17.name']).toBe('MARY A JONES MD');
    expect(h['17b']).toBe('1679576722');
  });

  it('fills items 21-23: ICD indicator 0 and diagnoses with the dot', () => {
    expect(h['21.indicator']).toBe('0');
    expect(h['21.A']).toBe('E11.9');
    expect(h['21.B']).toBe('I10');
    expect(h['21.C']).toBeUndefined();
    expect(h['22.code']).toBeUndefined();
    expect(h['23']).toBe('PA998877');
  });

  it('fills item 24 for each service line', () => {
    expect(page!.serviceLines[0]).toEqual({
      '24A.fromMm': '11',
      '24A.fromDd': '20',
      '24A.fromYy': '26',
      '24A.toMm': '11',
      '24A.toDd': '20',
      '24A.toYy': '26',
      '24B': '11',
      '24D.code': '99214',
      '24D.mod1': '25',
      '24E': 'AB',
      '24F.dollars': '150',
      '24F.cents': '00',
      '24G': '1',
      '24J': '1245319599',
    });
    expect(page!.serviceLines[1]).toMatchObject({ '24E': 'B', '24F.dollars': '45', '24F.cents': '50' });
    expect(page!.serviceLines[1]!['24D.mod1']).toBeUndefined();
    expect(page!.serviceLines[2]).toMatchObject({
      '24D.code': '20610',
      '24D.mod1': 'RT',
      '24D.mod2': '59',
      '24E': 'A',
      '24F.dollars': '210',
      '24F.cents': '99',
      '24G': '2',
    });
  });

  it('fills items 25-33', () => {
    expect(h['25']).toBe('371234567');
    expect(h['25.ein']).toBe('X');
    expect(h['25.ssn']).toBeUndefined();
    expect(h['26']).toBe('E1042P');
    expect(h['27.yes']).toBe('X');
    expect([h['28.dollars'], h['28.cents'], h['28.continued']]).toEqual(['406', '49', undefined]);
    expect(h['31']).toBe('SIGNATURE ON FILE');
    expect(h['31.date']).toBe('11 24 26');
    expect([h['32.name'], h['32.street'], h['32.cityStateZip'], h['32a']]).toEqual([
      'SPRINGFIELD FAMILY MEDICINE',
      '400 MAIN ST',
      'SPRINGFIELD IL 627011234',
      '1234567893',
    ]);
    expect([h['33.name'], h['33.street'], h['33.cityStateZip'], h['33a']]).toEqual([
      'SPRINGFIELD FAMILY MEDICINE',
      '400 MAIN ST',
      'SPRINGFIELD IL 627011234',
      '1234567893',
    ]);
    expect([h['33.phoneArea'], h['33.phone']]).toEqual(['217', '555-9000']);
  });

  it('reports values too long for their box instead of dropping them silently', () => {
    expect(problems.map((p) => [p.code, p.box])).toEqual([
      ['FIELD_TRUNCATED', 'carrier'],
      ['FIELD_TRUNCATED', '32'],
    ]);
  });

  it('only uses keys that have a print position', () => {
    for (const key of Object.keys(h)) expect(HEADER_FIELDS).toHaveProperty([key]);
    for (const key of Object.keys(page!.serviceLines[0]!)) expect(SERVICE_LINE_FIELDS).toHaveProperty([key]);
  });
});

describe('item 1 insurance type from the claim filing indicator', () => {
  it.each([
    ['MB', '1.medicare'],
    ['MA', '1.medicare'],
    ['MC', '1.medicaid'],
    ['CH', '1.tricare'],
    ['VA', '1.champva'],
    ['CI', '1.groupHealthPlan'],
    ['BL', '1.groupHealthPlan'],
    ['HM', '1.groupHealthPlan'],
    ['12', '1.groupHealthPlan'],
    ['WC', '1.other'],
    ['AM', '1.other'],
    ['ZZ', '1.other'],
  ])('%s -> %s', (indicator, box) => {
    const h = cms1500Fields(withPayer(indicator)).pages[0]!.header;
    expect(h[box as keyof typeof h]).toBe('X');
    expect(Object.keys(h).filter((k) => k.startsWith('1.'))).toEqual([box]);
  });

  it('prints NONE in item 11 for Medicare with no group number (CMS IOM 100-04 ch. 26)', () => {
    const input = withPayer('MB');
    const h = cms1500Fields({ ...input, insured: { ...input.insured, groupNumber: null } }).pages[0]!.header;
    expect(h['11']).toBe('NONE');
  });
});

describe('item 6 relationship', () => {
  it.each([
    ['18', '6.self'],
    ['01', '6.spouse'],
    ['19', '6.child'],
    ['20', '6.other'],
    ['G8', '6.other'],
  ])('%s -> %s', (relationship, box) => {
    const input = { ...SAMPLE_CLAIM, insured: { ...SAMPLE_CLAIM.insured, relationship } };
    expect(cms1500Fields(input).pages[0]!.header[box as '6.self']).toBe('X');
  });

  it("uses the patient's address for item 7 when the patient is the insured and no address is given", () => {
    const insured = { ...SAMPLE_CLAIM.insured, relationship: '18', address: null };
    expect(cms1500Fields({ ...SAMPLE_CLAIM, insured }).pages[0]!.header['7.street']).toBe('12 ELM ST APT 4');
  });
});

describe('item 22 resubmission', () => {
  it.each(['7', '8'])('frequency %s prints the code and the original reference number', (frequencyCode) => {
    const claim = { ...SAMPLE_CLAIM.claim, frequencyCode, originalReferenceNumber: '2026320000123' };
    const h = cms1500Fields({ ...SAMPLE_CLAIM, claim }).pages[0]!.header;
    expect([h['22.code'], h['22.originalRef']]).toEqual([frequencyCode, '2026320000123']);
  });
});

describe('problems', () => {
  it('reports a pointer past the diagnoses and more than 12 diagnoses', () => {
    const diagnoses = Array.from({ length: 13 }, (_, i) => `Z0${i % 10}.0`);
    const lines = [{ ...SAMPLE_CLAIM.claim.lines[0]!, diagnosisPointers: [1, 14] }];
    const { problems, pages } = cms1500Fields({
      ...SAMPLE_CLAIM,
      claim: { ...SAMPLE_CLAIM.claim, diagnoses, lines },
    });
    expect(problems.map((p) => p.code)).toContain('TOO_MANY_DIAGNOSES');
    expect(problems.find((p) => p.code === 'POINTER_OUT_OF_RANGE')).toMatchObject({
      box: '24E',
      serviceLine: 1,
    });
    expect(pages[0]!.serviceLines[0]!['24E']).toBe('A');
    expect(pages[0]!.header['21.L']).toBe('Z01.0');
  });
});

describe('a claim with 8 service lines continues on a second page', () => {
  const { pages } = cms1500Fields(eightLineClaim());

  it('puts six lines on page 1 and two on page 2', () => {
    expect(pages.map((p) => p.serviceLines.length)).toEqual([6, 2]);
    expect(pages.map((p) => p.header.page)).toEqual(['PAGE 1 OF 2', 'PAGE 2 OF 2']);
  });

  it('repeats the claim items on every page', () => {
    for (const p of pages) {
      expect(p.header['26']).toBe('E1042P');
      expect(p.header['2']).toBe('DOE, JANE Q');
      expect(p.header['21.A']).toBe('E11.9');
    }
  });

  it('prints CONTINUED in item 28 on page 1 and the claim total on the last page', () => {
    // lines are 10.01, 20.01, ... 80.01: total 360.08
    expect(pages[0]!.header['28.continued']).toBe('CONTINUED');
    expect(pages[0]!.header['28.dollars']).toBeUndefined();
    expect([pages[1]!.header['28.dollars'], pages[1]!.header['28.cents']]).toEqual(['360', '08']);
    expect(pages[1]!.header['28.continued']).toBeUndefined();
  });
});

describe('a secondary claim', () => {
  it('names the primary in items 9, 9a, 9d, marks 11d YES and prints what it paid in item 29', () => {
    const input: Cms1500Input = {
      ...SAMPLE_CLAIM,
      otherInsured: {
        lastName: 'Doe',
        firstName: 'Jane',
        policyOrGroupNumber: '1EG4TE5MK73',
        planName: 'Medicare Part B',
      },
      claim: { ...SAMPLE_CLAIM.claim, amountPaidCents: 5728 },
    };
    const h = cms1500Fields(input).pages[0]!.header;
    expect([h['9'], h['9a'], h['9d'], h['11d.yes'], h['11d.no']]).toEqual([
      'DOE, JANE',
      '1EG4TE5MK73',
      'MEDICARE PART B',
      'X',
      undefined,
    ]);
    expect([h['29.dollars'], h['29.cents']]).toEqual(['57', '28']);
    const primary = cms1500Fields(SAMPLE_CLAIM).pages[0]!.header;
    expect([primary['9'], primary['11d.yes'], primary['29.dollars']]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
