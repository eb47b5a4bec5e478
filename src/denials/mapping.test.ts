import { describe, expect, it } from 'vitest';
import {
  checkMappingRow,
  DENIAL_CATEGORIES,
  mapDenial,
  rejectionReading,
  seedMappingRows,
  SEED_RULES,
  type MappingRow,
} from './mapping.ts';

const row = (r: Partial<MappingRow> & { reasonCode: string }): MappingRow => ({
  groupCode: null,
  remarkCode: null,
  category: 'coding',
  explanation: 'words',
  action: 'correct-resubmit',
  ...r,
});

// Every code any seed rule names, so the seed covers them all (the real list is tested in carc.test.ts).
const allCodes = [...new Set(SEED_RULES.flatMap((r) => r.codes))].map((code) => ({ code }));
const seed = seedMappingRows(allCodes);
const read = (groupCode: string, reasonCode: string, remarkCodes: string[] = []) =>
  mapDenial(seed, { groupCode, reasonCode, remarkCodes });

describe('the seeded denial mapping', () => {
  it.each([
    ['eligibility', 'CO', '27', 'correct-resubmit'],
    ['authorization', 'CO', '197', 'appeal'],
    ['coding', 'CO', '4', 'correct-resubmit'],
    ['medical-necessity', 'CO', '50', 'send-records'],
    ['bundling', 'CO', '97', 'correct-resubmit'],
    ['timely-filing', 'CO', '29', 'appeal'],
    ['duplicate', 'OA', '18', 'none'],
    ['non-covered', 'CO', '96', 'write-off'],
    ['coordination-of-benefits', 'OA', '22', 'correct-resubmit'],
    ['coordination-of-benefits', 'OA', '23', 'bill-secondary'],
    ['missing-information', 'CO', '16', 'correct-resubmit'],
    ['missing-information', 'CO', '252', 'send-records'],
    ['contractual', 'CO', '45', 'none'],
    ['contractual', 'PR', '1', 'bill-patient'],
    ['contractual', 'PR', '2', 'bill-patient'],
    ['contractual', 'PR', '3', 'bill-patient'],
  ])('reads %s from %s-%s with the next step %s', (category, group, carc, action) => {
    const r = read(group, carc);
    expect(r).toMatchObject({ category, action });
    expect(r.row).not.toBeNull();
    expect(r.explanation.length).toBeGreaterThan(20);
  });

  it('covers every category', () => {
    const seen = new Set(seed.map((r) => r.category));
    expect([...seen].sort()).toEqual([...DENIAL_CATEGORIES].sort());
  });

  it('reads a non-covered service the patient is liable for (PR-96) as bill the patient, CO-96 as a write-off', () => {
    expect(read('PR', '96').action).toBe('bill-patient');
    expect(read('CO', '96').action).toBe('write-off');
  });

  it('refines by remark: CO-16 with N290 names the missing rendering provider', () => {
    expect(read('CO', '16', ['M1', 'N290']).explanation).toMatch(/rendering provider/);
    expect(read('CO', '16', ['M1']).explanation).not.toMatch(/rendering provider/);
  });

  it('has no CARC listed under two rules', () => {
    const codes = SEED_RULES.flatMap((r) => r.codes);
    expect(codes.length - new Set(codes).size).toBe(0);
  });
});

describe('mapDenial', () => {
  const rows = [
    row({ reasonCode: '16', explanation: 'carc' }),
    row({ reasonCode: '16', groupCode: 'CO', explanation: 'group+carc' }),
    row({ reasonCode: '16', remarkCode: 'N290', explanation: 'carc+rarc' }),
    row({ reasonCode: '16', groupCode: 'CO', remarkCode: 'N290', explanation: 'group+carc+rarc' }),
  ];
  it('lets the most specific row win', () => {
    const m = (g: string, rarcs: string[], rs = rows) =>
      mapDenial(rs, { groupCode: g, reasonCode: '16', remarkCodes: rarcs }).explanation;
    expect(m('CO', ['N290'])).toBe('group+carc+rarc');
    expect(m('OA', ['N290'])).toBe('carc+rarc');
    expect(m('CO', [])).toBe('group+carc');
    expect(m('OA', ['MA130'])).toBe('carc');
    // order of rows does not matter
    expect(m('CO', ['N290'], [...rows].reverse())).toBe('group+carc+rarc');
    // CARC+RARC beats group+CARC
    expect(m('CO', ['N290'], rows.slice(0, 3))).toBe('carc+rarc');
  });

  it('says an unknown CARC is unmapped, keeps it as a code, and suggests an appeal', () => {
    const r = mapDenial(rows, { groupCode: 'CO', reasonCode: 'ZZ9', remarkCodes: [] });
    expect(r.row).toBeNull();
    expect(r.action).toBe('appeal');
    expect(r.explanation).toMatch(/^Unmapped: .*CO-ZZ9/);
  });
});

describe('checkMappingRow', () => {
  it('accepts a good row and says what is wrong with a bad one', () => {
    expect(checkMappingRow(row({ reasonCode: '16', groupCode: 'CO', remarkCode: 'N290' }))).toBeUndefined();
    expect(checkMappingRow(row({ reasonCode: '16', groupCode: 'XX' }))).toMatch(/group code XX/);
    expect(checkMappingRow(row({ reasonCode: '16', category: 'misc' }))).toMatch(/category misc/);
    expect(checkMappingRow(row({ reasonCode: '16', action: 'pray' }))).toMatch(/action pray/);
    expect(checkMappingRow(row({ reasonCode: '16', remarkCode: '??' }))).toMatch(/remark code/);
    expect(checkMappingRow(row({ reasonCode: '16', explanation: ' ' }))).toMatch(/empty/);
  });
});

describe('rejectionReading (277CA / 277 rejections)', () => {
  it('reads the category from the status words and always says correct and resubmit', () => {
    expect(rejectionReading('A7:33', 'Subscriber and subscriber id not found')).toMatchObject({
      category: 'eligibility',
      action: 'correct-resubmit',
    });
    expect(rejectionReading('A7:454', 'Procedure code for services rendered')).toMatchObject({
      category: 'coding',
    });
    expect(rejectionReading('A3:78', 'Duplicate of a previously processed claim')).toMatchObject({
      category: 'duplicate',
    });
    const other = rejectionReading('A7:21', 'Missing or invalid information');
    expect(other).toMatchObject({ category: 'missing-information', action: 'correct-resubmit' });
    expect(other.explanation).toMatch(
      /^Rejected before the payer looked at it \(A7:21: Missing or invalid information\)/,
    );
  });
});
