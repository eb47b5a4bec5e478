import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanclaimOnEmbedded } from './cli-testing.ts';
import { registerWorkforceCommands } from './workforce.ts';
import {
  marketCommand,
  operatingCommand,
  payoutRunCommand,
  staffListCommand,
  staffRemindersCommand,
  timeImportCommand,
} from './workforce-commands.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import { migrateDatabase, openDatabase, type Database } from '../db/connection.ts';
import { seedDemo } from '../demo/seed.ts';
import { importWageDir, seedDemoStaff } from '../workforce/index.ts';

const SALARY_DIR = new URL('../../../shared/salary', import.meta.url).pathname;
const TODAY = '2026-11-20'; // a Friday: the demo team's eight weeks of time end here

// `cleanclaim staff|time|payout|workforce` on an embedded database holding the demo team (five
// people, eight weeks of time, a CPC expiring in 45 days and CEUs short) and the BLS wage tables.
describe('cleanclaim staff, time, payout, workforce', () => {
  const root = mkdtempSync(join(tmpdir(), 'cleanclaim-workforce-'));
  const cleanclaim = cleanclaimOnEmbedded(root);
  let database: Database;
  let practiceId: number;
  let open = true;
  const auditsBy = async (entity: string) =>
    (
      await database.sql.executeSql(
        `select action from audit_event where entity = $1 and user_email = 'cli' order by id`,
        [entity],
      )
    ).rows.map((r) => r.action);

  beforeAll(async () => {
    database = await openDatabase({ dataDir: join(root, 'db') });
    await migrateDatabase(database);
    practiceId = await seedDemo(
      database,
      { seed: 5, patients: 2, encounters: 2, asOf: TODAY },
      SYSTEM_ACTOR,
      [],
    );
    await seedDemoStaff(database.db, practiceId, SYSTEM_ACTOR, TODAY);
    await importWageDir(database.db, SALARY_DIR, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(async () => {
    if (open) await database.close();
    rmSync(root, { recursive: true, force: true });
  });

  // the commands in this process first (quick), then the real cleanclaim once the database is closed
  it('lists the staff (audited) and the credential reminders (exit 1 when any)', async () => {
    const list = await staffListCommand(database.db, practiceId, {});
    expect(list.exitCode).toBe(0);
    expect(list.output).toContain('5 staff members in practice');
    expect(list.output).toMatch(/Alex Rivera {2}coder \(Senior coder\) {2}hourly \$31\.50\/h {2}OH/);
    expect(list.output).toContain('salaried non-exempt (37 h/week) $49,500.00/year');
    expect(JSON.parse((await staffListCommand(database.db, practiceId, { json: true })).output)).toHaveLength(
      5,
    );
    expect(await auditsBy('staff_member')).toEqual(['list', 'list']);

    const reminders = await staffRemindersCommand(database.db, practiceId, TODAY, {});
    expect(reminders.exitCode).toBe(1);
    expect(reminders.output).toMatch(/Alex Rivera \(#\d+\): CPC expires on 2027-01-04 \(in 45 days\)/);
    expect(reminders.output).toContain('CRC: 12 of 36 CEUs earned');
    expect(await staffRemindersCommand(database.db, practiceId + 99, TODAY, {})).toEqual({
      output: `0 credential reminders on ${TODAY}`,
      exitCode: 0,
    });
  });

  it('imports a time sheet; refuses one with errors whole, each at its row and column', async () => {
    const refused = await timeImportCommand(
      database.db,
      practiceId,
      'staff,date,hours\nAlex Rivera,2026-11-21,4\nNobody Here,2026-11-21,3\nAlex Rivera,not a day,2\n',
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toMatch(/^time sheet refused:\n {2}\/csv\/row 4\/date: /);
    const unknown = await timeImportCommand(
      database.db,
      practiceId,
      'staff,date,hours\nAlex Rivera,2026-11-21,4\nNobody Here,2026-11-21,3\n',
    );
    expect(unknown).toEqual({
      output: 'time sheet refused:\n  /csv/row 3/staff: no staff member named "Nobody Here"',
      exitCode: 1,
    });
    expect(await auditsBy('time_entry')).toEqual([]);
    const done = await timeImportCommand(
      database.db,
      practiceId,
      'staff,date,hours\nAlex Rivera,2026-11-21,4.5\n',
    );
    expect(done).toEqual({ output: 'imported 1 day, 4.50 h', exitCode: 0 });
    expect(await auditsBy('time_entry')).toEqual(['create']);
  });

  it('runs a payout with each line and its inputs; refuses a period that is not whole weeks', async () => {
    const period = { from: '2026-11-09', to: '2026-11-15' };
    const run = await payoutRunCommand(database.db, practiceId, period, {});
    expect(run.exitCode).toBe(0);
    expect(run.output).toMatch(/^payout run #\d+, 2026-11-09 to 2026-11-15: 5 people, \$[\d,]+\.\d\d/);
    expect(run.output).toMatch(
      /Alex Rivera \(#\d+, coder, no plan\): \$[\d,]+\.\d\d\n {2}\S.*: \$[\d,.]+ {2}\[.+\]/,
    );
    const csv = await payoutRunCommand(database.db, practiceId, period, { csv: true });
    expect(csv.output.split('\r\n')[0]).toBe('staffId,staff,role,planVersion,line,inputs,cents,dollars');
    expect(await auditsBy('payout_run')).toEqual(['create', 'read', 'create', 'read']);
    const refused = await payoutRunCommand(
      database.db,
      practiceId,
      { from: '2026-11-10', to: '2026-11-15' },
      {},
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toMatch(/^INVALID: .*\n {2}\/from: /);
  });

  it('prints the operating figures and the pay against the market, as text and CSV', async () => {
    const operating = await operatingCommand(database.db, practiceId, '2026-11', {});
    expect(operating.exitCode).toBe(0);
    expect(operating.output.split('\n')[0]).toMatch(/^month +staffCost +staffCostFrom +hoursWorked/);
    expect(operating.output).toMatch(/\n2026-11 +[\d.]+ +\S+/);
    const csv = await operatingCommand(database.db, practiceId, '2026-11', { csv: true });
    expect(csv.output).toMatch(/^"Staff cost: .*"\r\nmonth,staffCost,staffCostFrom,.*costPerClaimTrailing12/);
    expect(csv.output.split('\r\n')).toHaveLength(2 + 12);

    const market = await marketCommand(database.db, practiceId, TODAY, {});
    expect(market.exitCode).toBe(0);
    expect(market.output).toMatch(
      /^Pay against the market: .+ \(29-\d{4}\)\. Source: U\.S\. Bureau of Labor Statistics, OEWS /,
    );
    expect(market.output).toMatch(/\nAlex Rivera +coder|\nAlex Rivera +Senior coder/);
    expect(market.output).toContain('\nnational: BLS OEWS ');
    const marketCsv = await marketCommand(database.db, practiceId, TODAY, { csv: true });
    expect(marketCsv.output.split('\r\n')[1]).toBe(
      'name,role,annualPay,annualised,national,state,statePercentile,setting,settingPercentile,basis,notes',
    );
  });

  it('an unreadable time sheet is exit 2 before the database is opened', async () => {
    const program = new Command('cleanclaim').exitOverride();
    registerWorkforceCommands(program);
    const saved = process.exitCode;
    await program.parseAsync(['time', 'import', '--practice', '1', join(root, 'missing.csv')], {
      from: 'user',
    });
    expect(process.exitCode).toBe(2);
    process.exitCode = saved;
  });

  it('the real cleanclaim: the reminders (exit 1)', async () => {
    await database.close();
    open = false;
    const r = cleanclaim('staff', 'reminders', '--practice', String(practiceId));
    expect(r.out).toMatch(/credential reminders? on \d{4}-\d\d-\d\d\n {2}Alex Rivera/);
    expect(r.code).toBe(1);
  }, 240_000);
});
