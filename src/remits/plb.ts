// PLB provider-level adjustments (X221A1 loop summary, PLB03-1 Adjustment Reason Code): posted to
// the payer's account, never to a patient. The names are the TR3's code descriptions, shortened.
import type { Remittance } from '../x12/index.ts';
import type { PlannedEntry } from './plan.ts';

export const PLB_REASONS: Record<string, string> = {
  '50': 'late charge',
  '51': 'interest penalty charge',
  '72': 'authorized return',
  '90': 'early payment allowance',
  AH: 'origination fee',
  AM: 'applied to borrower’s account',
  AP: 'acceleration of benefits',
  B2: 'rebate',
  B3: 'recovery allowance',
  BD: 'bad debt adjustment',
  BN: 'bonus',
  C5: 'temporary allowance',
  CR: 'capitation interest',
  CS: 'adjustment',
  CT: 'capitation payment',
  CV: 'capital passthru',
  CW: 'certified registered nurse anesthetist passthru',
  DM: 'direct medical education passthru',
  E3: 'withholding',
  FB: 'forward balance',
  FC: 'fund allocation',
  GO: 'graduate medical education passthru',
  HM: 'hemophilia clotting factor supplement',
  IP: 'incentive premium payment',
  IR: 'internal revenue service withholding',
  IS: 'interim settlement',
  J1: 'nonreimbursable',
  L3: 'penalty',
  L6: 'interest owed',
  LE: 'levy',
  LS: 'lump sum',
  OA: 'organ acquisition passthru',
  OB: 'offset for affiliated providers',
  PI: 'periodic interim payment',
  PL: 'payment final',
  RA: 'retro-activity adjustment',
  RE: 'return on equity',
  SL: 'student loan repayment',
  TL: 'third party liability',
  WO: 'overpayment recovery',
  WU: 'unspecified recovery',
};

export interface PayerContext {
  practiceId: number;
  payerId: number;
  /** The check or EFT date (BPR16), as the caller decides. */
  effectiveDate: string;
  /** The stored remittance the adjustments come from. */
  sourceId: string;
}

/**
 * One payer_adjustment per PLB adjustment pair. The amount is the money it adds to the payment:
 * the PLB amount with its sign turned (a positive PLB amount is withheld, X221A1 PLB04), so that
 * Σ insurance payments + Σ payer adjustments = BPR02 for a balanced 835.
 */
export function planProviderAdjustments(r: Remittance, ctx: PayerContext): PlannedEntry[] {
  return r.providerAdjustments.flatMap((plb) =>
    plb.adjustments.map((a) => ({
      practiceId: ctx.practiceId,
      payerId: ctx.payerId,
      account: 'payer' as const,
      kind: 'payer_adjustment' as const,
      amountCents: -a.amountCents,
      effectiveDate: ctx.effectiveDate,
      sourceType: 'remittance' as const,
      sourceId: ctx.sourceId,
      reasonCode: a.reason,
      memo: [
        `PLB ${a.reason}${PLB_REASONS[a.reason] ? ` ${PLB_REASONS[a.reason]}` : ''}`,
        a.referenceId ? `reference ${a.referenceId}` : '',
        `provider ${plb.providerId}, fiscal period ${plb.fiscalPeriodDate}`,
      ]
        .filter((x) => x)
        .join('; '),
    })),
  );
}
