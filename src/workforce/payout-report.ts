// Pure: a payout run's report as rows, one per person and line with its inputs and a Total row per
// person; the same for the report CSV of the API and of `cleanclaim payout run --csv`.
import { formatDollars } from '../shared/money.ts';
import type { PayoutLine } from './payout.ts';

export interface PayoutReportLine {
  staffId: number;
  staffName: string;
  role: string;
  planVersion: number | null;
  lines: PayoutLine[];
  totalCents: number;
}

export const PAYOUT_COLUMNS = [
  'staffId',
  'staff',
  'role',
  'planVersion',
  'line',
  'inputs',
  'cents',
  'dollars',
];

export function payoutReportRows(
  people: readonly PayoutReportLine[],
): Record<string, string | number | null>[] {
  return people.flatMap((l) =>
    [...l.lines, { what: 'Total', inputs: '', cents: l.totalCents }].map((x) => ({
      staffId: l.staffId,
      staff: l.staffName,
      role: l.role,
      planVersion: l.planVersion,
      line: x.what,
      inputs: x.inputs,
      cents: x.cents,
      dollars: formatDollars(x.cents),
    })),
  );
}
