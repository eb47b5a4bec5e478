import { sql } from 'drizzle-orm';
import type { Executor } from '../db/connection.ts';
import type { ControlNumberSource } from './engine/writer.ts';

// ISA13, GS06 and ST02 come from PostgreSQL sequences (migration 0004): unique across processes,
// never reused, and kept across restarts. ISA13 is 9 digits, so the sequences stop at 999999999.
const SEQUENCES = {
  interchange: 'x12_interchange_control_number',
  group: 'x12_group_control_number',
  transaction: 'x12_transaction_control_number',
} as const;

export class DatabaseControlNumbers implements ControlNumberSource {
  constructor(private readonly db: Executor) {}

  async next(kind: keyof typeof SEQUENCES): Promise<number> {
    const result = await this.db.execute(sql.raw(`select nextval('${SEQUENCES[kind]}') as n`));
    return Number((result as unknown as { rows: { n: string | number }[] }).rows[0]!.n);
  }
}
