import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit, recordAudits } from '../../audit/index.ts';
import { EVERYONE, MANAGERS, OFFICE } from '../../auth/roles.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../../http/access.ts';
import { todayIso } from '../../shared/dates.ts';
import { notFound } from '../../shared/problem.ts';
import { Cents, closed, Id, Text } from '../../shared/schema.ts';
import {
  findRun,
  listRuns,
  runStatements,
  statementCandidates,
  statementSettingsOf,
  statementsOf,
} from './run.ts';
import { renderStatementsPdf } from './statement-pdf.ts';
import type { patientStatement } from './tables.ts';
import { statementSettings } from './tables.ts';

const tags = ['statements'];
const ByPractice = Type.Object({ practiceId: Id }, closed);
const SettingsFields = {
  minimumBalanceCents: Cents,
  daysBetweenStatements: Type.Integer({ minimum: 0, maximum: 365 }),
  dueInDays: Type.Integer({ minimum: 0, maximum: 120 }),
  howToPay: Text(600),
};
const Settings = Type.Object({ practiceId: Id, ...SettingsFields });

export interface StatementRouteOptions {
  /** "Today" for statement runs; the clock unless a test fixes it. */
  today?: () => string;
}

/** Patient statements: the practice's rules, runs (preview, then run), and the PDFs as mailed. */
export function registerStatementRoutes(
  app: FastifyInstance,
  db: Db,
  options: StatementRouteOptions = {},
): void {
  const today = options.today ?? (() => todayIso());

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/statements/settings',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "The practice's statement rules (defaults until set)",
        querystring: ByPractice,
        response: { 200: Settings },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.query.practiceId);
      return {
        practiceId: request.query.practiceId,
        ...(await statementSettingsOf(db, request.query.practiceId)),
      };
    },
  );

  app.put<{ Body: typeof Settings.static }>(
    '/api/statements/settings',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Set the statement rules',
        body: Type.Object({ practiceId: Id, ...SettingsFields }, closed),
        response: { 200: Settings },
      },
    },
    async (request) => {
      const { practiceId, ...values } = request.body;
      requirePracticeInScope(request, practiceId);
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(statementSettings)
          .where(eq(statementSettings.practiceId, practiceId));
        const [after] = await tx
          .insert(statementSettings)
          .values({ practiceId, ...values })
          .onConflictDoUpdate({
            target: statementSettings.practiceId,
            set: { ...values, updatedAt: new Date() },
          })
          .returning();
        await recordAudit(tx, actorOf(request), {
          practiceId,
          action: before ? 'update' : 'create',
          entity: 'statement_settings',
          entityId: after!.id,
          before: before ?? null,
          after,
        });
        return { practiceId, ...values };
      });
    },
  );

  app.post<{ Body: { practiceId: number; preview?: boolean } }>(
    '/api/statements/runs',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Bill every patient due a statement today (minimum balance, days since the last statement); with preview, say who would be billed and store nothing',
        body: Type.Object({ practiceId: Id, preview: Type.Optional(Type.Boolean()) }, closed),
      },
    },
    async (request, reply) => {
      const { practiceId, preview } = request.body;
      requirePracticeInScope(request, practiceId);
      const day = today();
      if (preview) {
        const { settings, candidates } = await statementCandidates(db, practiceId, day);
        return {
          statementDate: day,
          settings,
          count: candidates.length,
          totalDueCents: candidates.reduce((s, c) => s + c.amountDueCents, 0),
          patients: candidates,
        };
      }
      const run = await db.transaction((tx) => runStatements(tx, practiceId, day, actorOf(request)));
      reply.code(201);
      return run;
    },
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/statements/runs',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Statement runs, newest first',
        querystring: Type.Object({ practiceId: Type.Optional(Id) }, closed),
      },
    },
    async (request) => listRuns(db, request.practiceScope, request.query.practiceId),
  );

  app.get<{ Params: { id: number } }>(
    '/api/statements/runs/:id(^\\d+)',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'A run and its statements', params: Type.Object({ id: Id }) },
    },
    async (request) => {
      const run = await findRun(db, request.params.id, request.practiceScope);
      if (!run) throw notFound('statement run');
      const rows = await statementsOf(db, { runId: run.id }, request.practiceScope);
      await recordAudit(db, actorOf(request), {
        practiceId: run.practiceId,
        action: 'list',
        entity: 'patient_statement',
        entityId: run.id,
        detail: { runId: run.id, patientIds: rows.map((r) => r.patientId) },
      });
      return {
        ...run,
        statements: rows.map((r) => ({
          id: r.id,
          patientId: r.patientId,
          patientName: r.content.patientName,
          accountNumber: r.content.patient.accountNumber,
          amountDueCents: r.amountDueCents,
          statementDate: r.statementDate,
        })),
      };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/statements/runs/:id(^\\d+).pdf',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: "A run's statements in one PDF, to print and mail",
        params: Type.Object({ id: Id }),
      },
    },
    async (request, reply) => {
      const run = await findRun(db, request.params.id, request.practiceScope);
      if (!run) throw notFound('statement run');
      const rows = await statementsOf(db, { runId: run.id }, request.practiceScope);
      return sendPdf(request, reply, rows, `statements-run-${run.id}.pdf`, run.createdAt);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/statements/:id(^\\d+).pdf',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'One patient statement as mailed', params: Type.Object({ id: Id }) },
    },
    async (request, reply) => {
      const rows = await statementsOf(db, { id: request.params.id }, request.practiceScope);
      if (rows.length === 0) throw notFound('statement');
      const r = rows[0]!;
      return sendPdf(
        request,
        reply,
        rows,
        `statement-${r.content.patient.accountNumber}-${r.statementDate}.pdf`,
        r.createdAt,
      );
    },
  );

  async function sendPdf(
    request: Parameters<typeof actorOf>[0],
    reply: FastifyReply,
    rows: (typeof patientStatement.$inferSelect)[],
    file: string,
    createdAt: Date,
  ) {
    if (rows.length === 0) throw notFound('statement');
    const pdf = await renderStatementsPdf(
      rows.map((r) => r.content),
      { creationDate: createdAt },
    );
    // a statement is PHI leaving the system: one event per patient
    await recordAudits(
      db,
      actorOf(request),
      rows.map((r) => ({
        practiceId: r.practiceId,
        action: 'export',
        entity: 'patient_statement',
        entityId: r.id,
        detail: { patientId: r.patientId, runId: r.runId, format: 'pdf' },
      })),
    );
    reply.type('application/pdf').header('content-disposition', `inline; filename="${file}"`);
    return pdf;
  }
}
