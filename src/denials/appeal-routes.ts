// Appeals (issue 15): templates (built-in and a manager's per category and payer), a denial's
// appeal drafted, edited, printed, sent, decided and taken to the next level; a corrected claim or
// void from a denial. Billers, managers and administrators work appeals; managers write templates.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGERS, OFFICE } from '../auth/roles.ts';
import { recordAudit } from '../audit/index.ts';
import type { ClaimLookups } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { auditRowsRead } from '../http/resource.ts';
import { todayIso } from '../shared/dates.ts';
import { notFound } from '../shared/problem.ts';
import { Cents, closed, Id, Text } from '../shared/schema.ts';
import { correctFromDenial } from './appeal-corrections.ts';
import { PLACEHOLDERS } from './appeal-letter.ts';
import { createTemplate, listTemplates, updateTemplate } from './appeal-template-store.ts';
import {
  createAppeal,
  listAppeals,
  loadAppeal,
  makeAppealPdf,
  nextLevelAppeal,
  OUTCOMES,
  recordOutcome,
  sendAppeal,
  updateAppeal,
  type AppealEnv,
} from './appeals.ts';

const tags = ['appeals'];
const ById = Type.Object({ id: Id });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Documents = Type.Array(Text(200), { maxItems: 40 });
const Letter = Type.String({ minLength: 1, maxLength: 30_000 });

