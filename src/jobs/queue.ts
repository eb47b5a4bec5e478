import PgBoss from 'pg-boss';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection.ts';
import { jobProgress } from './tables.ts';
import { conflict } from '../server/problem.ts';

export interface JobContext {
  database: Database;
  jobId: string;
  /** Reports how far the job is; shown in the UI and by `cleanclaim jobs list`. */
  progress(done: number, total?: number, message?: string): Promise<void>;
}

export interface JobDefinition<T = unknown> {
  name: string;
  retryLimit?: number;
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
    for (const d of definitions) this.definitions.set(d.name, d);
  }

  async start(options: { work: boolean }): Promise<void> {
    await this.boss.start();
    for (const name of this.definitions.keys()) await this.boss.createQueue(name);
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
        };
        return definition.run(job.data as never, context);
      },
    );
  }

  async enqueue(name: string, data: object, options: EnqueueOptions): Promise<string> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`unknown job ${name}`);
    const id = await this.boss.send(name, data, {
      retryLimit: definition.retryLimit ?? 3,
      retryBackoff: true,
      retryDelay: definition.retryDelaySeconds ?? 5,
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

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
