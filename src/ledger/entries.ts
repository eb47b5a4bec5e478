// What a new entry must be before it is posted: checked without the database.
import type { FieldError } from '../shared/problem.ts';
import { isIsoDate } from '../shared/dates.ts';
import {
  GROUP_CODES,
  SOURCE_TYPES,
  effectOf,
  type Account,
  type EntryKind,
  type GroupCode,
  type SourceType,
} from './kinds.ts';

export interface NewLedgerEntry {
  practiceId: number;
  patientId?: number | null;
  encounterId?: number | null;
  serviceLineId?: number | null;
  claimId?: number | null;
  payerId?: number | null;
  account: Account;
  kind: EntryKind;
  /** Integer cents; a reversal has the opposite sign of the entry it reverses. */
  amountCents: number;
  reversesEntryId?: number | null;
  /** YYYY-MM-DD: the day the money moved (check date, posting date, date of service for a charge). */
  effectiveDate: string;
  sourceType: SourceType;
  sourceId: string;
  groupCode?: GroupCode | null;
  /** CARC. */
  reasonCode?: string | null;
  /** RARCs. */
  remarkCodes?: string[] | null;
  memo?: string | null;
}

/** Entries that may stand without a service line: payer-level adjustments and a patient's unapplied money. */
const WITHOUT_LINE = new Set(['payer_adjustment', 'patient:patient_payment', 'patient:refund']);

/** Why each entry cannot be posted, with the pointer of the entry (`/3/amountCents`). */
export function entryErrors(entries: readonly NewLedgerEntry[]): FieldError[] {
  const errors: FieldError[] = [];
  entries.forEach((e, i) => {
    const at = (field: string, detail: string) => errors.push({ pointer: `/${i}/${field}`, detail });
    if (!effectOf(e.kind, e.account))
      at('kind', `a ${e.kind} entry cannot be posted to the ${e.account} account`);
    if (!Number.isSafeInteger(e.amountCents)) at('amountCents', 'amounts are whole cents');
    if (!isIsoDate(e.effectiveDate)) at('effectiveDate', 'a date as YYYY-MM-DD');
    if (!SOURCE_TYPES.includes(e.sourceType)) at('sourceType', `unknown source ${e.sourceType}`);
    if (!e.sourceId) at('sourceId', 'say what posted it');
    if (e.groupCode != null && !GROUP_CODES.includes(e.groupCode))
      at('groupCode', `unknown group code ${e.groupCode}`);
    if (e.kind === 'payer_adjustment') {
      if (e.payerId == null) at('payerId', 'a payer-level adjustment names its payer');
      if (e.serviceLineId != null || e.patientId != null)
        at('serviceLineId', "a payer-level adjustment is the payer's, not a patient's line");
    } else {
      if (e.patientId == null)
        at('patientId', 'an entry other than a payer-level adjustment names the patient');
      if (e.serviceLineId == null && !WITHOUT_LINE.has(`${e.account}:${e.kind}`))
        at('serviceLineId', `a ${e.kind} entry is posted against a service line`);
    }
    // the database keys the line and its visit together (ledger_entry_service_line_fk)
    if ((e.serviceLineId == null) !== (e.encounterId == null))
      at('encounterId', 'an entry on a service line names its visit (the encounter), and only then');
  });
  return errors;
}

export interface PostedEntry {
  id: number;
  practiceId: number;
  serviceLineId?: number | null;
  account: string;
  kind: string;
  amountCents: number;
}

/** Why a reversal does not undo the entry it names (same kind, account, line; the opposite amount). */
export function reversalError(entry: NewLedgerEntry, original: PostedEntry | undefined): string | undefined {
  if (!original) return `entry ${entry.reversesEntryId} does not exist`;
  if (original.practiceId !== entry.practiceId) return `entry ${original.id} does not exist`;
  if (original.kind !== entry.kind || original.account !== entry.account)
    return `a reversal is the same kind on the same account as entry ${original.id} (${original.kind}, ${original.account})`;
  if ((original.serviceLineId ?? null) !== (entry.serviceLineId ?? null))
    return `a reversal is on the same service line as entry ${original.id}`;
  if (entry.amountCents !== -original.amountCents)
    return `a reversal of entry ${original.id} is ${-original.amountCents} cents`;
  return undefined;
}
