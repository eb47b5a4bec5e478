import { describe, expect, it } from 'vitest';
import { changesOf, detailLines } from './changes.ts';

describe('audit change list', () => {
  it('lists only the fields that changed, in words, money in dollars, list positions from 1', () => {
    const before = {
      id: 7,
      placeOfService: '11',
      diagnoses: ['E11.9', 'I10'],
      serviceLines: [{ id: 1, procedureCode: '99213', units: 1, chargeCents: 14000 }],
      priorAuthorization: null,
      updatedAt: '2026-11-02T10:00:00Z',
    };
    const after = {
      ...before,
      diagnoses: ['E11.9', 'I10', 'Z79.4'],
      serviceLines: [{ id: 2, procedureCode: '99214', units: 1, chargeCents: 21000 }],
      priorAuthorization: 'PA-1',
      updatedAt: '2026-11-03T09:00:00Z',
    };
    expect(changesOf(before, after)).toEqual([
      { field: 'diagnoses 3', before: '—', after: 'Z79.4' },
      { field: 'service lines 1 › procedure code', before: '99213', after: '99214' },
      { field: 'service lines 1 › charge', before: '$140.00', after: '$210.00' },
      { field: 'prior authorization', before: '—', after: 'PA-1' },
    ]);
  });

  it('lists what a creation set and what a removal took away', () => {
    expect(changesOf(null, { email: 'a@example.org', active: true })).toEqual([
      { field: 'email', before: '—', after: 'a@example.org' },
      { field: 'active', before: '—', after: 'yes' },
    ]);
    expect(changesOf({ modifiers: ['25'] }, { modifiers: [] })).toEqual([
      { field: 'modifiers 1', before: '25', after: '—' },
    ]);
  });

  it('is empty when nothing but bookkeeping changed', () => {
    expect(changesOf({ a: 1, updatedAt: 'x' }, { a: 1, updatedAt: 'y' })).toEqual([]);
  });

  it('reads a detail as field: value lines', () => {
    expect(detailLines({ source: 'demo seed', claims: [3, 4] })).toEqual([
      'source: demo seed',
      'claims: 3, 4',
    ]);
    expect(detailLines({ ids: [...Array(25).keys()].map((i) => 41 - i), query: { pageSize: 25 } })).toEqual([
      'ids: 41, 40, 39, 38, 37, 36, 35, 34, … (25 in all)',
      'query › page size: 25',
    ]);
    expect(detailLines(null)).toEqual([]);
  });
});
