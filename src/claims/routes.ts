import { Type } from '@sinclair/typebox';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { CLINICAL, EVERYONE, OFFICE } from '../auth/roles.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { loadEncounter } from '../encounters/index.ts';
import { coveragesInEffect } from '../patients/index.ts';
import type { ClaimLookups } from './scrub-view.ts';
import { actorOf } from '../http/access.ts';
import { conflict, invalid, notFound } from '../shared/problem.ts';
import { auditRowsRead } from '../http/resource.ts';
import { todayIso } from '../shared/dates.ts';
import { closed, Id, ListOf } from '../shared/schema.ts';
import { claimFromEncounter } from './build.ts';
import {
  ClaimCreate,
  ClaimDetail,
  ClaimUpdate,
  ClaimListQuery,
  ClaimSummary,
  OverrideBody,
  ReplaceBody,
  TransitionBody,
} from './schema.ts';
import { replaceClaim, type ReplacementInput } from './replace.ts';
import { scrubStoredClaim } from './scrub.ts';
import { CLAIM_FORMS, renderClaimForm, type ClaimForm } from './forms.ts';
import { applyClaimEdit } from './apply-edit.ts';
import { editFromFix, type ClaimEdit } from './edit.ts';
import {
  claimDetail,
  listClaims,
  loadClaim,
  loadFinding,
  moveClaim,
  type ClaimListQuery as ListQuery,
} from './store.ts';
import { claim, claimFinding, claimLine } from './tables.ts';
import { EDITABLE_STATES, isIn, OPEN_STATES, REMITTED_STATES, type ClaimState } from './states.ts';

const tags = ['claims'];
const ById = Type.Object({ id: Id });

