import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';

/**
 * How a practice reaches its clearinghouse: an SFTP account or a pair of local folders. Secrets
 * (password, private key, passphrase) are stored only as AES-256-GCM ciphertexts (secrets.ts).
 */
export const clearinghouseConnection = pgTable(
  'clearinghouse_connection',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    name: text().notNull(),
    /** sftp, folder, or http (real-time 270/271 and 276/277, one request and its answer). */
    kind: text().notNull(),
    /** The real-time endpoint of an http connection (the password or token is sealed like the others). */
    url: text(),
    host: text(),
    port: integer(),
    username: text(),
    /** password or key. */
    authMethod: text(),
    passwordSecret: text(),
    privateKeySecret: text(),
    passphraseSecret: text(),
    /** Where batches go (a remote path for SFTP, a directory for folders). */
    outboundDir: text().notNull(),
    /** Where the clearinghouse leaves its answers: TA1, 999, 277CA, 835 … */
    inboundDirs: jsonb().$type<string[]>().notNull(),
    /** The SSH host key's SHA256 fingerprint seen first (pinned on first use). */
    hostKeyFingerprint: text(),
    /** When a user confirmed the pinned fingerprint: an SFTP connection is used only after. */
    hostKeyConfirmedAt: timestamp({ withTimezone: true }),
    lastPolledAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.name)],
);

/**
 * Every file received over a connection, archived whole with its hash: processed exactly once
 * (unique on connection and hash; the state moves in the transaction that applies it).
 */
export const inboundFile = pgTable(
  'inbound_file',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    connectionId: integer()
      .notNull()
      .references(() => clearinghouseConnection.id),
    name: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sha256: text().notNull(),
    /** ST01 of the first transaction set (835, 999, 277 …) or TA1; null when not X12. */
    transactionType: text(),
    /** GS08: the guide version (005010X221A1 …). */
    guide: text(),
    content: text().notNull(),
    /** received, processed, failed (the handler threw) or unrecognised. */
    state: text().notNull().default('received'),
    /** What it did, in a biller's words ("posted 12 claim payments", "no handler yet for 999"). */
    outcome: text(),
    result: jsonb(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex().on(t.connectionId, t.sha256),
    index().on(t.practiceId, t.receivedAt),
    index().on(t.state),
  ],
);

/**
 * Every real-time exchange over an http connection: the request and the response as sent and
 * received (PHI: stored in the database, never written to the logs), the HTTP status and the time.
 */
export const realtimeExchange = pgTable(
  'realtime_exchange',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    connectionId: integer()
      .notNull()
      .references(() => clearinghouseConnection.id),
    /** What was asked: 270 or 276. */
    transactionType: text().notNull(),
    request: text().notNull(),
    response: text(),
    httpStatus: integer(),
    error: text(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    milliseconds: integer(),
  },
  (t) => [index().on(t.practiceId, t.startedAt)],
);
