// The denial queue (filtered, sorted by money at stake and appeal deadline, paged), one denial with
// its claim, EOB adjustments, remark words and the mapping row that read it, resolving a denial; and
// the denial mapping's versions, rows and a manager's edit (a new version).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/index.ts';
import { MANAGERS, OFFICE } from '../auth/roles.ts';
import { claimForRemittance } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { claimPaymentsOfClaim } from '../remits/index.ts';
import { closed, Id } from '../shared/schema.ts';
import { carcTexts } from './carc.ts';
import { DENIAL_ACTIONS, DENIAL_CATEGORIES, GROUP_CODES, mapDenial } from './mapping.ts';
import {
  editMapping,
  ensureMapping,
  listMappingVersions,
  mappingVersionRows,
  remarkTexts,
} from './mapping-store.ts';
import { denialById, denialQueue, resolveDenial, RESOLUTIONS, type DenialFilter } from './store.ts';

const tags = ['denials'];
const IsoDate = Type.String({ format: 'date' });
const Code = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const MappingRowSchema = Type.Object(
  {
    groupCode: Nullable(Type.Union(GROUP_CODES.map((g) => Type.Literal(g)))),
    reasonCode: Code(5),
    remarkCode: Nullable(Code(6)),
    category: Type.Union(DENIAL_CATEGORIES.map((c) => Type.Literal(c))),
    explanation: Type.String({ minLength: 1, maxLength: 1000 }),
    action: Type.Union(DENIAL_ACTIONS.map((a) => Type.Literal(a))),
  },
  closed,
);

