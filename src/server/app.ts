import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import staticFiles from '@fastify/static';
import { Type } from '@sinclair/typebox';
import { registerAuthRoutes } from '../auth/routes.ts';
import { registerAuditRoutes } from '../audit/routes.ts';
import { recordAudit } from '../audit/index.ts';
import { resumeSession } from '../auth/index.ts';
import { practicesWithRole } from '../auth/roles.ts';
import { registerClaimRoutes } from '../claims/routes.ts';
import { registerBatchRoutes } from '../claims/batch-routes.ts';
import { registerAcknowledgmentRoutes } from '../claims/acks/routes.ts';
import { NcciCatalog } from '../scrubber/index.ts';
import { CodeSetCatalog } from '../codesets/catalog.ts';
import { registerCodesetRoutes } from '../codesets/routes.ts';
import { registerCodingSuggestRoutes } from '../coding/suggest/route.ts';
import { registerCodingReviewRoutes } from '../coding/review-routes.ts';
import { registerCodingRoutes } from '../coding/workspace-routes.ts';
import { registerChartPriorityRoutes } from '../coding/priority-routes.ts';
import type { Database } from '../db/connection.ts';
import { registerEncounterRoutes } from '../encounters/routes.ts';
import { registerChartRoutes } from '../charts/routes.ts';
import { registerJobRoutes } from '../jobs/routes.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { registerPatientRoutes } from '../patients/routes.ts';
import { registerPayerRoutes } from '../payers/routes.ts';
import { registerScrubberRoutes } from '../scrubber/routes.ts';
import { registerPracticeRoutes } from '../practices/routes.ts';
import { registerLedgerRoutes } from '../ledger/routes.ts';
import { registerStatementRoutes } from '../ledger/statements/routes.ts';
import { registerArRoutes } from '../ledger/ar/routes.ts';
import { registerRemitRoutes } from '../remits/routes.ts';
import { registerDenialRoutes } from '../denials/routes.ts';
import { registerWorkQueueRoutes } from '../denials/work-queue-routes.ts';
import { registerWriteOffRoutes } from '../ledger/write-off-routes.ts';
import { registerDashboardRoutes } from '../denials/dashboard-routes.ts';
import { registerAppealRoutes } from '../denials/appeal-routes.ts';
import { registerDenialQueueRoutes } from '../denials/queue-routes.ts';
import { registerClaimStatusRoutes } from '../claims/status/routes.ts';
import { registerClearinghouseRoutes } from '../clearinghouse/routes.ts';
import { registerEligibilityRoutes } from '../eligibility/routes.ts';
import {
  registerOperatingRoutes,
  registerPayoutRoutes,
  registerStaffRoutes,
  registerWageRoutes,
} from '../workforce/index.ts';
import { submitterEnvelope } from '../claims/index.ts';
import { sendRealtime } from '../clearinghouse/index.ts';
import { queueOutboundUpload } from '../clearinghouse/jobs.ts';
import { registerAccessControl } from '../http/access.ts';
import { registerAuditTrail } from '../http/audit-trail.ts';
import { compileValidator } from '../http/ajv.ts';
import { lazySerializers } from '../http/serializer.ts';
import { frameworkError, registerErrorHandling } from '../http/errors.ts';
import { registerHostileInputCheck } from '../http/hostile-input.ts';
import { loggerOptions, type LogStream } from './logging.ts';
import { VERSION } from './version.ts';
import { formats } from '../shared/formats.ts';

export interface AppOptions {
  database: Database;
  queue: JobQueue;
  sessionIdleMinutes?: number;
  sessionMaxHours?: number;
  trustProxy?: boolean;
  logger?: boolean;
  /** Log lines go here instead of stdout (tests read the log back). */
  logStream?: LogStream;
  /** The imported code sets (lookups, search, and what the scrubber checks codes against). */
  catalog?: CodeSetCatalog;
  /** The imported NCCI PTP and MUE tables. */
  ncci?: NcciCatalog;
  /** The folder POST /api/codesets/import reads (CLEANCLAIM_CODESETS_DIR). */
  codesetsDir?: string | undefined;
  /** How long POST /api/batches waits for its job before answering 202 (tests shorten it). */
  batchWaitMs?: number;
  /** Built web UI to serve at / (web/dist); skipped when absent. */
  webRoot?: string;
  /** Settles when the catalogs have loaded (the server listens before that); never rejects. */
  codeSetsReady?: Promise<unknown>;
}