export function registerClaimRoutes(app: FastifyInstance, db: Db, lookups: () => ClaimLookups): void {
  app.get<{ Querystring: ListQuery }>(
    '/api/claims',
    {
      config: { access: EVERYONE },
      schema: { tags, querystring: ClaimListQuery, response: { 200: ListOf(ClaimSummary) } },
    },
    async (request) => {
      const page = await listClaims(db, request.practiceScope, request.query, todayIso());
      // The list shows patient names: audited like the other PHI lists.
      if (page.items.length) await auditRowsRead(db, request, 'claim', 'list', page.items);
      return page;
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/claims/:id',
    { config: { access: EVERYONE }, schema: { tags, params: ById, response: { 200: ClaimDetail } } },
    async (request) => {
      const detail = await claimDetail(db, request.params.id, request.practiceScope);
      if (!detail) throw notFound('claim');
      await recordAudit(db, actorOf(request), {
        practiceId: detail.practiceId,
        action: 'read',
        entity: 'claim',
        entityId: detail.id,
      });
      return detail;
    },
  );

  app.post<{ Body: { encounterId: number; coverageId?: number } }>(
    '/api/claims',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: "Create a claim from an encounter, to the patient's primary coverage (or the one named)",
        body: ClaimCreate,
        response: { 201: ClaimDetail },
      },
    },
    async (request, reply) => {
      const encounter = await loadEncounter(db, request.body.encounterId, request.practiceScope);
      if (!encounter) throw notFound('encounter');
      const id = await db.transaction(async (tx) => {
        const date = encounter.serviceDateFrom;
        const active = await coveragesInEffect(tx, encounter.patientId, date);
        const chosen = request.body.coverageId
          ? active.find((c) => c.id === request.body.coverageId)
          : active.find((c) => c.priority === 'primary');
        if (!chosen)
          throw invalid([
            {
              pointer: request.body.coverageId ? '/coverageId' : '/encounterId',
              detail: `the patient has no ${request.body.coverageId ? 'such' : 'primary'} coverage in effect on ${date}`,
            },
          ]);
        if (chosen.priority !== 'primary') await requirePrimaryAdjudicated(tx, encounter.id);
        const attempts = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(claim)
          .where(and(eq(claim.encounterId, encounter.id), eq(claim.coverageId, chosen.id)));
        const open = await tx
          .select({ id: claim.id })
          .from(claim)
          .where(
            and(
              eq(claim.encounterId, encounter.id),
              eq(claim.coverageId, chosen.id),
              inArray(claim.state, [...OPEN_STATES]),
            ),
          );
        if (open.length) throw conflict(`claim ${open[0]!.id} for this encounter and coverage is still open`);
        const built = claimFromEncounter(encounter, chosen, (attempts[0]?.n ?? 0) + 1);
        const [row] = await tx.insert(claim).values(built.claim).returning();
        await tx.insert(claimLine).values(built.lines.map((l) => ({ ...l, claimId: row!.id })));
        await recordAudit(tx, actorOf(request), {
          practiceId: row!.practiceId,
          action: 'create',
          entity: 'claim',
          entityId: row!.id,
          after: row,
        });
        await scrubStoredClaim(tx, row!, actorOf(request), todayIso(), lookups());
        return row!.id;
      });
      reply.code(201);
      return claimDetail(db, id, request.practiceScope);
    },
  );

  for (const [form, info] of Object.entries(CLAIM_FORMS) as [ClaimForm, (typeof CLAIM_FORMS)[ClaimForm]][])
    app.get<{ Params: { id: number }; Querystring: { background?: 'form' | 'none' } }>(
      `/api/claims/:id/${info.path}.pdf`,
      {
        config: { access: EVERYONE },
        schema: {
          tags,
          summary: info.summary,
          params: ById,
          querystring: Type.Object(
            { background: Type.Optional(Type.Union([Type.Literal('form'), Type.Literal('none')])) },
            closed,
          ),
        },
      },
      async (request, reply) => {
        const loaded = await loadClaim(db, request.params.id, request.practiceScope);
        if (!loaded) throw notFound('claim');
        if (loaded.row.type !== info.type) throw conflict(info.wrongType);
        const { row, lines } = loaded;
        const pdf = await renderClaimForm(db, form, row, lines, request.query.background ?? 'form');
        await recordAudit(db, actorOf(request), {
          practiceId: row.practiceId,
          action: 'export',
          entity: 'claim',
          entityId: row.id,
          detail: { form },
        });
        const file = `${form.replace('-', '')}-${row.patientControlNumber}.pdf`;
        reply.type('application/pdf').header('content-disposition', `inline; filename="${file}"`);
        return pdf;
      },
    );

  app.post<{ Params: { id: number } }>(
    '/api/claims/:id/scrub',
    {
      config: { access: CLINICAL },
      schema: { tags, summary: 'Scrub the claim again', params: ById, response: { 200: ClaimDetail } },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const loaded = await loadClaim(tx, request.params.id, request.practiceScope);
        if (!loaded) throw notFound('claim');
        if (!isIn(EDITABLE_STATES, loaded.row.state))
          throw conflict(`a ${loaded.row.state} claim is not scrubbed again`);
        await scrubStoredClaim(tx, loaded.row, actorOf(request), todayIso(), lookups());
      });
      return claimDetail(db, request.params.id, request.practiceScope);
    },
  );

  app.post<{ Params: { id: number; findingId: number }; Body: { reason: string } }>(
    '/api/claims/:id/findings/:findingId/override',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Override a warning with a reason (audited)',
        params: Type.Object({ id: Id, findingId: Id }),
        body: OverrideBody,
        response: { 200: ClaimDetail },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const { loaded, finding: f } = await loadFinding(
          tx,
          request.params.id,
          request.params.findingId,
          request.practiceScope,
        );
        if (f.severity !== 'warning') throw conflict('an error cannot be overridden: fix the claim');
        await tx
          .update(claimFinding)
          .set({
            overridden: true,
            overrideReason: request.body.reason,
            overriddenBy: request.user!.id,
            overriddenAt: new Date(),
          })
          .where(eq(claimFinding.id, f.id));
        await recordAudit(tx, actorOf(request), {
          practiceId: loaded.row.practiceId,
          action: 'override',
          entity: 'claim_finding',
          entityId: f.id,
          before: f,
          detail: { claimId: loaded.row.id, reason: request.body.reason },
        });
        const left = await tx
          .select({ id: claimFinding.id })
          .from(claimFinding)
          .where(
            and(
              eq(claimFinding.claimId, loaded.row.id),
              sql`(${claimFinding.severity} = 'error' or not ${claimFinding.overridden})`,
            ),
          );
        if (left.length === 0 && loaded.row.state === 'scrubbed')
          await moveClaim(tx, loaded.row, 'ready', actorOf(request), 'warnings overridden');
      });
      return claimDetail(db, request.params.id, request.practiceScope);
    },
  );

  app.post<{ Params: { id: number }; Body: { to: ClaimState; reason: string } }>(
    '/api/claims/:id/transition',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Move a claim by hand (back to draft, void, appeal, close)',
        params: ById,
        body: TransitionBody,
        response: { 200: ClaimDetail },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const loaded = await loadClaim(tx, request.params.id, request.practiceScope);
        if (!loaded) throw notFound('claim');
        await moveClaim(tx, loaded.row, request.body.to, actorOf(request), request.body.reason);
      });
      return claimDetail(db, request.params.id, request.practiceScope);
    },
  );

  app.post<{ Params: { id: number }; Body: ReplacementInput }>(
    '/api/claims/:id/replace',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          "Correct (frequency 7) or void (8) an adjudicated claim with a new claim naming the payer's claim number",
        params: ById,
        body: ReplaceBody,
        response: { 201: ClaimDetail },
      },
    },
    async (request, reply) => {
      const id = await db.transaction(async (tx) => {
        const loaded = await loadClaim(tx, request.params.id, request.practiceScope);
        if (!loaded) throw notFound('claim');
        const row = await replaceClaim(tx, loaded.row, request.body, actorOf(request));
        await scrubStoredClaim(tx, row, actorOf(request), todayIso(), lookups());
        return row.id;
      });
      reply.code(201);
      return claimDetail(db, id, request.practiceScope);
    },
  );

  app.patch<{ Params: { id: number }; Body: ClaimEdit }>(
    '/api/claims/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Edit a claim before it leaves (or after a rejection); it is scrubbed again',
        params: ById,
        body: ClaimUpdate,
        response: { 200: ClaimDetail },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const loaded = await loadClaim(tx, request.params.id, request.practiceScope);
        if (!loaded) throw notFound('claim');
        await applyClaimEdit(tx, loaded.row, request.body, actorOf(request));
        await scrubStoredClaim(
          tx,
          (await loadClaim(tx, loaded.row.id, request.practiceScope))!.row,
          actorOf(request),
          todayIso(),
          lookups(),
        );
      });
      return claimDetail(db, request.params.id, request.practiceScope);
    },
  );

  app.post<{ Params: { id: number; findingId: number } }>(
    '/api/claims/:id/findings/:findingId/fix',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: "Apply a finding's one-click fix and scrub again",
        params: Type.Object({ id: Id, findingId: Id }),
        response: { 200: ClaimDetail },
      },
    },
    async (request) => {
      await db.transaction(async (tx) => {
        const { loaded, finding: f } = await loadFinding(
          tx,
          request.params.id,
          request.params.findingId,
          request.practiceScope,
        );
        if (!f.fix) throw conflict('this finding has no certain fix: edit the claim');
        const edit = editFromFix(
          f.fix as { field: string; value: unknown },
          loaded.lines.map((l) => l.lineNumber),
        );
        if ('pointer' in edit) throw invalid([edit]);
        await applyClaimEdit(tx, loaded.row, edit, actorOf(request));
        await scrubStoredClaim(
          tx,
          (await loadClaim(tx, loaded.row.id, request.practiceScope))!.row,
          actorOf(request),
          todayIso(),
          lookups(),
        );
      });
      return claimDetail(db, request.params.id, request.practiceScope);
    },
  );
}

/** Secondary claims go out after the primary payer has adjudicated (its 835 is posted). */
async function requirePrimaryAdjudicated(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  encounterId: number,
) {
  const primary = await tx
    .select({ state: claim.state })
    .from(claim)
    .where(and(eq(claim.encounterId, encounterId), eq(claim.payerResponsibility, 'P')));
  if (!primary.some((c) => isIn(REMITTED_STATES, c.state))) {
    throw conflict("a secondary claim is created after the primary payer's remittance is posted");
  }
}
