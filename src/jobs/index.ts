// What other domains use of the job records: a job's state, and whether its caller still waits.
export { getJob, jobStillRunning, listJobs, type JobRow } from './store.ts';
