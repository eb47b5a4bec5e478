import type { SqlRunner } from '../db/connection.ts';

export interface JobRow {
  id: string;
  queue: string;
  state: string;
  practiceId: number | null;
  requestedBy: number | null;
  done: number;
  total: number | null;
  message: string | null;
  retryCount: number;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
  output: unknown;
}

// pg-boss keeps state, retries and output; our job_progress row adds the practice and progress.
const SELECT = `
  select p.job_id as id, p.queue, coalesce(j.state::text, 'archived') as state, p.practice_id, p.requested_by,
         p.done, p.total, p.message, coalesce(j.retry_count, 0) as retry_count,
         coalesce(j.created_on, p.updated_at) as created_on, j.started_on, j.completed_on, j.output
    from job_progress p left join pgboss.job j on j.id = p.job_id`;

function toJob(r: Record<string, unknown>): JobRow {
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    id: String(r.id),
    queue: String(r.queue),
    state: String(r.state),
    practiceId: (r.practice_id as number | null) ?? null,
    requestedBy: (r.requested_by as number | null) ?? null,
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

/** Jobs of these practices (and installation-wide jobs when `includeGlobal`), newest first. */
export async function listJobs(
  sql: SqlRunner,
  practiceIds: number[],
  includeGlobal: boolean,
  limit = 100,
): Promise<JobRow[]> {
  const { rows } = await sql.executeSql(
    `${SELECT} where p.practice_id = any($1::int[]) or ($2::boolean and p.practice_id is null)
     order by created_on desc limit $3`,
    [practiceIds, includeGlobal, limit],
  );
  return rows.map(toJob);
}

export async function getJob(sql: SqlRunner, id: string): Promise<JobRow | undefined> {
  const { rows } = await sql.executeSql(`${SELECT} where p.job_id = $1::uuid`, [id]);
  return rows[0] ? toJob(rows[0]) : undefined;
}
