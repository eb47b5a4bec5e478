// The CSV files of a folder (../shared/salary's layouts), read and imported in name order.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditActor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { importWageFiles } from './store.ts';

export async function importWageDir(db: Db, dir: string, actor: AuditActor) {
  const names = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
  const files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })),
  );
  return importWageFiles(db, files, actor);
}
