import { PRIORITIES, RELATIONSHIPS } from '../../../src/patients/schema.ts';

/** SBR02 individual relationship codes, code first as billers read them on the 837. */
export const RELATIONSHIP_OPTIONS = Object.entries(RELATIONSHIPS).map(([code, label]) => ({
  value: code,
  label: `${code} ${label.toLowerCase()}`,
}));

export const PRIORITY_OPTIONS = PRIORITIES.map((p) => ({
  value: p,
  label: p.charAt(0).toUpperCase() + p.slice(1),
}));

export const relationshipLabel = (code: string) =>
  RELATIONSHIP_OPTIONS.find((o) => o.value === code)?.label ?? code;
