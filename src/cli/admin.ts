import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../auth/roles.ts';
import { DEMO_DEFAULTS } from '../demo/defaults.ts';
import { intOption } from './options.ts';

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('user accounts');
  user
    .command('add')
    .description(
      'add a user with a role in a practice (password from CLEANCLAIM_NEW_USER_PASSWORD, or a random one printed once)',
    )
    .requiredOption('--email <email>', 'login email')
    .option('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role in the practice').choices(ROLES).makeOptionMandatory())
    .requiredOption('--practice <id>', 'practice id the role is granted in', intOption)
    .action(async (opts: { email: string; name?: string; role: Role; practice: number }) => {
      const [
        { recordAudit, SYSTEM_ACTOR },
        { MIN_PASSWORD_LENGTH },
        { createUser, findUserByEmail },
        { withDatabase },
      ] = await Promise.all([
        import('../audit/index.ts'),
        import('../auth/schema.ts'),
        import('../auth/index.ts'),
        import('./database.ts'),
      ]);
      await withDatabase(async (database) => {
        if (await findUserByEmail(database.db, opts.email))
          throw new Error(`a user ${opts.email} already exists`);
        const password = process.env.CLEANCLAIM_NEW_USER_PASSWORD ?? randomBytes(12).toString('base64url');
        if (password.length < MIN_PASSWORD_LENGTH)
          throw new Error(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
        const id = await database.db.transaction(async (tx) => {
          const userId = await createUser(tx, {
            email: opts.email,
            name: opts.name ?? opts.email,
            password,
            grants: [{ practiceId: opts.practice, role: opts.role }],
          });
          await recordAudit(tx, SYSTEM_ACTOR, {
            practiceId: opts.practice,
            action: 'create',
            entity: 'user',
            entityId: userId,
            after: { email: opts.email, role: opts.role },
            detail: { via: 'cli' },
          });
          return userId;
        });
        console.log(`user ${id} ${opts.email}: ${opts.role} in practice ${opts.practice}`);
        if (!process.env.CLEANCLAIM_NEW_USER_PASSWORD) console.log(`one-time password: ${password}`);
      });
    });

  program
    .command('demo')
    .description('synthetic demo data')
    .command('seed')
    .description("load a synthetic demo practice through the job queue (no real person's data)")
    .option('--patients <n>', 'patients', intOption, DEMO_DEFAULTS.patients)
    .option('--encounters <n>', 'encounters over the last six months', intOption, DEMO_DEFAULTS.encounters)
    .option('--seed <s>', 'random seed: the same seed gives the same practice', intOption, DEMO_DEFAULTS.seed)
    .option('--hospital', 'a hospital billing UB-04s (837I) instead of a physician group')
    .action(async (opts: { patients: number; encounters: number; seed: number; hospital?: boolean }) => {
      const [{ loadConfig }, { openSystemDatabase, startQueue }] = await Promise.all([
        import('../server/config.ts'),
        import('../server/system.ts'),
      ]);
      const database = await openSystemDatabase(loadConfig());
      const queue = await startQueue(database, true);
      try {
        const admins = await database.sql.executeSql('select id from app_user where installation_admin');
        const id = await queue.enqueue(
          'demo.seed',
          {
            seed: opts.seed,
            patients: opts.patients,
            encounters: opts.encounters,
            kind: opts.hospital ? 'hospital' : 'clinic',
            adminUserIds: admins.rows.map((r) => Number(r.id)),
          },
          { practiceId: null, requestedBy: null },
        );
        console.log(`job ${id} queued: demo.seed`);
        const result = await queue.waitFor('demo.seed', id);
        console.log(`job ${id} ${result.state}: ${JSON.stringify(result.output)}`);
        if (result.state !== 'completed') process.exitCode = 1;
      } finally {
        await queue.stop();
        await database.close();
      }
    });

  program
    .command('jobs')
    .description('background jobs')
    .command('list')
    .description('recent jobs with state and progress')
    .action(async () => {
      const [{ listJobs }, { withDatabase }] = await Promise.all([
        import('../jobs/index.ts'),
        import('./database.ts'),
      ]);
      await withDatabase(async (database) => {
        const { rows } = await database.sql.executeSql('select id from practice');
        const jobs = await listJobs(
          database.sql,
          rows.map((r) => Number(r.id)),
          true,
        );
        if (jobs.length === 0) console.log('no jobs');
        for (const j of jobs) {
          const progress = j.total ? `${j.done}/${j.total}` : String(j.done);
          console.log(
            `${j.createdOn}  ${j.id}  ${j.queue.padEnd(16)} ${j.state.padEnd(10)} ${progress.padEnd(12)} ${j.message ?? ''}`,
          );
        }
      });
    });
}
