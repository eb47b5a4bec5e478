// HTTP edge of posting: upload an 835, the ERA inbox, post a file, the unmatched queue and a
// manual match, the EOB lines of a claim. Billers, managers and administrators (OFFICE).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/index.ts';
import { OFFICE } from '../auth/roles.ts';
import type { ClaimLookups } from '../claims/index.ts';
import type { Db } from '../db/connection.ts';
import { listDenials } from '../denials/index.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { todayIso } from '../shared/dates.ts';
import { notFound } from '../shared/problem.ts';
import { closed, Id } from '../shared/schema.ts';
import { candidateById } from './candidates.ts';
import { importEra } from './import.ts';
import { postRemittance } from './post-remittance.ts';
import { matchByHand } from './manual.ts';
import { releaseBalancedHeld, setEraFileStatus } from './store.ts';
import { claimPaymentsOfClaim, eraFileDetail, eraInbox, remittancesOfFile, unmatchedQueue } from './views.ts';

const tags = ['remittances'];
/** An 835 of a large payer runs to a few megabytes; leave room. */
const MAX_BYTES = 32 * 1024 * 1024;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const PracticeQuery = Type.Object({ practiceId: Type.Optional(Type.Integer({ minimum: 1 })) });

/** lookups: the code sets and NCCI tables a secondary claim made by a posting is scrubbed against. */
export function registerRemitRoutes(app: FastifyInstance, db: Db, lookups?: () => ClaimLookups): void {
  app.post<{ Body: { practiceId: number; fileName: string; content: string; postUnbalanced?: boolean } }>(
    '/api/eras',
    {
      config: { access: OFFICE },
      bodyLimit: MAX_BYTES,
      schema: {
        tags,
        summary:
          'Import an 835 (ERA): stored, balanced, matched to our claims and posted claim by claim; the same payment (payer, TRN02, BPR02) imported again posts nothing',
        body: Type.Object(
          {
            practiceId: Id,
            fileName: Type.String({ minLength: 1, maxLength: 200 }),
            content: Type.String({ minLength: 1 }),
            postUnbalanced: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { practiceId, fileName, content, postUnbalanced } = request.body;
      requirePracticeInScope(request, practiceId);
      const outcome = await importEra(db, practiceId, fileName, content, {
        ...actorOf(request),
        postUnbalanced: postUnbalanced ?? false,
        today: todayIso(),
        lookups: lookups?.(),
      });
      reply.code(outcome.duplicate ? 200 : 201);
      return outcome;
    },
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/eras',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'The ERA inbox: 835 files newest first with each remittance’s balancing and posting',
        querystring: PracticeQuery,
      },
    },
    async (request) => ({ items: await eraInbox(db, request.practiceScope, request.query.practiceId) }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/eras/:id',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'One 835 file: its remittances as EOBs, every claim payment and where it stands',
        params: IdParams,
      },
    },
    async (request) => {
      const detail = await eraFileDetail(db, request.params.id, request.practiceScope);
      if (!detail) throw notFound('ERA file');
      await recordAudit(db, actorOf(request), {
        practiceId: detail.practiceId,
        action: 'read',
        entity: 'era_file',
        entityId: detail.id,
      });
      return detail;
    },
  );

  app.post<{ Params: { id: number }; Body: { postUnbalanced?: boolean } }>(
    '/api/eras/:id/post',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary:
          'Post what is still pending of a file; with postUnbalanced, the claims that balance of a transaction that does not',
        params: IdParams,
        body: Type.Object({ postUnbalanced: Type.Optional(Type.Boolean()) }, closed),
      },
    },
    async (request) => {
      const detail = await eraFileDetail(db, request.params.id, request.practiceScope);
      if (!detail) throw notFound('ERA file');
      const postUnbalanced = request.body?.postUnbalanced ?? false;
      const actor = actorOf(request);
      const results = [];
      for (const remit of await remittancesOfFile(db, detail.id)) {
        if (postUnbalanced) await releaseBalancedHeld(db, remit.id);
        results.push({
          id: remit.id,
          ...(await postRemittance(db, remit, remit, {
            ...actor,
            postUnbalanced,
            today: todayIso(),
            lookups: lookups?.(),
          })),
        });
      }
      const waiting = results.reduce((n, r) => n + r.unmatched + r.held, 0);
      await setEraFileStatus(db, detail.id, waiting ? 'partly_posted' : 'posted');
      return { eraFileId: detail.id, remittances: results };
    },
  );

  app.get<{ Querystring: { practiceId?: number } }>(
    '/api/remittances/unmatched',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Claim payments no claim of ours matched, waiting for a biller',
        querystring: PracticeQuery,
      },
    },
    async (request) => ({ items: await unmatchedQueue(db, request.practiceScope, request.query.practiceId) }),
  );

  app.post<{ Params: { id: number }; Body: { claimId: number } }>(
    '/api/remittances/claims/:id/match',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'Match an unmatched claim payment to one of our claims by hand, and post it',
        params: IdParams,
        body: Type.Object({ claimId: Id }, closed),
      },
    },
    async (request) =>
      matchByHand(
        db,
        request.params.id,
        request.body.claimId,
        request.practiceScope,
        actorOf(request),
        todayIso(),
        lookups?.(),
      ),
  );

  app.get<{ Params: { id: number } }>(
    '/api/claims/:id/eob',
    {
      config: { access: OFFICE },
      schema: {
        tags,
        summary: 'The EOB lines of a claim: what each 835 paid, adjusted and left to the patient',
        params: IdParams,
      },
    },
    async (request) => {
      const claim = await candidateById(db, request.params.id, request.practiceScope);
      if (!claim) throw notFound('claim');
      const [payments, denials] = await Promise.all([
        claimPaymentsOfClaim(db, claim.id),
        listDenials(db, [claim.practiceId], { claimId: claim.id }),
      ]);
      await recordAudit(db, actorOf(request), {
        practiceId: claim.practiceId,
        action: 'read',
        entity: 'claim_eob',
        entityId: claim.id,
      });
      return { claimId: claim.id, lines: claim.lines, payments, denials };
    },
  );
}
