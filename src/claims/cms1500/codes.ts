import type { HeaderKey } from './layout.ts';

/**
 * Item 1 check box from the SBR09 claim filing indicator. Medicare Part A/B, Medicaid,
 * TRICARE (CHAMPUS) and CHAMPVA have their own boxes; commercial plans (CI, BL, HM, the
 * managed-care codes 12-17, dental DS, FEHB FI) are group health plans; workers' comp,
 * auto, liability and other federal programs print as Other.
 */
const INSURANCE_TYPE: Record<string, HeaderKey> = {
  MA: '1.medicare',
  MB: '1.medicare',
  MC: '1.medicaid',
  CH: '1.tricare',
  VA: '1.champva',
  CI: '1.groupHealthPlan',
  BL: '1.groupHealthPlan',
  HM: '1.groupHealthPlan',
  '12': '1.groupHealthPlan',
  '13': '1.groupHealthPlan',
  '14': '1.groupHealthPlan',
  '15': '1.groupHealthPlan',
  '16': '1.groupHealthPlan',
  '17': '1.groupHealthPlan',
  DS: '1.groupHealthPlan',
  FI: '1.groupHealthPlan',
};

export function insuranceTypeBox(claimFilingIndicator: string): HeaderKey {
  return INSURANCE_TYPE[claimFilingIndicator.trim().toUpperCase()] ?? '1.other';
}

/** Item 6 check box from the X12 individual relationship code (18 self, 01 spouse, 19 child). */
export function relationshipBox(relationship: string): HeaderKey {
  if (relationship === '18') return '6.self';
  if (relationship === '01') return '6.spouse';
  if (relationship === '19') return '6.child';
  return '6.other';
}
