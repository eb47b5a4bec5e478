import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR, recordAudit } from '../audit/index.ts';
import { countUsers, createUser } from '../auth/index.ts';
import { openDatabase, type Database } from '../db/connection.ts';
import { migrateOrCheck } from '../db/roles.ts';
import { serveDatabase } from '../db/pglite-serve.ts';
import { scheduleNightlyBackups } from '../db/backup.ts';
import { seedDemo } from '../demo/seed.ts';
import { seedDemoCharts } from '../demo/charts.ts';
import { createJobs } from './jobs.ts';
import type { CodeSetCatalog } from '../codesets/catalog.ts';
import { storedReleases } from '../codesets/storage/load.ts';
import { detectReleases } from '../codesets/release/detect.ts';
import { noCodesetsMessage } from '../codesets/release/missing.ts';
import { JobQueue } from '../jobs/queue.ts';
import { scheduleClearinghousePolls } from '../clearinghouse/schedule.ts';
import { startHl7Intake } from '../charts/hl7/index.ts';
import { scheduleStatusInquiries } from '../claims/index.ts';
import { REFRESH_QUEUES_JOB } from '../denials/work-queue-refresh.ts';
import { scheduleDaily } from '../jobs/daily.ts';
import { countPractices } from '../practices/lookup.ts';
import { todayIso } from '../shared/dates.ts';
import type { Config } from './config.ts';
import { DEMO_DEFAULTS, DEMO_HOSPITAL } from '../demo/defaults.ts';
import { CREDENTIAL_REMINDERS_JOB, demoTeam, hasWageData, importWageDir } from '../workforce/index.ts';
import { seedDemoTeam } from '../demo/team.ts';

export { DEMO_DEFAULTS, DEMO_HOSPITAL };

/**
 * The server owns the embedded database (refusing when another process holds it) and serves it to
 * the CLI over a local socket, with nightly backups; any other command is a client of a running
 * server or, when none runs, opens the files itself for its own run.
 */
