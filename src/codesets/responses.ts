/** What the codes API answers, for the OpenAPI document: a code's view and its problems. */
import { Type } from '@sinclair/typebox';
import { CODESET_PROBLEMS } from './problems.ts';

/** A CodesetProblem as it leaves the server: the shared problem type (docs/problems.md). */
export const CodesetProblemJson = Type.Object(
  {
    code: Type.Union(
      Object.keys(CODESET_PROBLEMS).map((c) => Type.Literal(c)),
      { description: 'stable problem code (docs/codesets.md)' },
    ),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
    medicalCode: Type.Optional(Type.String({ description: 'the code checked, e.g. E11.9' })),
    diagnosisPosition: Type.Optional(
      Type.Integer({ description: '1-based diagnosis position on the claim' }),
    ),
    file: Type.Optional(Type.String()),
    line: Type.Optional(Type.Integer()),
    column: Type.Optional(Type.Integer()),
    message: Type.String({ description: "why, in a biller's words" }),
    carc: Type.Optional(
      Type.String({ description: 'the claim adjustment reason code a payer would likely use' }),
    ),
  },
  { additionalProperties: false },
);

/** showCode's answer; the problems are typed, the tabular notes and parents are left open. */
export const CodeViewJson = Type.Object(
  {
    system: Type.String(),
    code: Type.String({ description: 'the code as checked: upper case, no dot' }),
    display: Type.String({ description: 'the code as printed (ICD-10-CM with its dot)' }),
    valid: Type.Boolean(),
    billable: Type.Optional(Type.Boolean()),
    description: Type.Optional(Type.String()),
    release: Type.Optional(Type.String()),
    problems: Type.Array(CodesetProblemJson),
  },
  { additionalProperties: true },
);
