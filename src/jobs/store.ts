import { sql } from 'drizzle-orm';
import type { Executor, SqlRunner } from '../db/connection.ts';

export interface JobRow {
  id: string;
  queue: string;
  state: string;
  practiceId: number | null;
  requestedBy: number | null;
  /** The e-mail of the user who started it (null: the system, e.g. a first-start import). */
  requestedByEmail: string | null;
  /** When the request that started it stopped waiting (it then finished in the background). */
  callerGaveUpAt: string | null;
  expireInSeconds: number | null;
  retryLimit: number | null;
  done: number;
  total: number | null;
  message: string | null;
  retryCount: number;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
  output: unknown;
  /** claims.batch: the batch it wrote (filled by the route from the batches written by the job). */
  batch?: { batchId: number; claimCount: number };
}

// pg-boss keeps state, retries and output; our job_progress row adds the practice, who asked and progress.
const SELECT = `
  select p.job_id as id, p.queue, coalesce(j.state::text, 'archived') as state, p.practice_id, p.requested_by,
         u.email as requested_by_email, p.caller_gave_up_at,
         extract(epoch from j.expire_in)::int as expire_in_seconds, j.retry_limit,
         p.done, p.total, p.message, coalesce(j.retry_count, 0) as retry_count,
         coalesce(j.created_on, p.updated_at) as created_on, j.started_on, j.completed_on, j.output
    from job_progress p left join pgboss.job j on j.id = p.job_id
    left join app_user u on u.id = p.requested_by`;

function toJob(r: Record<string, unknown>): JobRow {
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    id: String(r.id),
    queue: String(r.queue),
    state: String(r.state),
    practiceId: (r.practice_id as number | null) ?? null,
    requestedBy: (r.requested_by as number | null) ?? null,
    requestedByEmail: (r.requested_by_email as string | null) ?? null,
    callerGaveUpAt: iso(r.caller_gave_up_at),
    expireInSeconds: r.expire_in_seconds == null ? null : Number(r.expire_in_seconds),
    retryLimit: r.retry_limit == null ? null : Number(r.retry_limit),
    done: Number(r.done),
    total: r.total == null ? null : Number(r.total),
    message: (r.message as string | null) ?? null,
    retryCount: Number(r.retry_count),
    createdOn: iso(r.created_on)!,
    startedOn: iso(r.started_on),
    completedOn: iso(r.completed_on),
    output: r.output ?? null,
  };
}

/** Jobs of these practices (and installation-wide jobs when `includeGlobal`), newest first; of one kind when `queue`. */
export async function listJobs(
  runner: SqlRunner,
  practiceIds: number[],
  includeGlobal: boolean,
  options: { limit?: number; queue?: string | undefined } = {},
): Promise<JobRow[]> {
  const { rows } = await runner.executeSql(
    `${SELECT} where (p.practice_id = any($1::int[]) or ($2::boolean and p.practice_id is null))
       and ($4::text is null or p.queue = $4::text)
     order by created_on desc limit $3`,
    [practiceIds, includeGlobal, options.limit ?? 100, options.queue ?? null],
  );
  return rows.map(toJob);
}

/**
 * Whether the job is still running, locking its row until the caller's transaction ends: pg-boss
 * cannot expire it between this answer and the commit of the work it guards.
 */
export async function jobStillRunning(tx: Executor, id: string): Promise<boolean> {
  const result = (await tx.execute(
    sql`select state::text as state from pgboss.job where id = ${id}::uuid for update`,
  )) as unknown as { rows: { state: string }[] };
  return result.rows[0]?.state === 'active';
}

export async function getJob(runner: SqlRunner, id: string): Promise<JobRow | undefined> {
  const { rows } = await runner.executeSql(`${SELECT} where p.job_id = $1::uuid`, [id]);
  return rows[0] ? toJob(rows[0]) : undefined;
}
