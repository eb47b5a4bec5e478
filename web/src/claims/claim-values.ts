import { formatDollars } from '../../../src/shared/money.ts';
import type { FieldError } from '../api/problem.ts';
import type { Claim } from '../api/types.ts';
import { chargeCentsOf } from '../encounters/encounter-values.ts';
import type { FieldFor } from '../forms/field-errors.ts';

/** A claim as its edit form holds it: the charge as typed dollars. */
export interface ClaimValues {
  placeOfService?: string;
  priorAuthorization?: string | null;
  diagnoses?: string[];
  lines?: {
    lineNumber: number;
    procedureCode?: string;
    modifiers?: string[];
    units?: number;
    charge?: string;
    diagnosisPointers?: number[];
    ndc?: string | null;
    ndcQuantity?: number | null;
    ndcUnit?: string | null;
  }[];
}

export function claimValuesOf(c: Claim): ClaimValues {
  return {
    placeOfService: c.placeOfService,
    priorAuthorization: c.priorAuthorization,
    diagnoses: c.diagnoses,
    lines: c.lines.map((l) => ({
      lineNumber: l.lineNumber,
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      units: l.units,
      charge: formatDollars(l.chargeCents),
      diagnosisPointers: l.diagnosisPointers,
      ndc: l.ndc,
      ndcQuantity: l.ndcQuantity,
      ndcUnit: l.ndcUnit,
    })),
  };
}

const upper = (s: string | undefined) => (s ?? '').trim().toUpperCase();
const blankText = (s: string | null | undefined) => (s ?? '').trim() === '';

/** Form values → the PATCH /api/claims/:id body; a charge that is not a dollar amount is an error at its line. */
export function claimBodyOf(v: ClaimValues): { body: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const lines = (v.lines ?? []).map((l, i) => {
    const chargeCents = chargeCentsOf(String(l.charge ?? ''), `/lines/${i}/chargeCents`, errors);
    return {
      lineNumber: l.lineNumber,
      procedureCode: upper(l.procedureCode),
      modifiers: (l.modifiers ?? []).map(upper),
      ...(l.units === undefined || l.units === null ? {} : { units: l.units }),
      ...(chargeCents === undefined ? {} : { chargeCents }),
      diagnosisPointers: l.diagnosisPointers ?? [],
      // A blank NDC clears the drug (its quantity and unit go with it); typed hyphens are dropped.
      ...(blankText(l.ndc)
        ? { ndc: null }
        : {
            ndc: String(l.ndc).replace(/\D/g, ''),
            ndcQuantity: l.ndcQuantity ?? null,
            ndcUnit: blankText(l.ndcUnit) ? null : l.ndcUnit,
          }),
    };
  });
  const auth = (v.priorAuthorization ?? '').trim();
  return {
    body: {
      placeOfService: (v.placeOfService ?? '').trim(),
      priorAuthorization: auth === '' ? null : auth,
      diagnoses: (v.diagnoses ?? []).map(upper).filter((d) => d !== ''),
      lines,
    },
    errors,
  };
}

const LINE = [
  'procedureCode',
  'modifiers',
  'units',
  'chargeCents',
  'diagnosisPointers',
  'ndc',
  'ndcQuantity',
  'ndcUnit',
];

/** Where the claim edit form shows an API error: POS, prior authorization, each diagnosis, each line's cell. */
export const claimFieldFor: FieldFor = (path) => {
  const [head, index, field] = path;
  if ((head === 'placeOfService' || head === 'priorAuthorization') && path.length === 1) return [head];
  if (head === 'diagnoses' && typeof index === 'number') return ['diagnoses', index];
  if (head === 'lines' && typeof index === 'number' && typeof field === 'string' && LINE.includes(field))
    return ['lines', index, field === 'chargeCents' ? 'charge' : field];
  return undefined;
};
