import type { FieldError } from '../../../src/shared/field-error.ts';

export type { FieldError };

/** An API error as the server sends it (application/problem+json), thrown by the client. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    /** The problem's stable code (docs/problems.md), e.g. CONFLICT. */
    readonly code?: string,
  ) {
    super(detail);
  }
}

export async function problemFrom(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as Partial<{
    title: string;
    detail: string;
    code: string;
    errors: FieldError[];
  }>;
  return new ApiProblem(
    response.status,
    body.title ?? response.statusText,
    body.detail ?? `request failed (${response.status})`,
    body.errors ?? [],
    body.code,
  );
}