const Appeal = Type.Object({
  id: Type.Integer(),
  practiceId: Type.Integer(),
  claimId: Type.Integer(),
  denialId: Type.Union([Type.Integer(), Type.Null()]),
  level: Type.Integer({ description: '1 first level, 2 second level …' }),
  templateId: Type.Union([Type.Integer(), Type.Null()]),
  letter: Type.String(),
  documents: Type.Array(Type.String()),
  hasPdf: Type.Boolean(),
  state: Type.String({ description: 'draft, sent, won, partly-won, lost' }),
  outcomeNote: Type.Union([Type.String(), Type.Null()]),
  recoveredCents: Type.Union([Type.Integer(), Type.Null()]),
  createdBy: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const Problem = Type.Object({
  code: Type.String(),
  severity: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
});
const Drafted = Type.Object({ appeal: Appeal, problems: Type.Array(Problem) });

const Template = Type.Object({
  id: Type.Integer(),
  practiceId: Type.Union([Type.Integer(), Type.Null()], { description: 'null: built in' }),
  category: Type.Union([Type.String(), Type.Null()], { description: 'null: any category' }),
  payerId: Type.Union([Type.Integer(), Type.Null()], { description: 'null: any payer' }),
  name: Type.String(),
  body: Type.String(),
  active: Type.Boolean(),
});
const TemplateFields = {
  category: Nullable(Text(40)),
  payerId: Type.Union([Id, Type.Null()]),
  name: Text(120),
  body: Letter,
  active: Type.Optional(Type.Boolean()),
};

/** lookups: the code sets and NCCI tables a corrected claim is scrubbed against. */
export function registerAppealRoutes(app: FastifyInstance, db: Db, lookups: () => ClaimLookups): void {
  const env = (request: FastifyRequest): AppealEnv => ({
    scope: request.practiceScope,
    actor: actorOf(request),
    today: todayIso(),
  });

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/appeal-templates',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Appeal templates (built-in and the practice’s own) and the placeholders a letter may use',
        querystring: Type.Object({ practiceId: Type.Optional(Id) }, closed),
      },
    },
    async (request) => {
      const scope = request.query.practiceId
        ? request.practiceScope.filter((p) => p === request.query.practiceId)
        : request.practiceScope;
      const items = await db.transaction((tx) => listTemplates(tx, scope));
      return {
        items,
        placeholders: Object.entries(PLACEHOLDERS).map(([name, p]) => ({ name, means: p.means })),
      };
    },
  );

  app.post<{
    Body: {
      practiceId: number;
      category: string | null;
      payerId: number | null;
      name: string;
      body: string;
      active?: boolean;
    };
  }>(
    '/api/appeal-templates',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'A practice’s own appeal template for a denial category and payer (null: any); unknown placeholders are refused',
        body: Type.Object({ practiceId: Id, ...TemplateFields }, closed),
        response: { 201: Template },
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.body.practiceId);
      const row = await db.transaction((tx) => createTemplate(tx, request.body, actorOf(request)));
      reply.code(201);
      return row;
    },
  );

  app.put<{
    Params: { id: number };
    Body: Partial<{
      category: string | null;
      payerId: number | null;
      name: string;
      body: string;
      active: boolean;
    }>;
  }>(
    '/api/appeal-templates/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Change a practice’s appeal template (built-in ones are not changed: write the practice’s own)',
        params: ById,
        body: Type.Partial(Type.Object(TemplateFields), closed),
        response: { 200: Template },
      },
    },
    async (request) =>
      db.transaction((tx) =>
        updateTemplate(tx, request.params.id, request.practiceScope, request.body, actorOf(request)),
      ),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/appeal-templates/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Retire a practice’s appeal template (kept for the appeals written from it, no longer chosen)',
        params: ById,
        response: { 200: Template },
      },
    },
    async (request) =>
      db.transaction((tx) =>
        updateTemplate(tx, request.params.id, request.practiceScope, { active: false }, actorOf(request)),
      ),
  );

  app.get<{ Querystring: { claimId?: number; denialId?: number } }>(
    '/api/appeals',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'A claim’s (or a denial’s) appeals, highest level first',
        querystring: Type.Object({ claimId: Type.Optional(Id), denialId: Type.Optional(Id) }, closed),
        response: { 200: Type.Object({ items: Type.Array(Appeal) }) },
      },
    },
    async (request) => {
      const items = await listAppeals(db, request.practiceScope, request.query);
      // Letters name patients: their reads are audited like other PHI lists.
      if (items.length) await auditRowsRead(db, request, 'appeal', 'list', items);
      return { items };
    },
  );

  app.post<{
    Body: { claimId: number; denialId?: number; templateId?: number; documents: string[]; letter?: string };
  }>(
    '/api/appeals',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Draft an appeal of a denied claim: the letter filled from the chosen template (or the best fit for the denial’s category and payer), or the edited letter',
        body: Type.Object(
          {
            claimId: Id,
            denialId: Type.Optional(Id),
            templateId: Type.Optional(Id),
            documents: Documents,
            letter: Type.Optional(Letter),
          },
          closed,
        ),
        response: { 201: Drafted },
      },
    },
    async (request, reply) => {
      const out = await db.transaction((tx) => createAppeal(tx, request.body, env(request)));
      reply.code(201);
      return out;
    },
  );

  app.put<{ Params: { id: number }; Body: { documents?: string[]; letter?: string; templateId?: number } }>(
    '/api/appeals/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Edit a draft appeal: its documents, its letter, or start again from another template',
        params: ById,
        body: Type.Object(
          {
            documents: Type.Optional(Documents),
            letter: Type.Optional(Letter),
            templateId: Type.Optional(Id),
          },
          closed,
        ),
        response: { 200: Drafted },
      },
    },
    async (request) =>
      db.transaction((tx) => updateAppeal(tx, request.params.id, request.body, env(request))),
  );

  app.post<{ Params: { id: number } }>(
    '/api/appeals/:id/pdf',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Make the appeal’s PDF (letterhead, letter, enclosures) from its letter as it stands and store it: the PDF comes back, or the appeal when JSON is asked for (the web UI then downloads it)',
        params: ById,
      },
    },
    async (request, reply) => {
      const pdf = await db.transaction((tx) =>
        makeAppealPdf(tx, request.params.id, env(request), new Date()),
      );
      if (request.headers.accept?.includes('application/json')) {
        const [item] = await listAppeals(db, request.practiceScope, { id: request.params.id });
        return item;
      }
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="appeal-${request.params.id}.pdf"`);
      return pdf;
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/appeals/:id/pdf',
    {
      config: { access: OFFICE },
      schema: { tags, summary: 'Download the appeal’s stored PDF', params: ById },
    },
    async (request, reply) => {
      const row = await loadAppeal(db, request.params.id, request.practiceScope);
      if (!row.pdf) throw notFound('appeal PDF (make it first)');
      await recordAudit(db, actorOf(request), {
        practiceId: row.practiceId,
        action: 'export',
        entity: 'appeal',
        entityId: row.id,
      });
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="appeal-${row.id}.pdf"`);
      return row.pdf;
    },
  );

  app.post<{ Params: { id: number } }>(
    '/api/appeals/:id/send',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Mark the appeal sent: on the claim’s history (a denied claim becomes appealed), its denial resolved as appealed',
        params: ById,
        response: { 200: Appeal },
      },
    },
    async (request) => db.transaction((tx) => sendAppeal(tx, request.params.id, env(request), new Date())),
  );

  app.post<{
    Params: { id: number };
    Body: { state: (typeof OUTCOMES)[number]; recoveredCents: number; note: string };
  }>(
    '/api/appeals/:id/outcome',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'The payer’s answer to a sent appeal: won, partly won or lost, and what it recovered',
        params: ById,
        body: Type.Object(
          {
            state: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
            recoveredCents: Cents,
            note: Type.String({ maxLength: 2000 }),
          },
          closed,
        ),
        response: { 200: Appeal },
      },
    },
    async (request) =>
      db.transaction((tx) => recordOutcome(tx, request.params.id, request.body, env(request), new Date())),
  );

  app.post<{ Params: { id: number } }>(
    '/api/appeals/:id/next-level',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'A second-level (next) appeal after a lost one: a new draft with the same documents',
        params: ById,
        response: { 201: Drafted },
      },
    },
    async (request, reply) => {
      const out = await db.transaction((tx) => nextLevelAppeal(tx, request.params.id, env(request)));
      reply.code(201);
      return out;
    },
  );

  app.post<{ Params: { id: number }; Body: { frequencyCode: '7' | '8'; reason: string } }>(
    '/api/denials/:id/correct',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Answer a denial with a corrected claim (frequency 7) or a void (8) naming the payer’s claim number from the 835; scrubbed and batched like any claim',
        params: ById,
        body: Type.Object(
          {
            frequencyCode: Type.Union([Type.Literal('7'), Type.Literal('8')]),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const out = await db.transaction((tx) =>
        correctFromDenial(
          tx,
          request.params.id,
          request.body,
          { ...env(request), lookups: lookups() },
          new Date(),
        ),
      );
      reply.code(201);
      return out;
    },
  );
}
