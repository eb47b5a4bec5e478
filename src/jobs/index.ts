// What other domains and the wiring use of jobs: the queue, a job's state, and whether its caller still waits.
export { getJob, jobStillRunning, listJobs, type JobRow } from './store.ts';
export { JobQueue, type JobContext, type JobDefinition, type EnqueueOptions } from './queue.ts';
