// One problem type for every API error (RFC 9457 application/problem+json). Field errors carry
// the JSON pointer of the field so the UI can show the message beside it.
import type { FieldError } from '../shared/field-error.ts';

export type { FieldError };

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }

  toJSON() {
    return {
      type: 'about:blank',
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors.length ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = (what: string) => new Problem(404, 'Not Found', `${what} not found`);
export const forbidden = (detail = 'your role does not allow this') => new Problem(403, 'Forbidden', detail);
export const unauthorized = (detail = 'log in first') => new Problem(401, 'Unauthorized', detail);
export const invalid = (errors: FieldError[]) =>
  new Problem(
    422,
    'Unprocessable Content',
    errors.map((e) => `${e.pointer || '/'}: ${e.detail}`).join('; '),
    errors,
  );
export const conflict = (detail: string, errors: FieldError[] = []) =>
  new Problem(409, 'Conflict', detail, errors);
