// The kill test's child process (kill.db.test.ts): posts the 835 until it is killed, through the
// database the test process owns and serves (or PostgreSQL). Once the 835 is stored it posts what
// is pending of it (as POST /api/eras/:id/post does); before, it imports the file (as
// `cleanclaim era import`). argv: dataDir-or-url, file, practice, trace number.
import { readFileSync } from 'node:fs';
import { openDatabase } from '../db/connection.ts';
import { importEra } from './import.ts';
import { postRemittance } from './post-remittance.ts';
import { remittanceById } from './store.ts';

const [target, file, practice, trace] = process.argv.slice(2) as [string, string, string, string];
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
const opts = { userId: null, today: '2026-12-01' };
const { rows } = await database.sql.executeSql(`select id from remittance where trace_number = $1`, [trace]);
const stored = rows[0] ? await remittanceById(database.db, Number(rows[0].id)) : undefined;
process.stdout.write(`POSTING ${stored ? 'stored' : 'import'}\n`);
if (stored) await postRemittance(database.db, stored, stored, opts);
else await importEra(database.db, Number(practice), 'kill.835', readFileSync(file, 'utf8'), opts);
process.stdout.write('DONE\n');
await database.close();
