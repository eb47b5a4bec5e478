import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import { API_CODES, ApiProblem, STATUS, codeOfStatus } from './problem.ts';

describe('problem codes', () => {
  it('documents every code with its status in docs/problems.md', () => {
    const doc = readFileSync(new URL('../../docs/problems.md', import.meta.url), 'utf8');
    const missing = Object.keys(API_CODES).filter(
      (c) => !doc.includes(`| \`${c}\` | ${STATUS[c as keyof typeof STATUS]} |`),
    );
    expect(missing).toEqual([]);
  });

  it('turns a domain refusal into problem+json with its code and status', () => {
    expect(ApiProblem.of(notFound('claim 12')).toJSON()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      code: 'NOT_FOUND',
      detail: 'claim 12 not found',
      resource: 'claim 12',
    });
    const errors = [{ pointer: '/units', detail: 'must be more than 0' }];
    expect(ApiProblem.of(invalid(errors)).toJSON()).toMatchObject({ status: 422, code: 'INVALID', errors });
    expect(ApiProblem.of(conflict('claim 12 is submitted'))).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it('gives a framework status its code, keeping a status that has none', () => {
    expect(codeOfStatus(404)).toBe('NO_ROUTE');
    expect(codeOfStatus(413)).toBe('CONTENT_TOO_LARGE');
    expect(codeOfStatus(406)).toBe('BAD_REQUEST');
    expect(new ApiProblem(codeOfStatus(406), 'not acceptable', [], undefined, 406).toJSON().status).toBe(406);
  });
});
