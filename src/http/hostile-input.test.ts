import { describe, expect, it } from 'vitest';
import { boundIntegers, findBadString } from './hostile-input.ts';

describe('findBadString', () => {
  it('names the field holding a NUL or a lone surrogate', () => {
    expect(findBadString({ a: 'ok', lines: [{ code: 'x\u0000' }] })?.pointer).toBe('/lines/0/code');
    expect(findBadString({ name: 'a\uD800b' })?.detail).toMatch(/unpaired UTF-16 surrogate/);
    expect(findBadString({ name: '\uDC00' })?.pointer).toBe('/name');
    expect(findBadString({ 'a/b': ['\u0000'] })?.pointer).toBe('/a~1b/0');
    expect(findBadString({ ['k\u0000']: 1 })?.detail).toMatch(/field name/);
  });

  it('accepts paired surrogates (emoji), other control characters and plain values', () => {
    expect(findBadString({ name: 'Zoë 😀', note: 'tab\there', n: 1, b: null })).toBeUndefined();
    expect(findBadString(undefined)).toBeUndefined();
  });
});

describe('boundIntegers', () => {
  it('bounds integers without limits to a PostgreSQL integer and keeps declared limits', () => {
    const schema = {
      type: 'object',
      properties: { page: { type: 'integer', minimum: 1 }, big: { type: 'integer', maximum: 1e12 } },
    };
    expect(boundIntegers(schema)).toEqual({
      type: 'object',
      properties: {
        page: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
        big: { type: 'integer', maximum: 1e12, minimum: -2_147_483_648 },
      },
    });
    expect(schema.properties.page).toEqual({ type: 'integer', minimum: 1 }); // not mutated
  });
});