export function registerDenialQueueRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Querystring: DenialFilter & { practiceId?: number } }>(
    '/api/denials',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'The denial queue: each denial with its category, plain explanation, next step, amount at stake and appeal deadline; filtered, sorted by amount or deadline, paged',
        querystring: Type.Object({
          practiceId: Type.Optional(Type.Integer({ minimum: 1 })),
          state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
          category: Type.Optional(Type.Union(DENIAL_CATEGORIES.map((c) => Type.Literal(c)))),
          payerId: Type.Optional(Type.Integer({ minimum: 1 })),
          providerId: Type.Optional(Type.Integer({ minimum: 1 })),
          reasonCode: Type.Optional(
            Type.String({ minLength: 1, maxLength: 10, description: 'CARC (or STC status of a rejection)' }),
          ),
          claimId: Type.Optional(Type.Integer({ minimum: 1 })),
          source: Type.Optional(
            Type.Union([Type.Literal('835'), Type.Literal('277CA'), Type.Literal('277')]),
          ),
          from: Type.Optional(IsoDate),
          to: Type.Optional(IsoDate),
          sort: Type.Optional(Type.Union([Type.Literal('amount'), Type.Literal('deadline')])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (request) => {
      const { practiceId, ...filter } = request.query;
      const scope = practiceId
        ? request.practiceScope.filter((p) => p === practiceId)
        : request.practiceScope;
      return denialQueue(db, scope, filter);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/denials/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "One denial: its claim and lines, the 835's adjustments (CAS) for it, the remark codes in words, the CARC's own text, the mapping row that read it and the next step",
        params: Type.Object({ id: Id }),
      },
    },
    async (request) => {
      const d = await denialById(db, request.params.id, request.practiceScope);
      const [claim, payments, remarks, carcs] = await Promise.all([
        claimForRemittance(db, d.claimId, [d.practiceId]),
        claimPaymentsOfClaim(db, d.claimId),
        remarkTexts(db, d.remarkCodes),
        carcTexts(),
      ]);
      const payment = payments.find((p) => p.id === d.remittanceClaimId);
      const line =
        d.claimLineId && payment
          ? payment.payment.serviceLines.find((_s, i) => payment.lineMatches?.[i] === d.claimLineId)
          : undefined;
      const version = d.mappingVersionId
        ? await mappingVersionRows(db, d.mappingVersionId, [d.practiceId])
        : undefined;
      const reading = version ? mapDenial(version.rows, d) : undefined;
      await recordAudit(db, actorOf(request), {
        practiceId: d.practiceId,
        action: 'read',
        entity: 'denial',
        entityId: d.id,
      });
      return {
        denial: d,
        claim: claim ?? null,
        carcText: d.source === '835' ? (carcs.get(d.reasonCode) ?? null) : null,
        remarks: d.remarkCodes.map((code) => ({ code, text: remarks.get(code) ?? null })),
        eob: payment
          ? {
              remittanceClaimId: payment.id,
              payerName: payment.payerName,
              traceNumber: payment.traceNumber,
              paymentDate: payment.paymentDate,
              payerClaimNumber: payment.payerClaimNumber,
              claimAdjustments: payment.payment.adjustments,
              line: line ?? null,
            }
          : null,
        mapping: version
          ? { versionId: version.version.id, number: version.version.number, row: reading?.row ?? null }
          : null,
        recommendedAction: d.action,
      };
    },
  );

  app.post<{ Params: { id: number }; Body: { resolution: (typeof RESOLUTIONS)[number]; note: string } }>(
    '/api/denials/:id/resolve',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Resolve a denial with what was done (audited); its work item closes with the note',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            resolution: Type.Union(RESOLUTIONS.map((r) => Type.Literal(r))),
            note: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          closed,
        ),
      },
    },
    async (request) =>
      resolveDenial(
        db,
        request.params.id,
        request.practiceScope,
        request.body.resolution,
        request.body.note,
        actorOf(request),
        new Date(),
      ),
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/denial-mapping/versions',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          'The denial mapping versions of your practices (version 1 is seeded from the CARC list), newest first',
        querystring: Type.Object({ practiceId: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (request) => {
      const { practiceId } = request.query;
      if (practiceId) {
        requirePracticeInScope(request, practiceId);
        await db.transaction((tx) => ensureMapping(tx, practiceId, actorOf(request)));
      }
      return { items: await listMappingVersions(db, request.practiceScope, practiceId) };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/denial-mapping/versions/:id/rows',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary: "A mapping version's rows, each with the CARC's own text beside our words",
        params: Type.Object({ id: Id }),
      },
    },
    async (request) => {
      const { version, rows } = await mappingVersionRows(db, request.params.id, request.practiceScope);
      const carcs = await carcTexts();
      return {
        version,
        items: rows.map((r) => ({ ...r, carcText: carcs.get(r.reasonCode) ?? null })),
      };
    },
  );

  app.put<{
    Body: {
      practiceId: number;
      note: string;
      set?: Parameters<typeof editMapping>[2]['set'];
      remove?: Parameters<typeof editMapping>[2]['remove'];
    };
  }>(
    '/api/denial-mapping/rows',
    {
      config: { access: MANAGERS },
      schema: {
        tags,
        summary:
          "A manager's change to the denial mapping: rows set or removed; saved as a new version (open denials keep theirs), audited",
        body: Type.Object(
          {
            practiceId: Type.Integer({ minimum: 1 }),
            note: Type.String({ minLength: 1, maxLength: 500 }),
            set: Type.Optional(Type.Array(MappingRowSchema, { maxItems: 1000 })),
            remove: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    groupCode: Nullable(Type.String({ maxLength: 2 })),
                    reasonCode: Code(5),
                    remarkCode: Nullable(Code(6)),
                  },
                  closed,
                ),
                { maxItems: 1000 },
              ),
            ),
          },
          closed,
        ),
      },
    },
    async (request) => {
      const { practiceId, ...edit } = request.body;
      requirePracticeInScope(request, practiceId);
      const v = await editMapping(db, practiceId, edit, actorOf(request));
      return { versionId: v.versionId, number: v.number, rows: v.rows.length };
    },
  );
}
