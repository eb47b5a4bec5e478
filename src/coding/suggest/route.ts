/**
 * POST /api/coding/suggest: codes proposed from a note's text, or from an encounter's chart
 * documents (evidence offsets then point into each document). The route reads the encounter,
 * patient and notes through their domains' exports and calls the pure suggester.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CLINICAL } from '../../auth/roles.ts';
import { listChartDocuments } from '../../charts/index.ts';
import type { CodeSetCatalog } from '../../codesets/catalog.ts';
import { selectRelease, type CmTable } from '../../codesets/index.ts';
import type { Db } from '../../db/connection.ts';
import { encounterOfPractice } from '../../encounters/index.ts';
import { requirePracticeInScope } from '../../http/access.ts';
import { patientById } from '../../patients/index.ts';
import { ageOn, todayIso } from '../../shared/dates.ts';
import { conflict, invalid, notFound } from '../../shared/problem.ts';
import { closed, IsoDate } from '../../shared/schema.ts';
import { PhraseIndexCache } from './phrase-index-cache.ts';
import { suggestCodes, type SuggestInput, type SuggestResult } from './suggest.ts';

const EvidenceJson = Type.Object({
  start: Type.Integer(),
  end: Type.Integer(),
  text: Type.String(),
  documentId: Type.Optional(Type.Integer()),
});
const SuggestionJson = Type.Object({
  system: Type.String(),
  code: Type.String(),
  title: Type.String(),
  evidence: Type.Array(EvidenceJson),
  reason: Type.String(),
  confidence: Type.Number(),
});
const SetAsideJson = Type.Object({
  code: Type.String(),
  title: Type.String(),
  evidence: Type.Array(EvidenceJson),
  why: Type.String(),
});

interface Body {
  practiceId?: number;
  encounterId?: number;
  text?: string;
  sex?: 'F' | 'M' | 'U';
  age?: number;
  dateOfService?: string;
  newPatient?: boolean;
}

/** The ICD-10-CM release the suggestions for a date of service are made from. */
function releaseFor(catalog: CodeSetCatalog, dos: string): CmTable {
  const table = selectRelease(catalog.codeTables()?.icd10cm ?? [], dos);
  if (!table)
    throw conflict(
      `no ICD-10-CM release in force on ${dos} is imported: run \`cleanclaim codesets import DIR\``,
    );
  return table;
}

export interface SuggestRouteOptions {
  /**
   * When this settles (the code sets loaded at start), the phrase index of the release in force
   * today is built in the background, so the first suggestion does not wait for it; and again
   * whenever the catalog reloads.
   */
  buildIndexAfter?: Promise<unknown>;
  /** The built indexes (a test hands in one that counts its builds). */
  indexes?: PhraseIndexCache;
}

export function registerCodingSuggestRoutes(
  app: FastifyInstance,
  db: Db,
  catalog: CodeSetCatalog,
  options: SuggestRouteOptions = {},
): void {
  const indexes = options.indexes ?? new PhraseIndexCache();
  const phraseIndexFor = (dos: string) => indexes.indexFor(releaseFor(catalog, dos));
  const buildTodaysIndex = () => {
    const today = selectRelease(catalog.codeTables()?.icd10cm ?? [], todayIso());
    if (today)
      indexes
        .indexFor(today)
        .catch((error: unknown) => app.log.error({ err: error }, 'phrase index build failed'));
  };
  // and again after each import of code sets, which loads new tables
  void options.buildIndexAfter?.then(() => {
    buildTodaysIndex();
    catalog.onReload(buildTodaysIndex);
  });
  app.post<{ Body: Body }>(
    '/api/coding/suggest',
    {
      config: { access: CLINICAL },
      schema: {
        tags: ['coding'],
        summary:
          'ICD-10-CM codes and the office E/M level proposed from a note (text) or an encounter’s chart documents, with the supporting words and the reason; a coder accepts or rejects each',
        body: Type.Object(
          {
            practiceId: Type.Optional(Type.Integer({ minimum: 1 })),
            encounterId: Type.Optional(Type.Integer({ minimum: 1 })),
            text: Type.Optional(Type.String({ maxLength: 200_000 })),
            sex: Type.Optional(Type.Union([Type.Literal('F'), Type.Literal('M'), Type.Literal('U')])),
            age: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
            dateOfService: Type.Optional(IsoDate),
            newPatient: Type.Optional(Type.Boolean()),
          },
          closed,
        ),
        response: {
          200: Type.Object({ suggestions: Type.Array(SuggestionJson), setAside: Type.Array(SetAsideJson) }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      // code sets imported by another process (the CLI) since this server loaded
      if (!catalog.loaded) await catalog.reloadIfChanged();
      if (body.encounterId !== undefined) return forEncounter(request, body);
      if (body.text === undefined)
        throw invalid([{ pointer: '/text', detail: 'give the note text, or an encounterId' }]);
      const input: SuggestInput = {
        ...body,
        text: body.text,
        dateOfService: body.dateOfService ?? todayIso(),
      };
      return suggestCodes(await phraseIndexFor(input.dateOfService), input);
    },
  );

  async function forEncounter(request: Parameters<typeof requirePracticeInScope>[0], body: Body) {
    // without practiceId, the encounter is looked for in the practices the caller may code for
    const practices = body.practiceId === undefined ? request.practiceScope : [body.practiceId];
    if (body.practiceId !== undefined) requirePracticeInScope(request, body.practiceId);
    let encounter;
    let practiceId = 0;
    for (const p of practices) {
      encounter = await encounterOfPractice(db, p, body.encounterId as number);
      practiceId = p;
      if (encounter) break;
    }
    if (!encounter) throw notFound('encounter');
    const patient = await patientById(db, encounter.patientId);
    const documents = await listChartDocuments(db, practiceId, encounter.id);
    const dos = body.dateOfService ?? encounter.serviceDateFrom;
    // one text so the E/M level reads every note; offsets are then given back per document
    const parts: { id: number; from: number; to: number }[] = [];
    let text = '';
    for (const d of documents) {
      parts.push({ id: d.id, from: text.length, to: text.length + d.text.length });
      text += `${d.text}\n\n`;
    }
    const sex = body.sex ?? (patient?.sex === 'F' || patient?.sex === 'M' ? patient.sex : undefined);
    const age = body.age ?? (patient ? ageOn(patient.dateOfBirth, dos) : undefined);
    const result = suggestCodes(await phraseIndexFor(dos), {
      text,
      dateOfService: dos,
      ...(sex ? { sex } : {}),
      ...(age !== undefined ? { age } : {}),
      ...(body.newPatient !== undefined ? { newPatient: body.newPatient } : {}),
    });
    return perDocument(result, parts);
  }
}

function perDocument(
  result: SuggestResult,
  parts: { id: number; from: number; to: number }[],
): SuggestResult {
  const rebase = (e: { start: number; end: number; text: string }) => {
    const p = parts.find((x) => e.start >= x.from && e.start < x.to);
    return p ? { ...e, start: e.start - p.from, end: e.end - p.from, documentId: p.id } : e;
  };
  return {
    suggestions: result.suggestions.map((s) => ({ ...s, evidence: s.evidence.map(rebase) })),
    setAside: result.setAside.map((s) => ({ ...s, evidence: s.evidence.map(rebase) })),
  };
}
