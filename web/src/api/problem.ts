import type { FieldError } from '../../../src/shared/field-error.ts';

export type { FieldError };

/** An API error as the server sends it (application/problem+json), thrown by the client. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
  }
}

export async function problemFrom(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as Partial<{
    title: string;
    detail: string;
    errors: FieldError[];
  }>;
  return new ApiProblem(
    response.status,
    body.title ?? response.statusText,
    body.detail ?? `request failed (${response.status})`,
    body.errors ?? [],
  );
}
