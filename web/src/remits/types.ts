// What the remittance routes answer (src/remits/routes.ts, views.ts).
export interface Adjustment {
  group: string;
  reason: string;
  amountCents: number;
}

export interface ServicePayment {
  procedure: { qualifier: string; code: string; modifiers: string[] };
  chargeCents: number;
  paidCents: number;
  dates: { qualifier: string; date: string }[];
  adjustments: Adjustment[];
  lineControlNumber?: string;
  remarks: { qualifier: string; code: string }[];
}

export interface ClaimPaymentModel {
  patientControlNumber: string;
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents?: number;
  adjustments: Adjustment[];
  patient?: { lastOrOrganizationName: string; firstName?: string; id?: string };
  serviceLines: ServicePayment[];
  outpatient?: { remarkCodes?: string[] };
}

export interface ClaimPaymentRow {
  id: number;
  remittanceId: number;
  sequence: number;
  patientControlNumber: string;
  status: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber: string | null;
  balanced: boolean;
  claimId: number | null;
  matchedBy: string | null;
  state: 'pending' | 'posted' | 'unmatched' | 'held';
  note: string | null;
  postedAt: string | null;
  payment: ClaimPaymentModel;
  payerName?: string;
  traceNumber?: string;
  paymentDate?: string | null;
  eraFileId?: number;
}

export interface BalancingProblem {
  code: string;
  message: string;
  patientControlNumber?: string;
  expectedCents?: number;
  foundCents?: number;
}

export interface RemittanceSummary {
  id: number;
  eraFileId: number;
  controlNumber: string;
  payerName: string;
  traceNumber: string;
  paymentCents: number;
  paymentMethod: string;
  paymentDate: string | null;
  balanced: boolean;
  balancing: BalancingProblem[];
  state: string;
  claims: { posted: number; pending: number; unmatched: number; held: number };
  claimPayments?: ClaimPaymentRow[];
}

export interface EraFile {
  id: number;
  practiceId: number;
  fileName: string;
  receivedAt: string;
  status: string;
  remittances: RemittanceSummary[];
}

/** CLP02 claim status codes (X221A1). */
export const CLAIM_STATUS: Record<string, string> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'primary, forwarded',
  '20': 'secondary, forwarded',
  '21': 'tertiary, forwarded',
  '22': 'reversal of previous payment',
  '23': 'not our claim, forwarded',
  '25': 'predetermination only',
};

export const STATE_COLORS: Record<string, string> = {
  posted: 'green',
  pending: 'blue',
  unmatched: 'orange',
  held: 'red',
  received: 'blue',
  partly_posted: 'orange',
  duplicate: 'default',
  unposted: 'blue',
};
