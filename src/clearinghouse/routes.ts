import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { ADMINS, OFFICE } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { conflict } from '../shared/problem.ts';
import { closed, Id } from '../shared/schema.ts';
import {
  confirmHostKey,
  connectionRow,
  createConnection,
  listConnections,
  testConnection,
  updateConnection,
  type ConnectionInput,
} from './connections.ts';
import { inboxFile, listInbox } from './inbound.ts';
import { listRealtimeExchanges } from './realtime.ts';
import { registerUploadRoutes } from './upload-routes.ts';

const tags = ['clearinghouse'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const ConnectionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Union([Type.Literal('sftp'), Type.Literal('folder'), Type.Literal('http')]),
    /** http: the real-time endpoint (https://…); its token or password goes in `password`. */
    url: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    host: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
    port: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 65535 }), Type.Null()])),
    username: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    authMethod: Type.Optional(Type.Union([Type.Literal('password'), Type.Literal('key'), Type.Null()])),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
    privateKey: Type.Optional(Type.String({ maxLength: 20_000 })),
    passphrase: Type.Optional(Type.String({ maxLength: 1000 })),
    outboundDir: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    inboundDirs: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 10 }),
    ),
  },
  closed,
);

/** A connection as the API shows it: a credential is only "set" or null, never its value. */
const Connection = Type.Object({
  id: Id,
  practiceId: Id,
  name: Type.String(),
  kind: Type.String(),
  url: Nullable(Type.String()),
  host: Nullable(Type.String()),
  port: Type.Union([Type.Integer(), Type.Null()]),
  username: Nullable(Type.String()),
  authMethod: Nullable(Type.String()),
  password: Type.Union([Type.Literal('set'), Type.Null()]),
  privateKey: Type.Union([Type.Literal('set'), Type.Null()]),
  passphrase: Type.Union([Type.Literal('set'), Type.Null()]),
  outboundDir: Type.String(),
  inboundDirs: Type.Array(Type.String()),
  hostKeyFingerprint: Nullable(Type.String()),
  hostKeyConfirmed: Type.Boolean(),
  lastPolledAt: Nullable(Type.String()),
});

const TestResult = Type.Object({
  ok: Type.Boolean(),
  folders: Type.Optional(
    Type.Array(Type.Object({ folder: Type.String(), files: Type.Array(Type.String()) })),
  ),
  hostKeyFingerprint: Nullable(Type.String()),
  hostKeyConfirmed: Type.Optional(Type.Boolean()),
  failure: Type.Optional(Type.String()),
  detail: Type.Optional(Type.String()),
  /** http: the status the endpoint answered the test's GET with. */
  status: Type.Optional(Type.Integer()),
});

const RealtimeExchange = Type.Object({
  id: Id,
  connectionId: Id,
  connectionName: Type.String(),
  transactionType: Type.String(),
  request: Type.String(),
  response: Nullable(Type.String()),
  httpStatus: Type.Union([Type.Integer(), Type.Null()]),
  error: Nullable(Type.String()),
  startedAt: Type.String(),
  milliseconds: Type.Union([Type.Integer(), Type.Null()]),
});

const InboxRow = Type.Object({
  id: Id,
  connectionId: Id,
  connectionName: Type.String(),
  name: Type.String(),
  receivedAt: Type.String(),
  sha256: Type.String(),
  transactionType: Nullable(Type.String()),
  guide: Nullable(Type.String()),
  state: Type.String(),
  outcome: Nullable(Type.String()),
  processedAt: Nullable(Type.String()),
  size: Type.Integer(),
});

const PracticeParams = Type.Object({ practiceId: Id }, closed);
const ItemParams = Type.Object({ practiceId: Id, id: Id }, closed);
type Item = Static<typeof ItemParams>;

