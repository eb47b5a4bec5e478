// HTTP edge of charts: a FHIR R4 transaction Bundle (POST /api/fhir), a chart file uploaded
// (FHIR JSON or HL7 v2), an encounter's notes and EHR codes, a note added by hand (text or PDF).
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/index.ts';
import { CLINICAL } from '../auth/roles.ts';
import type { Db } from '../db/connection.ts';
import { loadEncounter } from '../encounters/index.ts';
import { actorOf, requirePracticeInScope } from '../http/access.ts';
import { todayIso } from '../shared/dates.ts';
import { invalid, notFound } from '../shared/problem.ts';
import { closed, Id } from '../shared/schema.ts';
import { addNote, chartCodes, chartDocumentAttachment, listChartDocuments } from './documents.ts';
import { failureStatus, operationOutcome, transactionResponse } from './fhir/outcome.ts';
import { importChartFile, importFhir } from './import-file.ts';

const tags = ['charts'];
/** A bundle with a few PDF notes runs to megabytes. */
const MAX_BYTES = 32 * 1024 * 1024;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** The practice a request is for: the one asked, or the only one the user may use. */
function practiceOf(scope: number[], asked: number | undefined): number {
  if (asked !== undefined) return asked;
  if (scope.length === 1) return scope[0]!;
  throw invalid([{ pointer: '/practiceId', detail: 'say which practice (practiceId)' }]);
}

export function registerChartRoutes(app: FastifyInstance, db: Db): void {
  // FHIR clients send application/fhir+json: read it as JSON, keeping the fhirVersion parameter.
  app.addContentTypeParser(
    /^application\/fhir\+json/,
    { parseAs: 'string', bodyLimit: MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post<{ Querystring: { practiceId?: number } }>(
    '/api/fhir',
    {
      config: { access: CLINICAL },
      bodyLimit: MAX_BYTES,
      schema: {
        tags,
        summary:
          'FHIR R4 transaction Bundle (or one resource) into the practice: answers a transaction-response Bundle, or an OperationOutcome and nothing written',
        querystring: Type.Object({ practiceId: Type.Optional(Id) }),
      },
    },
    async (request, reply) => {
      const practiceId = practiceOf(request.practiceScope, request.query.practiceId);
      requirePracticeInScope(request, practiceId);
      const fhirVersion = /fhirVersion=([\d.]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
      const { read, result, problems } = await importFhir(db, practiceId, request.body, actorOf(request), {
        sourceName: 'POST /api/fhir',
        ...(fhirVersion ? { fhirVersion } : {}),
        today: todayIso(),
      });
      // A FHIR client (fhir+json sent or asked for) is answered in FHIR; any other caller gets the
      // problem+json every route answers.
      const fhirClient = /fhir\+json/.test(`${request.headers['content-type']} ${request.headers.accept}`);
      if (!result?.imported && !result?.duplicate) {
        if (!fhirClient)
          throw invalid(
            problems
              .filter((p) => p.severity === 'error' || p.severity === 'fatal')
              .map((p) => ({
                pointer: '/',
                detail: `${p.code} ${[p.resource, p.field].filter(Boolean).join(' ')}: ${p.message}`,
              })),
          );
        reply.type('application/fhir+json');
        reply.code(failureStatus(problems));
        return operationOutcome(problems);
      }
      if (fhirClient) reply.type('application/fhir+json');
      reply.code(200);
      return transactionResponse(read.entries, result);
    },
  );

  app.post<{ Body: { practiceId: number; fileName: string; content: string } }>(
    '/api/charts/import',
    {
      config: { access: CLINICAL },
      bodyLimit: MAX_BYTES,
      schema: {
        tags,
        summary:
          'Import a chart file (FHIR R4 JSON or HL7 v2, told by content): merged by MRN, NPI, member id and visit number; the same content twice changes nothing',
        body: Type.Object(
          {
            practiceId: Id,
            fileName: Type.String({ minLength: 1, maxLength: 200 }),
            content: Type.String({ minLength: 1 }),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { practiceId, fileName, content } = request.body;
      requirePracticeInScope(request, practiceId);
      const outcome = await importChartFile(db, practiceId, fileName, content, actorOf(request), {
        today: todayIso(),
      });
      // The file was read either way: the outcome says whether it was imported and why not.
      reply.code(200);
      return outcome;
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/encounters/:id/chart',
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "An encounter's notes (oldest first) and the codes its EHR recorded",
        params: IdParams,
      },
    },
    async (request) => {
      const encounter = await encounterInScope(db, request.practiceScope, request.params.id);
      const [documents, codes] = await Promise.all([
        listChartDocuments(db, encounter.practiceId, encounter.id),
        chartCodes(db, encounter.practiceId, encounter.id),
      ]);
      await recordAudit(db, actorOf(request), {
        practiceId: encounter.practiceId,
        action: 'read',
        entity: 'chart',
        entityId: encounter.id,
      });
      return { encounterId: encounter.id, documents, codes };
    },
  );

  app.post<{
    Params: { id: number };
    Body: { title: string; kind: string; text?: string; pdfBase64?: string };
  }>(
    '/api/encounters/:id/notes',
    {
      config: { access: CLINICAL },
      bodyLimit: MAX_BYTES,
      schema: {
        tags,
        summary: 'Add a note to an encounter: typed text, or a PDF (its text extracted for the coder)',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            kind: Type.String({ minLength: 1, maxLength: 40 }),
            text: Type.Optional(Type.String({ maxLength: 1_000_000 })),
            pdfBase64: Type.Optional(Type.String()),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const encounter = await encounterInScope(db, request.practiceScope, request.params.id);
      const { title, kind, text, pdfBase64 } = request.body;
      const note = await addNote(
        db,
        encounter.practiceId,
        encounter.id,
        {
          title,
          kind,
          ...(text ? { text } : {}),
          ...(pdfBase64 ? { pdf: Buffer.from(pdfBase64, 'base64') } : {}),
        },
        actorOf(request),
      );
      reply.code(201);
      return note;
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/chart-documents/:id/attachment',
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "A note's original attachment (the PDF as the EHR or the user sent it)",
        params: IdParams,
      },
    },
    async (request, reply) => {
      for (const practiceId of request.practiceScope) {
        const file = await chartDocumentAttachment(db, practiceId, request.params.id);
        if (!file) continue;
        await recordAudit(db, actorOf(request), {
          practiceId,
          action: 'read',
          entity: 'chart_document',
          entityId: request.params.id,
        });
        reply
          .type(file.contentType)
          .header('content-disposition', `inline; filename="note-${request.params.id}.pdf"`);
        return file.data;
      }
      throw notFound('chart document attachment');
    },
  );
}

async function encounterInScope(db: Db, scope: number[], id: number) {
  const encounter = await loadEncounter(db, id, scope);
  if (!encounter) throw notFound(`encounter ${id}`);
  return encounter;
}
