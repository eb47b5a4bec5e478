// What other domains and the wiring use of market pay (issue 17).
export { importWageFiles, hasWageData, wageExplorer, payAssumptions, type WageFileOutcome } from './store.ts';
export { estimatePay, type PayEstimate } from './estimate.ts';
export { marketPosition, type MarketPosition, type Percentiles } from './market-position.ts';
export { computePayout, type CompPlan, type PayoutInput, type PayoutLine } from './payout.ts';
export { readBlsFile } from './bls-file.ts';
export { registerWageRoutes } from './routes.ts';
export { importWageDir } from './import-dir.ts';
export {
  listStaff,
  staffMember,
  staffOfUser,
  timeByWeek,
  minutesWorked,
  type StaffMemberRow,
} from './staff-store.ts';
export { isoWeek } from './staff.ts';
export { registerStaffRoutes } from './staff-routes.ts';
export { staffJobs, CREDENTIAL_REMINDERS_JOB } from './staff-jobs.ts';
export { registerOperatingRoutes } from './operating-routes.ts';
export { payoutRunsBetween, compensationPlans, type PayoutRunRow } from './payout-store.ts';
export { registerPayoutRoutes } from './payout-routes.ts';
export { seedDemoStaff, demoTeam } from './staff-demo.ts';
// What the command line (src/cli/workforce.ts) does as the pages do.
export { teamFor, remindersOf, importTime, type Viewer, type StaffView } from './staff-store.ts';
export { readTimeCsv, type Reminder } from './staff.ts';
export { runPayout, readPayoutRun, saveCompensationPlan } from './payout-store.ts';
export { PAYOUT_COLUMNS, payoutReportRows } from './payout-report.ts';
export { operatingFor } from './operating-store.ts';
export { OPERATING_COLUMNS, operatingRows } from './operating-table.ts';
export { STAFF_COST_NOTE } from './operating-routes.ts';
export { teamMarketFor } from './team-market-store.ts';
export { TEAM_MARKET_COLUMNS, teamMarketRows } from './team-market.ts';
