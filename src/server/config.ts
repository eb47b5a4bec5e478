// Settings come from the environment only; secrets are read here and never logged.
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: the owner's connection, used by `cleanclaim migrate` (DATABASE_URL if unset). */
  databaseOwnerUrl: string | undefined;
  /** PostgreSQL: the password `cleanclaim migrate` gives the cleanclaim_app role (else NOLOGIN). */
  appDbPassword: string | undefined;
  dataDir: string;
  codesetsDir: string | undefined;
  /** BLS wage files imported at start when none are (CLEANCLAIM_SALARY_DIR; `npm start` uses ../shared/salary). */
  salaryDir: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  seedDemo: boolean;
  runWorkers: boolean;
  /** Nightly backups of the embedded database kept in DATA/backups (0: none). */
  backupsKeep: number;
  /** Local hour of the nightly backup. */
  backupHour: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || undefined,
    appDbPassword: env.CLEANCLAIM_APP_DB_PASSWORD || undefined,
    dataDir: env.CLEANCLAIM_DATA_DIR ?? './data',
    codesetsDir: env.CLEANCLAIM_CODESETS_DIR || undefined,
    salaryDir: env.CLEANCLAIM_SALARY_DIR || undefined,
    adminEmail: env.CLEANCLAIM_ADMIN_EMAIL ?? 'admin@cleanclaim.local',
    adminPassword: env.CLEANCLAIM_ADMIN_PASSWORD || undefined,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionMaxHours: Number(env.SESSION_MAX_HOURS ?? 12),
    trustProxy: env.TRUST_PROXY === 'true',
    seedDemo: env.CLEANCLAIM_DEMO !== 'false',
    runWorkers: env.CLEANCLAIM_WORKERS !== 'false',
    backupsKeep: Number(env.CLEANCLAIM_BACKUPS_KEEP ?? 7),
    backupHour: Number(env.CLEANCLAIM_BACKUP_HOUR ?? 2),
  };
}
