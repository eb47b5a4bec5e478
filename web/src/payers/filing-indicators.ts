import { CLAIM_FILING_INDICATORS } from '../../../src/payers/schema.ts';

/** SBR09 claim filing indicator codes, code first. */
export const FILING_INDICATOR_OPTIONS = Object.entries(CLAIM_FILING_INDICATORS).map(([code, label]) => ({
  value: code,
  label: `${code} ${label}`,
}));