export async function openSystemDatabase(
  config: Config,
  role: 'server' | 'worker' | 'command' = 'command',
): Promise<Database> {
  if (role === 'worker' && !config.databaseUrl)
    throw new Error(
      'cleanclaim worker needs DATABASE_URL (a PostgreSQL server): on the embedded database the server runs the jobs itself',
    );
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: `${config.dataDir}/db`,
    mode: role === 'server' ? 'own' : 'any',
  });
  try {
    // On PostgreSQL the application role may not migrate: it checks, `cleanclaim migrate` applies.
    await migrateOrCheck(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  if (role !== 'server' || !database.owner) return database;
  const stopServing = await serveDatabase(database.owner);
  const backups = scheduleNightlyBackups(database, {
    dir: `${config.dataDir}/backups`,
    keep: config.backupsKeep,
    hour: config.backupHour,
    log: (line) => console.log(`cleanclaim: ${line}`),
  });
  return {
    ...database,
    async close() {
      backups.stop();
      // The socket first: its clients' open transactions roll back before the files close.
      await stopServing();
      await database.close();
    },
  };
}

/**
 * First start: create the admin (password from CLEANCLAIM_ADMIN_PASSWORD, or a random one
 * printed once) and load the demo practice when the database holds no practice yet.
 */
export async function prepareFirstStart(
  database: Database,
  config: Config,
  print: (line: string) => void,
): Promise<void> {
  let adminId: number | undefined;
  let password = '';
  if ((await countUsers(database.db)) === 0) {
    password = config.adminPassword ?? randomBytes(12).toString('base64url');
    adminId = await createUser(database.db, {
      email: config.adminEmail,
      name: 'Administrator',
      password,
      grants: [],
      installationAdmin: true,
    });
    await recordAudit(database.db, SYSTEM_ACTOR, {
      practiceId: null,
      action: 'create',
      entity: 'user',
      entityId: adminId,
      after: { email: config.adminEmail, role: 'admin' },
    });
    print(`Administrator: ${config.adminEmail}`);
    if (!config.adminPassword)
      print(`One-time admin password (shown once; change it after logging in): ${password}`);
  }
  if ((await countPractices(database.db)) === 0 && config.seedDemo && adminId !== undefined) {
    const practiceId = await seedDemo(
      database,
      { ...DEMO_DEFAULTS, asOf: todayIso(), sandbox: config.dataDir },
      SYSTEM_ACTOR,
      [adminId],
    );
    print(
      `Loaded the demo practice (id ${practiceId}): ${DEMO_DEFAULTS.patients} patients, ${DEMO_DEFAULTS.encounters} encounters.`,
    );
    const charts = await seedDemoCharts(database, practiceId, SYSTEM_ACTOR);
    if (charts > 0) print(`Put ${charts} demo charts with notes on the coding queue.`);
    // The demo coders and billers log in with the administrator's password (shown above, once).
    const team = await seedDemoTeam(
      database,
      practiceId,
      SYSTEM_ACTOR,
      todayIso(),
      {
        adminEmail: config.adminEmail,
        password,
      },
      { userId: adminId, userEmail: config.adminEmail, ip: null },
    );
    print(
      `Added a demo team of ${demoTeam().length} with credentials, eight weeks of time worked, ${team.charts} charts coded and a payout run; ` +
        `their logins (the administrator's password): ${team.logins.map((l) => `${l.email} (${l.role})`).join(', ')}.`,
    );
    const hospitalId = await seedDemo(
      database,
      { ...DEMO_HOSPITAL, asOf: todayIso(), sandbox: config.dataDir },
      SYSTEM_ACTOR,
      [adminId],
    );
    print(
      `Loaded the demo hospital (id ${hospitalId}): ${DEMO_HOSPITAL.patients} patients, ${DEMO_HOSPITAL.encounters} stays and visits billed on UB-04s.`,
    );
  }
  // The salary explorer's BLS files, once (public data, not part of any practice).
  if (config.salaryDir && !(await hasWageData(database.db))) {
    const files = await importWageDir(database.db, config.salaryDir, SYSTEM_ACTOR);
    const rows = files.filter((f) => f.outcome === 'imported').reduce((n, f) => n + f.rows, 0);
    print(`Loaded the BLS wage files of ${config.salaryDir}: ${files.length} files, ${rows} rows.`);
  }
}

export async function startQueue(
  database: Database,
  work: boolean,
  catalog?: CodeSetCatalog,
): Promise<JobQueue> {
  const queue = new JobQueue(
    database,
    createJobs({ onCodesetsImported: () => catalog?.reload() ?? Promise.resolve() }),
  );
  await queue.start({ work });
  if (work) {
    const stopPolls = scheduleClearinghousePolls(queue, Number(process.env.CLEANCLAIM_POLL_SECONDS ?? 60));
    // The daily 276s for claims waiting too long for their 835 (CLEANCLAIM_STATUS_HOUR UTC, -1 turns it off).
    const stopStatus = scheduleStatusInquiries(queue, Number(process.env.CLEANCLAIM_STATUS_HOUR ?? 6));
    // The work queues rebuilt each day (CLEANCLAIM_QUEUES_HOUR UTC, default 5; -1 turns it off).
    const stopQueues = scheduleDaily(
      queue,
      REFRESH_QUEUES_JOB,
      Number(process.env.CLEANCLAIM_QUEUES_HOUR ?? 5),
    );
    // Credential reminders opened each day (CLEANCLAIM_REMINDERS_HOUR UTC, default 5; -1 turns it off).
    const stopReminders = scheduleDaily(
      queue,
      CREDENTIAL_REMINDERS_JOB,
      Number(process.env.CLEANCLAIM_REMINDERS_HOUR ?? 5),
    );
    // HL7 v2 from the EHR: the inbound folder's polls and the MLLP listener, when configured.
    const stopHl7 = await startHl7Intake(database, queue);
    const stop = queue.stop.bind(queue);
    queue.stop = async () => {
      await stopHl7();
      stopPolls();
      stopStatus();
      stopQueues();
      stopReminders();
      await stop();
    };
  }
  return queue;
}

/** On first start, import the code sets of the configured folder as a background job. */
export async function importCodesetsOnFirstStart(
  database: Database,
  queue: JobQueue,
  config: Config,
  print: (line: string) => void,
): Promise<void> {
  if ((await storedReleases(database.db)).length > 0) return;
  const found = config.codesetsDir ? await detectReleases(config.codesetsDir).catch(() => []) : [];
  if (found.length === 0) return print(noCodesetsMessage(config.codesetsDir));
  const id = await queue.enqueue(
    'codesets.import',
    { dir: config.codesetsDir },
    { practiceId: null, requestedBy: null },
  );
  print(`Importing the code sets in ${config.codesetsDir} in the background (job ${id}); see Admin → Jobs.`);
}
