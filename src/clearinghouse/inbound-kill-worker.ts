// The child of inbound.db.test.ts: applies one received file and is killed while applying it.
// argv: dataDir-or-url, inbound file id.
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { openDatabase } from '../db/connection.ts';
import { processInboundFile } from './inbound.ts';
import { testHandlers } from './inbound-testing.ts';

const [target, id] = process.argv.slice(2) as [string, string];
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
await processInboundFile(
  database.db,
  Number(id),
  testHandlers(60_000, () => process.stdout.write('APPLYING\n')),
  SYSTEM_ACTOR,
);
process.stdout.write('DONE\n');
await database.close();
