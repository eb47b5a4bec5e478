import PgBoss from 'pg-boss';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { jobProgress } from './tables.ts';
import { conflict } from '../shared/problem.ts';

export interface JobContext {
  database: Database;
  jobId: string;
  /** Reports how far the job is; shown in the UI and by `cleanclaim jobs list`. */
  progress(done: number, total?: number, message?: string): Promise<void>;
  /** Queues follow-on work (a written batch's upload, say); answers the new job's id. */
  enqueue(name: string, data: object, options: EnqueueOptions): Promise<string>;
}

/**
 * One kind of background work. Every kind in definitions.ts says how long an attempt may run and
 * whether it may be run again (a test checks it): pg-boss's defaults (15 minutes, 2 retries) once
 * let a batch whose caller had given up finish 17 minutes later and move claims unseen. Left out,
 * they default to the safe side: 15 minutes, no retry.
 */
export interface JobDefinition<T = unknown> {
  name: string;
  /** Seconds one attempt may run; past that pg-boss fails it (and retries it if retries are left). */
  expireInSeconds?: number;
  /** Retries after a failed or expired attempt. */
  retryLimit?: number;
  /**
   * Whether running it again is harmless even when nobody is waiting for it any more. A kind
   * that is not (it moves claims, sends files) must have retryLimit 0.
   */
  retrySafe?: boolean;
  /** Seconds before the first retry; later retries back off exponentially. */
  retryDelaySeconds?: number;
  /** At most one of these queued or running at a time (pg-boss singleton key). */
  singleton?: boolean;
  run(data: T, context: JobContext): Promise<unknown>;
}

export interface EnqueueOptions {
  practiceId: number | null;
  requestedBy: number | null;
}

/**
 * Durable background work on pg-boss: jobs live in PostgreSQL (schema `pgboss`), survive restarts,
 * retry with backoff, and any number of worker processes can share one PostgreSQL database.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<never>>();

  constructor(
    private readonly database: Database,
    definitions: JobDefinition<never>[],
  ) {
    this.boss = new PgBoss({ ...database.queueConnection, schema: 'pgboss' } as ConstructorParameters<
      typeof PgBoss
    >[0] &
      object);
    this.boss.on('error', (error: Error) => console.error(`job queue: ${error.message}`));
    for (const d of definitions) {
      if (!d.retrySafe && (d.retryLimit ?? 0) > 0)
        throw new Error(`job ${d.name} is not safe to retry but has retryLimit ${d.retryLimit}`);
      this.definitions.set(d.name, d);
    }
  }

  async start(options: { work: boolean }): Promise<void> {
    await this.boss.start();
    // Existing queues are updated too, so a changed definition applies to an existing database.
    for (const d of this.definitions.values()) {
      await this.boss.createQueue(d.name, { name: d.name, ...queueOptions(d) });
      await this.boss.updateQueue(d.name, { name: d.name, ...queueOptions(d) });
    }
    if (options.work) for (const definition of this.definitions.values()) await this.work(definition);
  }

  private async work(definition: JobDefinition<never>) {
    await this.boss.work(
      definition.name,
      { pollingIntervalSeconds: 1, includeMetadata: false },
      async ([job]) => {
        if (!job) return;
        const context: JobContext = {
          database: this.database,
          jobId: job.id,
          progress: async (done, total, message) => {
            await this.database.db
              .update(jobProgress)
              .set({ done, total: total ?? null, message: message ?? null, updatedAt: new Date() })
              .where(eq(jobProgress.jobId, job.id));
          },
          enqueue: (name, data, options) => this.enqueue(name, data, options),
        };
        return definition.run(job.data as never, context);
      },
    );
  }

  async enqueue(name: string, data: object, options: EnqueueOptions): Promise<string> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    const id = await this.boss.send(name, data, {
      ...queueOptions(definition),
      ...(definition.singleton ? { singletonKey: name } : {}),
    });
    if (!id) throw conflict(`a ${name} job is already queued or running`);
    await this.database.db
      .insert(jobProgress)
      .values({ jobId: id, queue: name, practiceId: options.practiceId, requestedBy: options.requestedBy });
    return id;
  }

  /** Waits until the job has finished (completed, failed or cancelled): for the CLI and tests. */
  async waitFor(name: string, id: string, timeoutMs = 600_000): Promise<{ state: string; output: unknown }> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.boss.getJobById(name, id);
      if (job && ['completed', 'failed', 'cancelled'].includes(job.state))
        return { state: job.state, output: job.output };
      if (Date.now() > end) throw new Error(`job ${id} did not finish in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /**
   * Waits for a job a request is answering with. Gives up after `timeoutMs` or when `signal`
   * aborts (the caller hung up), noting on the job that nobody waits for it any more; the job
   * goes on and its outcome shows in the job list.
   */
  async waitAsCaller(
    name: string,
    id: string,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<{ state: string; output: unknown } | undefined> {
    const end = Date.now() + options.timeoutMs;
    for (;;) {
      const job = await this.boss.getJobById(name, id);
      if (job && ['completed', 'failed', 'cancelled'].includes(job.state))
        return { state: job.state, output: job.output };
      if (Date.now() > end || options.signal?.aborted) {
        await this.database.db
          .update(jobProgress)
          .set({ callerGaveUpAt: new Date() })
          .where(eq(jobProgress.jobId, id));
        return undefined;
      }
      await new Promise((r) => setTimeout(r, Math.min(250, Math.max(0, end - Date.now()))));
    }
  }

  /** Cancels a job not yet finished; one already running goes on to its end (pg-boss cannot stop it). */
  async cancel(name: string, id: string): Promise<void> {
    await this.boss.cancel(name, id);
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/** The expiry and retries pg-boss applies to a kind, from its definition (on the queue and on each job). */
function queueOptions(d: JobDefinition<never>) {
  return {
    expireInSeconds: d.expireInSeconds ?? 900,
    retryLimit: d.retryLimit ?? 0,
    retryDelay: d.retryDelaySeconds ?? 5,
    retryBackoff: true,
  };
}
