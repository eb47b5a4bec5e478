import type { Db } from '../db/connection.ts';
import { encounterIdsOf, loadEncounter } from '../encounters/index.ts';
import { coveragesInEffect } from '../patients/index.ts';
import type { ClaimLookups } from './scrub-view.ts';
import { scrubClaim } from '../scrubber/scrub.ts';
import { claimFromEncounter } from './build.ts';
import { loadScrubClaim, loadScrubContext } from './scrub-view.ts';
import type { ClaimRow } from './store.ts';

export interface CleanClaimReport {
  encounters: number;
  claims: number;
  withoutCoverage: number;
  clean: number;
  cleanNoWarnings: number;
  byRule: { code: string; severity: string; findings: number; claims: number }[];
}

/**
 * Scrubs every encounter of the practices as the claim it would become today (primary coverage in
 * effect on the date of service), without storing anything: the clean-claim rate before billing.
 */
export async function cleanClaimReport(
  db: Db,
  practiceIds: number[],
  lookups: ClaimLookups,
  today: string,
): Promise<CleanClaimReport> {
  const ids = await encounterIdsOf(db, practiceIds);
  const report: CleanClaimReport = {
    encounters: ids.length,
    claims: 0,
    withoutCoverage: 0,
    clean: 0,
    cleanNoWarnings: 0,
    byRule: [],
  };
  const byRule = new Map<string, { code: string; severity: string; findings: number; claims: Set<number> }>();
  for (const id of ids) {
    const e = (await loadEncounter(db, id, practiceIds))!;
    const inEffect = await coveragesInEffect(db, e.patientId, e.serviceDateFrom);
    const primary = inEffect.find((c) => c.priority === 'primary');
    if (!primary) {
      report.withoutCoverage++;
      continue;
    }
    const built = claimFromEncounter(e, primary, 1);
    const row = {
      ...built.claim,
      id: 0,
      originalClaimId: null,
      payerClaimNumber: null,
      scrubbedAt: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    } as ClaimRow;
    const view = await loadScrubClaim(
      db,
      row,
      built.lines.map((l) => ({ ...l, id: 0, claimId: 0 })),
    );
    const result = scrubClaim(view, await loadScrubContext(db, row, view, today, lookups));
    report.claims++;
    if (result.clean) report.clean++;
    if (result.findings.length === 0) report.cleanNoWarnings++;
    for (const f of result.findings) {
      const r = byRule.get(f.code) ?? {
        code: f.code,
        severity: f.severity,
        findings: 0,
        claims: new Set<number>(),
      };
      r.findings++;
      r.claims.add(id);
      byRule.set(f.code, r);
    }
  }
  report.byRule = [...byRule.values()]
    .map((r) => ({ ...r, claims: r.claims.size }))
    .sort((a, b) => b.claims - a.claims);
  return report;
}