export function registerClearinghouseRoutes(
  app: FastifyInstance,
  db: Db,
  queue: JobQueue,
  options: { dataDir: string },
): void {
  const base = '/api/practices/:practiceId/connections';
  registerUploadRoutes(app, db, queue);
  app.get<{ Params: Static<typeof PracticeParams> }>(
    base,
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: "The practice's clearinghouse connections",
        params: PracticeParams,
        response: { 200: Type.Array(Connection) },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.params.practiceId);
      return listConnections(db, request.params.practiceId);
    },
  );
  app.post<{ Params: Static<typeof PracticeParams>; Body: ConnectionInput }>(
    base,
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary:
          'Add a connection (SFTP, a folder pair, or a real-time http endpoint); credentials are stored encrypted and never returned',
        params: PracticeParams,
        body: ConnectionBody,
        response: { 201: Connection },
      },
    },
    async (request, reply) => {
      requirePracticeInScope(request, request.params.practiceId);
      reply.code(201);
      return createConnection(db, request.params.practiceId, request.body, actorOf(request));
    },
  );
  app.put<{ Params: Item; Body: ConnectionInput }>(
    `${base}/:id`,
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary:
          'Edit a connection (credentials left out stay as they are; a new host forgets the pinned key)',
        params: ItemParams,
        body: ConnectionBody,
        response: { 200: Connection },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.params.practiceId);
      return updateConnection(
        db,
        request.params.practiceId,
        request.params.id,
        request.body,
        actorOf(request),
      );
    },
  );
  app.post<{ Params: Item }>(
    `${base}/:id/test`,
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary:
          'Connect and list the folders; on first use the host key seen is pinned for confirmation (http: a GET of the endpoint, no patient data)',
        params: ItemParams,
        response: { 200: TestResult },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.params.practiceId);
      return testConnection(db, request.params.practiceId, request.params.id, options);
    },
  );
  app.post<{ Params: Item; Body: { fingerprint: string } }>(
    `${base}/:id/confirm-host-key`,
    {
      config: { access: ADMINS },
      schema: {
        tags,
        summary: 'Confirm the pinned host key fingerprint: only then is an SFTP connection used',
        params: ItemParams,
        body: Type.Object({ fingerprint: Type.String({ minLength: 8, maxLength: 200 }) }, closed),
        response: { 200: Connection },
      },
    },
    async (request) => (
      requirePracticeInScope(request, request.params.practiceId),
      confirmHostKey(
        db,
        request.params.practiceId,
        request.params.id,
        request.body.fingerprint,
        actorOf(request),
      )
    ),
  );
  app.post<{ Params: Item }>(
    `${base}/:id/poll`,
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Upload batches not sent yet and fetch answers now (a background job)',
        params: ItemParams,
        response: { 202: Type.Object({ jobId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { practiceId, id } = request.params;
      requirePracticeInScope(request, practiceId);
      const row = await connectionRow(db, practiceId, id);
      if (row.kind === 'http')
        throw conflict(
          `${row.name} is a real-time endpoint: it answers each request at once, with no files to poll`,
        );
      const actor = actorOf(request);
      const jobId = await queue.enqueue(
        'clearinghouse.poll',
        { practiceId, connectionId: id, actor },
        { practiceId, requestedBy: actor.userId },
      );
      reply.code(202);
      return { jobId };
    },
  );

  app.get<{ Querystring: Static<typeof PracticeParams> }>(
    '/api/clearinghouse/realtime-exchanges',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Every real-time 270/276 exchange of the practice, newest first: request, answer, HTTP status, error, time',
        querystring: PracticeParams,
        response: { 200: Type.Object({ items: Type.Array(RealtimeExchange) }) },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.query.practiceId);
      return { items: await listRealtimeExchanges(db, request.query.practiceId) };
    },
  );

  app.get<{ Params: Static<typeof PracticeParams> }>(
    '/api/practices/:practiceId/inbox',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Every file received from the clearinghouse: when, from which connection, what it did',
        params: PracticeParams,
        response: { 200: Type.Array(InboxRow) },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.params.practiceId);
      const rows = await listInbox(db, request.params.practiceId);
      return rows.map((r) => ({
        ...r,
        receivedAt: r.receivedAt.toISOString(),
        processedAt: r.processedAt?.toISOString() ?? null,
      }));
    },
  );
  app.get<{ Params: Item }>(
    '/api/practices/:practiceId/inbox/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'One received file with its raw content',
        params: ItemParams,
        response: {
          200: Type.Composite([
            Type.Omit(InboxRow, ['connectionName', 'size']),
            Type.Object({ content: Type.String() }),
          ]),
        },
      },
    },
    async (request) => {
      requirePracticeInScope(request, request.params.practiceId);
      const row = await inboxFile(db, request.params.practiceId, request.params.id);
      return {
        id: row.id,
        connectionId: row.connectionId,
        name: row.name,
        receivedAt: row.receivedAt.toISOString(),
        sha256: row.sha256,
        transactionType: row.transactionType,
        guide: row.guide,
        state: row.state,
        outcome: row.outcome,
        processedAt: row.processedAt?.toISOString() ?? null,
        content: row.content,
      };
    },
  );
}
