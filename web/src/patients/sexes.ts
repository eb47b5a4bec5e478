import { SEXES } from '../../../src/patients/schema.ts';

const LABELS: Record<(typeof SEXES)[number], string> = { M: 'Male', F: 'Female', U: 'Unknown' };

export const SEX_OPTIONS = SEXES.map((s) => ({ value: s, label: LABELS[s] }));
export const sexLabel = (s: string) => LABELS[s as (typeof SEXES)[number]] ?? s;
