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
export { seedDemoStaff } from './staff-demo.ts';
