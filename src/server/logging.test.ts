import { describe, expect, it } from 'vitest';
import { safeError, withoutQuery } from './logging.ts';

describe('safeError', () => {
  it("drops drizzle's parameter values and keeps the parameterised SQL", () => {
    const cause = Object.assign(
      new Error('new row for relation "patient" violates check constraint "x_check"'),
      {
        code: '23514',
        constraint: 'x_check',
        table: 'patient',
        detail: 'Failing row contains (1, Smith, Jane).',
        params: ['Smith', 'Jane'],
      },
    );
    const error = Object.assign(
      new Error('Failed query: insert into "patient" values ($1, $2)\nparams: Smith,Jane'),
      {
        params: ['Smith', 'Jane'],
        cause,
      },
    );
    const logged = safeError(error);
    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/Smith|Jane/);
    expect(logged.message).toBe('Failed query: insert into "patient" values ($1, $2)');
    expect(logged.cause).toMatchObject({ code: '23514', constraint: 'x_check', table: 'patient' });
    expect(logged.cause!.message).toContain('"patient"');
  });

  it('redacts quoted values in database messages but keeps object names', () => {
    const logged = safeError(new Error('invalid input syntax for type integer: "jane" in column "age"'));
    expect(logged.message).toBe('invalid input syntax for type integer: "[redacted]" in column "age"');
    expect(safeError(new Error("value 'smith' is wrong")).message).toBe("value '[redacted]' is wrong");
    expect(safeError(new Error('x')).stack).not.toContain('undefined');
  });
});

describe('withoutQuery', () => {
  it('cuts the query string', () => {
    expect(withoutQuery('/api/patients?q=smith')).toBe('/api/patients?[redacted]');
    expect(withoutQuery('/api/patients/3')).toBe('/api/patients/3');
  });
});
