// The appeals API's shapes as the web UI reads them (src/denials/appeal-routes.ts).
export interface Appeal {
  id: number;
  practiceId: number;
  claimId: number;
  denialId: number | null;
  level: number;
  templateId: number | null;
  letter: string;
  documents: string[];
  hasPdf: boolean;
  state: 'draft' | 'sent' | 'won' | 'partly-won' | 'lost';
  outcomeNote: string | null;
  recoveredCents: number | null;
  createdAt: string;
  sentAt: string | null;
  decidedAt: string | null;
}

export interface AppealProblem {
  code: string;
  severity: string;
  message: string;
  field?: string;
}

export interface Drafted {
  appeal: Appeal;
  problems: AppealProblem[];
}

export interface AppealTemplate {
  id: number;
  practiceId: number | null;
  category: string | null;
  payerId: number | null;
  name: string;
  body: string;
  active: boolean;
}

/** What the appeal editor needs of a denial (a row of the denials queue). */
export interface DenialForAppeal {
  id: number;
  claimId: number;
  practiceId?: number;
  category?: string | null;
  groupCode: string;
  reasonCode: string;
  amountCents: number;
  state?: string;
  resolution?: string | null;
}

/** The documents billers cite most; any other is typed in. */
export const COMMON_DOCUMENTS = [
  'Progress note',
  'Operative report',
  'Prior authorization',
  'Proof of timely filing',
  'EOB of the primary payer',
];

export const APPEAL_STATE_COLORS: Record<Appeal['state'], string> = {
  draft: 'default',
  sent: 'processing',
  won: 'success',
  'partly-won': 'warning',
  lost: 'error',
};