/** Routes that look codes up or scrub claims: they wait for the code sets loaded at start. */
const NEEDS_CODE_SETS = /^\/api\/(codes|codesets|claims|coding\/(suggest|charts))(\/|\?|$)/;

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, queue } = options;
  const app = Fastify({
    logger: options.logger || options.logStream ? loggerOptions(options.logStream) : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1_048_576,
    frameworkErrors: frameworkError,
    // The response serializer validates unions with its own ajv: teach it our string formats too.
    serializerOpts: {
      ajv: { formats: Object.fromEntries(Object.entries(formats).map(([name, f]) => [name, f.check])) },
    },
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  });
  app.setValidatorCompiler(compileValidator);
  registerErrorHandling(app);
  registerHostileInputCheck(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'cleanclaim API',
        version: VERSION,
        description: 'Medical billing and coding: master data, encounters, audit trail, jobs.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cleanclaim_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // The toolkit knows sessions, roles and the audit trail only through what the wiring hands it.
  const idleMinutes = options.sessionIdleMinutes ?? 30;
  registerAccessControl(app, {
    resumeSession: (token) => resumeSession(database.db, token, idleMinutes),
    practicesWithRole,
  });
  registerAuditTrail(app, recordAudit);
  const codeSetsReady = options.codeSetsReady;
  // Rather than answer "code sets not loaded" while they load in the background after a start.
  if (codeSetsReady)
    app.addHook('preHandler', async (request) => {
      if (NEEDS_CODE_SETS.test(request.url)) await codeSetsReady;
    });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        response: {
          200: Type.Object({
            status: Type.String(),
            version: Type.String(),
            database: Type.Object({ engine: Type.String(), ok: Type.Boolean(), latencyMs: Type.Number() }),
          }),
        },
      },
    },
    async () => {
      const started = performance.now();
      const ok = await database.sql.executeSql('select 1 as ok').then(
        () => true,
        () => false,
      );
      return {
        status: ok ? 'ok' : 'degraded',
        version: VERSION,
        database: {
          engine: database.engine,
          ok,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        },
      };
    },
  );
  registerAuthRoutes(app, database.db, { sessionMaxHours: options.sessionMaxHours ?? 12 });
  registerPracticeRoutes(app, database.db);
  registerPayerRoutes(app, database.db);
  registerScrubberRoutes(app, database.db);
  registerPatientRoutes(app, database.db);
  registerEncounterRoutes(app, database.db);
  registerChartRoutes(app, database.db);
  const catalog = options.catalog ?? new CodeSetCatalog(database);
  registerCodesetRoutes(app, catalog, queue, options.codesetsDir);
  registerCodingSuggestRoutes(app, database.db, catalog, { buildIndexAfter: codeSetsReady });
  registerCodingReviewRoutes(app, database.db);
  const ncci = options.ncci ?? new NcciCatalog(database);
  const claimLookups = () => ({ codes: catalog.codeChecker(), ncci: ncci.tables() });
  registerClaimRoutes(app, database.db, claimLookups);
  registerCodingRoutes(app, database.db, claimLookups);
  registerChartPriorityRoutes(app, database.db);
  registerBatchRoutes(app, database.db, queue, { waitMs: options.batchWaitMs });
  registerAcknowledgmentRoutes(app, database.db);
  registerAuditRoutes(app, database.db);
  registerJobRoutes(app, database, queue);
  registerLedgerRoutes(app, database.db);
  registerStatementRoutes(app, database.db);
  registerArRoutes(app, database.db);
  registerRemitRoutes(app, database.db, claimLookups);
  registerDenialRoutes(app, database.db);
  registerWorkQueueRoutes(app, database.db);
  registerWriteOffRoutes(app, database.db);
  registerDashboardRoutes(app, database.db);
  registerAppealRoutes(app, database.db, claimLookups);
  registerDenialQueueRoutes(app, database.db);
  registerClaimStatusRoutes(app, database.db, queue);
  // A 270 goes out under the claims' ISA ids, real-time when the practice has an http connection;
  // a written batch is queued for upload at once (eligibility imports neither claims nor the clearinghouse).
  registerEligibilityRoutes(app, database.db, {
    envelope: submitterEnvelope,
    realtime: sendRealtime,
    written: (practiceId, kind, batchId, actor) =>
      queueOutboundUpload(practiceId, kind, batchId, { database, enqueue: queue.enqueue.bind(queue) }, actor),
  });
  registerClearinghouseRoutes(app, database.db, queue, {
    dataDir: process.env.CLEANCLAIM_DATA_DIR ?? './data',
  });
  registerWageRoutes(app, database.db);
  registerPayoutRoutes(app, database.db);
  registerStaffRoutes(app, database.db);
  registerOperatingRoutes(app, database.db);
  await serveWebUi(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}

/** The single-page web UI: files from web/dist, and index.html for any other non-API path. */
async function serveWebUi(app: FastifyInstance, root: string) {
  if (!existsSync(root)) return;
  await app.register(staticFiles, { root, wildcard: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
