import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../db/testing.ts';
import { DatabaseControlNumbers } from './control-numbers.ts';

describe('X12 control numbers from database sequences', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('gives each kind its own increasing numbers, never the same one twice', async () => {
    const numbers = new DatabaseControlNumbers(database.db);
    const interchanges = await Promise.all(Array.from({ length: 20 }, () => numbers.next('interchange')));
    expect(new Set(interchanges).size).toBe(20);
    expect(await numbers.next('group')).toBe(1);
    expect(await numbers.next('transaction')).toBe(1);
    const later = new DatabaseControlNumbers(database.db);
    expect(await later.next('interchange')).toBe(21);
  });
});
