import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';

// Public wage data (BLS), installation-wide: no practice owns it. Each row keeps every published
// cell as text (special codes `*` `**` `#` `~` stay codes); the typed columns hold only the cells
// that are numbers, null where BLS published a code or nothing.

/** One file imported (by its content's sha256: the same file twice changes nothing). */
export const wageImport = pgTable(
  'wage_import',
  {
    id: id(),
    fileName: text().notNull(),
    sha256: text().notNull(),
    /** oews or projections. */
    layout: text().notNull(),
    /** "May 2023", or the projection period "2024-34". */
    release: text().notNull(),
    rows: integer().notNull(),
    importedBy: integer(),
    importedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.sha256)],
);

/** One OEWS estimate: an occupation in an area and industry (NAICS, ownership) for a release. */
export const wageEstimate = pgTable(
  'wage_estimate',
  {
    id: id(),
    /** "May 2023". */
    release: text().notNull(),
    /** The survey year (May of it), for ordering releases. */
    releaseYear: integer().notNull(),
    /** The BLS workbook the row comes from (SOURCE_FILE, else the imported file's name). */
    sourceFile: text().notNull(),
    /** AREA: 99 the U.S., a state FIPS code. */
    area: text().notNull(),
    areaTitle: text().notNull(),
    /** PRIM_STATE: US or the postal code. */
    state: text().notNull(),
    /** NAICS; 000000 is cross-industry (the state files are cross-industry). */
    naics: text().notNull(),
    naicsTitle: text().notNull(),
    /** I_GROUP: cross-industry, sector, 3-digit, 4-digit, 5-digit, 6-digit. */
    industryLevel: text().notNull(),
    /** OWN_CODE, empty where the file has none. */
    ownership: text().notNull(),
    occupationCode: text().notNull(),
    occupationTitle: text().notNull(),
    /** TOT_EMP. */
    employment: integer(),
    /** Hourly figures in cents (H_MEAN, H_PCT10 … H_PCT90), annual in cents (A_MEAN …). */
    hourlyMean: integer(),
    annualMean: integer(),
    annualP10: integer(),
    annualP25: integer(),
    annualMedian: integer(),
    annualP75: integer(),
    annualP90: integer(),
    hourlyP10: integer(),
    hourlyP25: integer(),
    hourlyMedian: integer(),
    hourlyP75: integer(),
    hourlyP90: integer(),
    /** Every cell of the row as published, by BLS column name. */
    published: jsonb().$type<Record<string, string>>().notNull(),
    importId: integer()
      .notNull()
      .references(() => wageImport.id),
  },
  (t) => [
    uniqueIndex().on(t.release, t.area, t.naics, t.ownership, t.occupationCode),
    index().on(t.occupationCode, t.releaseYear),
  ],
);

/** One occupation's row of the Employment Projections (National Employment Matrix), as published. */
export const jobOutlook = pgTable(
  'job_outlook',
  {
    id: id(),
    /** PROJECTION_PERIOD, e.g. 2024-34. */
    period: text().notNull(),
    occupationCode: text().notNull(),
    occupationTitle: text().notNull(),
    published: jsonb().$type<Record<string, string>>().notNull(),
    importId: integer()
      .notNull()
      .references(() => wageImport.id),
  },
  (t) => [uniqueIndex().on(t.period, t.occupationCode)],
);

/**
 * An adjustment the pay estimate applies that BLS does not publish (a certification, years of
 * experience, remote work): an assumption, shown as one with its source and year, set by an admin.
 */
export const payAssumption = pgTable('pay_assumption', {
  /** e.g. cert:CPC, experience:0-2, remote. */
  key: text().primaryKey(),
  /** certification, experience, remote. */
  kind: text().notNull(),
  label: text().notNull(),
  /** Low and high adjustment in basis points of the base (250 = +2.5 %), or percentiles for experience. */
  low: integer().notNull(),
  high: integer().notNull(),
  source: text().notNull(),
  sourceYear: integer().notNull(),
  note: text().notNull().default(''),
  updatedBy: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
