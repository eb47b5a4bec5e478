// Pure: a BLS CSV of ../shared/salary's layouts (BLS's own column names, one row per estimate) →
// rows to store. OEWS files (national, state, industry) and the Employment Projections file are
// told apart by their header. Every cell is kept as published; the figures are read beside it.
import { parse } from 'csv-parse/sync';
import { countFigure, moneyFigure, valueOf } from './figure.ts';
import { wageProblem, type WageProblem } from './problems.ts';

/** The typed figures of an OEWS row: cents for wages, a count for employment; null = not a number. */
export const OEWS_FIGURES = {
  employment: ['TOT_EMP', 'count'],
  hourlyMean: ['H_MEAN', 'money'],
  annualMean: ['A_MEAN', 'money'],
  annualP10: ['A_PCT10', 'money'],
  annualP25: ['A_PCT25', 'money'],
  annualMedian: ['A_MEDIAN', 'money'],
  annualP75: ['A_PCT75', 'money'],
  annualP90: ['A_PCT90', 'money'],
  hourlyP10: ['H_PCT10', 'money'],
  hourlyP25: ['H_PCT25', 'money'],
  hourlyMedian: ['H_MEDIAN', 'money'],
  hourlyP75: ['H_PCT75', 'money'],
  hourlyP90: ['H_PCT90', 'money'],
} as const;
export type OewsFigureName = keyof typeof OEWS_FIGURES;

export interface OewsRow {
  release: string;
  releaseYear: number;
  sourceFile: string;
  area: string;
  areaTitle: string;
  state: string;
  naics: string;
  naicsTitle: string;
  industryLevel: string;
  ownership: string;
  occupationCode: string;
  occupationTitle: string;
  figures: Record<OewsFigureName, number | null>;
  published: Record<string, string>;
}

export interface OutlookRow {
  period: string;
  occupationCode: string;
  occupationTitle: string;
  published: Record<string, string>;
}

export type BlsFile =
  | { layout: 'oews'; release: string; rows: OewsRow[]; problems: WageProblem[] }
  | { layout: 'projections'; release: string; rows: OutlookRow[]; problems: WageProblem[] }
  | { layout: 'unknown'; release: ''; rows: []; problems: WageProblem[] };

/** State files are cross-industry (BLS publishes them so); they carry no NAICS column. */
const CROSS_INDUSTRY = { NAICS: '000000', NAICS_TITLE: 'Cross-industry', I_GROUP: 'cross-industry' };

export function readBlsFile(file: string, text: string): BlsFile {
  let records: Record<string, string>[];
  try {
    records = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    const message = `not CSV: ${(e as Error).message}`;
    return unknown(wageProblem('WAGE_FILE_UNREADABLE', message, { file }));
  }
  const header = Object.keys(records[0] ?? {});
  if (header.includes('PROJECTION_PERIOD')) return readProjections(file, records);
  if (header.includes('OCC_CODE') && header.includes('RELEASE')) return readOews(file, records);
  return unknown(
    wageProblem(
      'WAGE_FILE_LAYOUT_UNKNOWN',
      `no BLS layout: the header has neither OCC_CODE with RELEASE nor PROJECTION_PERIOD (${header.slice(0, 6).join(', ') || 'empty file'})`,
      { file, line: 1 },
    ),
  );
}

const unknown = (p: WageProblem): BlsFile => ({ layout: 'unknown', release: '', rows: [], problems: [p] });

function readOews(file: string, records: Record<string, string>[]): BlsFile {
  const problems: WageProblem[] = [];
  const seen = new Set<string>();
  const rows = records.map((cells, i): OewsRow => {
    const line = i + 2;
    const c = (name: string) => cells[name] ?? (CROSS_INDUSTRY as Record<string, string>)[name] ?? '';
    const figures = {} as Record<OewsFigureName, number | null>;
    for (const [name, [column, kind]] of Object.entries(OEWS_FIGURES)) {
      const f = kind === 'money' ? moneyFigure(cells[column]) : countFigure(cells[column]);
      if (f.kind === 'unreadable')
        problems.push(
          wageProblem('WAGE_CELL_UNREADABLE', `${column} "${f.text}" is neither a number nor a BLS code`, {
            file,
            line,
            field: column,
          }),
        );
      figures[name as OewsFigureName] = valueOf(f);
    }
    const release = c('RELEASE');
    const year = Number(/\b(\d{4})\b/.exec(release)?.[1] ?? NaN);
    for (const column of ['RELEASE', 'AREA', 'OCC_CODE'])
      if (!c(column) || (column === 'RELEASE' && !Number.isInteger(year)))
        problems.push(
          wageProblem('WAGE_ROW_KEY_MISSING', `${column} is empty or has no year`, {
            file,
            line,
            field: column,
          }),
        );
    const row: OewsRow = {
      release,
      releaseYear: year,
      sourceFile: c('SOURCE_FILE') || file,
      area: c('AREA'),
      areaTitle: c('AREA_TITLE'),
      state: c('PRIM_STATE'),
      naics: c('NAICS'),
      naicsTitle: c('NAICS_TITLE'),
      industryLevel: c('I_GROUP'),
      ownership: c('OWN_CODE'),
      occupationCode: c('OCC_CODE'),
      occupationTitle: c('OCC_TITLE'),
      figures,
      published: cells,
    };
    const key = [row.release, row.area, row.naics, row.ownership, row.occupationCode].join('|');
    if (seen.has(key))
      problems.push(
        wageProblem('WAGE_ROW_DUPLICATE', `a second row for ${key.replace(/\|/g, ', ')}`, { file, line }),
      );
    seen.add(key);
    return row;
  });
  const releases = [...new Set(rows.map((r) => r.release))];
  return { layout: 'oews', release: releases.join(', '), rows, problems };
}

function readProjections(file: string, records: Record<string, string>[]): BlsFile {
  const problems: WageProblem[] = [];
  const rows = records.map((cells, i): OutlookRow => {
    for (const column of ['PROJECTION_PERIOD', 'OCC_CODE'])
      if (!cells[column])
        problems.push(
          wageProblem('WAGE_ROW_KEY_MISSING', `${column} is empty`, { file, line: i + 2, field: column }),
        );
    return {
      period: cells.PROJECTION_PERIOD ?? '',
      occupationCode: cells.OCC_CODE ?? '',
      occupationTitle: cells.OCC_TITLE ?? '',
      published: cells,
    };
  });
  const periods = [...new Set(rows.map((r) => r.period))];
  return { layout: 'projections', release: periods.join(', '), rows, problems };
}
