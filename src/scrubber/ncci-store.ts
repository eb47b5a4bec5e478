import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { asc, eq } from 'drizzle-orm';
import type { AuditActor } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Database } from '../db/connection.ts';
import {
  importMues,
  importPtpEdits,
  loadMueQuarter,
  loadPtpTable,
  type MueSetting,
  type MueTable,
  type NcciProblem,
  type PtpTable,
} from './ncci/index.ts';
import { ncciFile } from './ncci-files.ts';
import { parseGlobalDays } from './mpfs/global-days.ts';

/** ptp and mue are NCCI files; global-days is the MPFS relative value file (PPRRVU) the global period rule reads. */
export type NcciFileKind = 'ptp' | 'mue' | 'global-days';

/**
 * Which CMS file a name is: PTP practitioner (ccipra…), PTP outpatient hospital (ccioph…), an MUE
 * file, or the physician fee schedule's relative value file (PPRRVUyy_Qtr.csv) with global days.
 */
export function classifyNcciFile(name: string): { kind: NcciFileKind; setting: MueSetting } | undefined {
  const n = name.toLowerCase();
  if (/^pprrvu.*\.csv$/.test(n)) return { kind: 'global-days', setting: 'practitioner' };
  if (!/\.txt(\.gz)?$/.test(n)) return undefined;
  if (n.startsWith('ccipra')) return { kind: 'ptp', setting: 'practitioner' };
  if (n.startsWith('ccioph')) return { kind: 'ptp', setting: 'outpatient' };
  if (n.includes('mue')) {
    if (n.includes('dme')) return { kind: 'mue', setting: 'dme' };
    if (n.includes('outpatient') || n.includes('facility') || n.includes('ohp'))
      return { kind: 'mue', setting: 'outpatient' };
    if (n.includes('practitioner')) return { kind: 'mue', setting: 'practitioner' };
  }
  return undefined;
}

export interface NcciImportOutcome {
  file: string;
  status: 'imported' | 'unchanged' | 'failed' | 'skipped';
  rows: number;
  problems: NcciProblem[];
}

async function checkFile(content: Buffer, kind: NcciFileKind, setting: MueSetting, file: string) {
  if (kind === 'global-days') return checkGlobalDays(content, file);
  let rows = 0;
  const problems: NcciProblem[] = [];
  const batches =
    kind === 'ptp'
      ? importPtpEdits(Readable.from([content]), { file })
      : importMues(Readable.from([content]), { setting, file });
  for await (const batch of batches) {
    rows += batch.rows.length;
    problems.push(...batch.problems);
  }
  return { rows, problems };
}

/**
 * Imports the NCCI PTP and MUE files of a folder for a quarter. A file is checked whole first (a
 * malformed or truncated file is refused with its problems and nothing is stored); the same file
 * twice changes nothing.
 */
export async function importNcciDirectory(
  database: Database,
  dir: string,
  quarter: string,
  actor: AuditActor,
): Promise<NcciImportOutcome[]> {
  if (!/^\d{4}Q[1-4]$/.test(quarter)) throw new Error(`quarter ${quarter} is not like 2026Q4`);
  const names = (await readdir(dir, { recursive: true })).map(String).sort();
  const outcomes: NcciImportOutcome[] = [];
  for (const name of names) {
    const cls = classifyNcciFile(basename(name));
    if (!cls) continue;
    const content = await readFile(join(dir, name));
    const sha256 = createHash('sha256').update(content).digest('hex');
    const [existing] = await database.db
      .select({ id: ncciFile.id, rows: ncciFile.rows })
      .from(ncciFile)
      .where(eq(ncciFile.sha256, sha256));
    if (existing) {
      outcomes.push({ file: name, status: 'unchanged', rows: existing.rows, problems: [] });
      continue;
    }
    const { rows, problems } = await checkFile(content, cls.kind, cls.setting, basename(name));
    if (problems.some((p) => p.severity === 'error') || rows === 0) {
      outcomes.push({ file: name, status: 'failed', rows, problems });
      continue;
    }
    const stored = content[0] === 0x1f && content[1] === 0x8b ? content : gzipSync(content);
    await database.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(ncciFile)
        .values({ ...cls, quarter, fileName: basename(name), sha256, rows, problems, content: stored })
        .returning({ id: ncciFile.id });
      await recordAudit(tx, actor, {
        practiceId: null,
        action: 'create',
        entity: 'ncci_file',
        entityId: row!.id,
        detail: { ...cls, quarter, file: basename(name), rows, sha256 },
      });
    });
    outcomes.push({ file: name, status: 'imported', rows, problems });
  }
  return outcomes;
}

function checkGlobalDays(content: Buffer, file: string) {
  const { rows, problems } = parseGlobalDays(content.toString('latin1'), file);
  return {
    rows,
    problems: problems.map((p): NcciProblem => ({
      code: p.field ? 'NCCI-ROW-MALFORMED' : rows ? 'NCCI-HEADER' : 'NCCI-FILE-TRUNCATED',
      severity: 'error',
      file: p.file,
      line: p.line,
      ...(p.field ? { field: p.field } : {}),
      message: p.message,
    })),
  };
}

export interface NcciTables {
  /** globalDays: MPFS global surgery days by procedure code, from the latest PPRRVU file. */
  practitioner: { ptp?: PtpTable; mue?: MueTable; globalDays?: Map<string, number> };
  outpatient: { ptp?: PtpTable; mue?: MueTable };
}

/** The imported NCCI files as lookup tables in memory, per setting; MUE quarters in order. */
export class NcciCatalog {
  private current: NcciTables = { practitioner: {}, outpatient: {} };

  constructor(private readonly database: Database) {}

  async reload(): Promise<void> {
    const files = await this.database.db
      .select()
      .from(ncciFile)
      .orderBy(asc(ncciFile.quarter), asc(ncciFile.fileName));
    const next: NcciTables = { practitioner: {}, outpatient: {} };
    for (const setting of ['practitioner', 'outpatient'] as const) {
      const ptpFiles = files.filter((f) => f.kind === 'ptp' && f.setting === setting);
      // PTP files of the latest quarter hold every edit with its dates (the f1…f4 parts together).
      const latest = ptpFiles.at(-1)?.quarter;
      const parts = ptpFiles.filter((f) => f.quarter === latest);
      if (parts.length)
        next[setting].ptp = (
          await loadPtpTable(
            parts.map((f) => Readable.from([f.content])),
            { setting, expectedRows: parts.reduce((n, f) => n + f.rows, 0) },
          )
        ).table;
      let mue: MueTable | undefined;
      for (const f of files.filter((x) => x.kind === 'mue' && x.setting === setting)) {
        mue = (
          await loadMueQuarter(Readable.from([f.content]), {
            setting,
            quarter: f.quarter,
            ...(mue ? { table: mue } : {}),
          })
        ).table;
      }
      if (mue) next[setting].mue = mue;
    }
    const rvu = files.filter((f) => f.kind === 'global-days').at(-1);
    if (rvu)
      next.practitioner.globalDays = parseGlobalDays(
        gunzipSync(rvu.content).toString('latin1'),
        rvu.fileName,
      ).days;
    this.current = next;
  }

  tables(): NcciTables {
    return this.current;
  }
}
