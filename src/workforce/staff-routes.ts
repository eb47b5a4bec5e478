// Staff records, credentials, time and credential reminders over HTTP. Anyone with a role in the
// practice may call the reads, but sees only their own record unless they manage the practice;
// changes to records are for managers, time a person may also enter for themself.
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { EVERYONE, MANAGERS } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { addDays, todayIso } from '../shared/dates.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { closed, Id, IsoDate, Nullable } from '../shared/schema.ts';
import { CredentialBody, StaffBody } from './staff-schema.ts';
import { readTimeCsv, type CredentialDraft, type StaffDraft } from './staff.ts';
import {
  addCredential,
  createStaff,
  deleteCredential,
  dismissReminder,
  enterTime,
  importTime,
  openReminders,
  practiceLogins,
  readStaff,
  readTime,
  remindersOf,
  staffMember,
  staffOfUser,
  teamFor,
  updateCredential,
  updateStaff,
  type DayWorked,
} from './staff-store.ts';
import { viewerIn } from './viewer.ts';

const tags = ['staff'];
const Practice = Type.Object({ practiceId: Id }, closed);
const ById = Type.Object({ id: Id }, closed);
const Minutes = Type.Integer({ minimum: 0, maximum: 24 * 60 });

export function registerStaffRoutes(app: FastifyInstance, db: Db, now: () => Date = () => new Date()): void {
  const today = () => todayIso(now());

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/staff',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          "The practice's staff with credentials (a manager sees everyone, audited; anyone else only their own record)",
        querystring: Practice,
      },
    },
    async (request) => {
      const viewer = viewerIn(request, request.query.practiceId);
      const items = await db.transaction((tx) => teamFor(tx, request.query.practiceId, viewer));
      return { manager: viewer.manager, items };
    },
  );

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/staff/logins',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: "The practice's logins, to link a staff record to its person (who may then see it)",
        querystring: Practice,
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.query.practiceId);
      return { items: await practiceLogins(db, request.query.practiceId) };
    },
  );

  app.get<{ Params: { id: number }; Querystring: { practiceId: number } }>(
    '/api/staff/:id',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary: "One staff record: the person's own, or anyone's for a manager (audited)",
        params: ById,
        querystring: Practice,
      },
    },
    async (request) => {
      const viewer = viewerIn(request, request.query.practiceId);
      return db.transaction((tx) => readStaff(tx, request.query.practiceId, request.params.id, viewer));
    },
  );

  app.post<{ Body: StaffDraft & { practiceId: number } }>(
    '/api/staff',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Add a staff member (pay in cents: an hourly rate, or an annual salary)',
        body: StaffBody,
      },
    },
    async (request, reply) => {
      const { practiceId, ...draft } = request.body;
      requirePracticeInScope(request, practiceId);
      const row = await db.transaction((tx) => createStaff(tx, practiceId, draft, actorOf(request)));
      return reply.code(201).send(row);
    },
  );

  app.put<{ Params: { id: number }; Body: StaffDraft & { practiceId: number } }>(
    '/api/staff/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Change a staff record (the whole record, as on the form)',
        params: ById,
        body: StaffBody,
      },
    },
    async (request) => {
      const { practiceId, ...draft } = request.body;
      requirePracticeInScope(request, practiceId);
      return db.transaction((tx) => updateStaff(tx, practiceId, request.params.id, draft, actorOf(request)));
    },
  );

  app.post<{ Params: { id: number }; Body: CredentialDraft & { practiceId: number } }>(
    '/api/staff/:id/credentials',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Add a credential (CPC, CCS, RHIT, …) with its expiry and CEUs',
        params: ById,
        body: CredentialBody,
      },
    },
    async (request, reply) => {
      const { practiceId, ...draft } = request.body;
      requirePracticeInScope(request, practiceId);
      const row = await db.transaction((tx) =>
        addCredential(tx, practiceId, request.params.id, draft, actorOf(request)),
      );
      return reply.code(201).send(row);
    },
  );

  app.put<{ Params: { id: number }; Body: CredentialDraft & { practiceId: number } }>(
    '/api/staff/credentials/:id',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Renew or correct a credential (a reminder about the old expiry closes)',
        params: ById,
        body: CredentialBody,
      },
    },
    async (request) => {
      const { practiceId, ...draft } = request.body;
      requirePracticeInScope(request, practiceId);
      return db.transaction((tx) =>
        updateCredential(tx, practiceId, request.params.id, draft, actorOf(request), today()),
      );
    },
  );

  app.delete<{ Params: { id: number }; Querystring: { practiceId: number } }>(
    '/api/staff/credentials/:id',
    {
      config: { access: MANAGERS },
      schema: { tags, summary: 'Remove a credential', params: ById, querystring: Practice },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.query.practiceId);
      await db.transaction((tx) =>
        deleteCredential(tx, request.query.practiceId, request.params.id, actorOf(request)),
      );
      return reply.code(204).send();
    },
  );

  app.get<{ Params: { id: number }; Querystring: { practiceId: number; from?: string; to?: string } }>(
    '/api/staff/:id/time',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          'Days worked and minutes by workweek (ISO weeks, Monday to Sunday; default the last 4 weeks): own, or anyone for a manager (audited)',
        params: ById,
        querystring: Type.Object(
          { practiceId: Id, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
          closed,
        ),
      },
    },
    async (request) => {
      const { practiceId } = request.query;
      const viewer = viewerIn(request, practiceId);
      const to = request.query.to ?? today();
      const from = request.query.from ?? addDays(to, -27);
      if (from > to) throw invalid([{ pointer: '/from', detail: 'after to' }]);
      return {
        from,
        to,
        ...(await db.transaction((tx) => readTime(tx, practiceId, request.params.id, from, to, viewer))),
      };
    },
  );

  app.put<{ Params: { id: number }; Body: { practiceId: number; days: DayWorked[] } }>(
    '/api/staff/:id/time',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          'Enter days worked (each replaces that day as typed before; 0 minutes clears it): a person their own, a manager anyone',
        params: ById,
        body: Type.Object(
          {
            practiceId: Id,
            days: Type.Array(
              Type.Object(
                { workDate: IsoDate, minutes: Minutes, note: Nullable(Type.String({ maxLength: 500 })) },
                closed,
              ),
              { minItems: 1, maxItems: 62 },
            ),
          },
          closed,
        ),
      },
    },
    async (request) => {
      const { practiceId, days } = request.body;
      const viewer = viewerIn(request, practiceId);
      const seen = new Set<string>();
      const errors = days.flatMap((d, i) => {
        const dup = seen.has(d.workDate);
        seen.add(d.workDate);
        return dup ? [{ pointer: `/days/${i}/workDate`, detail: 'the same day twice' }] : [];
      });
      if (errors.length) throw invalid(errors);
      return db.transaction(async (tx) => {
        if (!viewer.manager) {
          const own = viewer.actor.userId
            ? await staffOfUser(tx, practiceId, viewer.actor.userId)
            : undefined;
          if (own?.id !== request.params.id) throw notFound('staff member');
        } else if (!(await staffMember(tx, practiceId, request.params.id))) throw notFound('staff member');
        return { items: await enterTime(tx, practiceId, request.params.id, days, viewer.actor) };
      });
    },
  );

  app.post<{ Body: { practiceId: number; csv: string } }>(
    '/api/staff/time/import',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'Import a time sheet (CSV: staffId or staff, date, hours or minutes, note); any error refuses the whole sheet, each error at its row and column',
        body: Type.Object({ practiceId: Id, csv: Type.String({ maxLength: 2_000_000 }) }, closed),
      },
    },
    async (request) => {
      const { practiceId, csv } = request.body;
      requirePracticeInScope(request, practiceId);
      const { rows, errors } = readTimeCsv(csv);
      if (errors.length) throw invalid(errors);
      return db.transaction((tx) => importTime(tx, practiceId, rows, actorOf(request)));
    },
  );

  app.get<{ Querystring: { practiceId: number } }>(
    '/api/staff/reminders',
    {
      config: { access: EVERYONE },
      schema: {
        tags,
        summary:
          'Credentials expired or expiring within 90 days, or short of CEUs, soonest first (a manager: the staff; anyone else: their own), and the reminders the daily job opened',
        querystring: Practice,
      },
    },
    async (request) => {
      const { practiceId } = request.query;
      const viewer = viewerIn(request, practiceId);
      const all = await remindersOf(db, practiceId, today());
      if (viewer.manager) return { today: today(), items: all, open: await openReminders(db, practiceId) };
      const own = viewer.actor.userId ? await staffOfUser(db, practiceId, viewer.actor.userId) : undefined;
      return { today: today(), items: all.filter((r) => r.staffId === own?.id), open: [] };
    },
  );

  app.post<{ Params: { id: number }; Body: { practiceId: number } }>(
    '/api/staff/reminders/:id/dismiss',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: 'Dismiss an open credential reminder (seen to)',
        params: ById,
        body: Practice,
      },
    },
    async (request) => {
      const { practiceId } = request.body;
      requirePracticeInScope(request, practiceId);
      await db.transaction((tx) =>
        dismissReminder(tx, practiceId, request.params.id, actorOf(request), today()),
      );
      return { dismissed: request.params.id };
    },
  );
}
