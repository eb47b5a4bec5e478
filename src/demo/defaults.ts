/** The demo practices loaded on first start (and the defaults of `cleanclaim demo seed`). */
export const DEMO_DEFAULTS = { seed: 20261125, patients: 200, encounters: 1000 };
/** The demo hospital beside the physician group: its own patients, stays and outpatient visits on UB-04s. */
export const DEMO_HOSPITAL = { seed: 20261126, patients: 120, encounters: 250, kind: 'hospital' as const };
