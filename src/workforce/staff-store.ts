// The practice's staff records, credentials and time kept. Reads for other domains (listStaff,
// staffMember, timeByWeek) are plain; what people do through the API is audited in the caller's
// transaction: every change, and every read of someone else's record (pay and hours are personal).
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { recordAudit, recordAudits, type AuditActor } from '../audit/index.ts';
import { userNameOf, usersGrantedIn } from '../auth/index.ts';
import type { Executor } from '../db/connection.ts';
import { invalid, notFound } from '../shared/problem.ts';
import {
  checkCredential,
  checkStaff,
  credentialReminders,
  minutesByWeek,
  type CredentialDraft,
  type Reminder,
  type StaffDraft,
  type TimeRow,
} from './staff.ts';
import { credentialReminder, staffCredential, staffMember as staffTable, timeEntry } from './staff-tables.ts';

export type StaffMemberRow = typeof staffTable.$inferSelect;
export type StaffCredentialRow = typeof staffCredential.$inferSelect;
export type TimeEntryRow = typeof timeEntry.$inferSelect;

/** The practice's staff, by name (those who left included: their endDate says so). */
export function listStaff(db: Executor, practiceId: number): Promise<StaffMemberRow[]> {
  return db
    .select()
    .from(staffTable)
    .where(eq(staffTable.practiceId, practiceId))
    .orderBy(asc(staffTable.name), asc(staffTable.id));
}

/** One staff member of the practice, undefined when the practice has none by that id. */
export async function staffMember(
  db: Executor,
  practiceId: number,
  staffId: number,
): Promise<StaffMemberRow | undefined> {
  const [row] = await db
    .select()
    .from(staffTable)
    .where(and(eq(staffTable.practiceId, practiceId), eq(staffTable.id, staffId)));
  return row;
}

/** The staff record linked to a login in the practice, if any. */
export async function staffOfUser(
  db: Executor,
  practiceId: number,
  userId: number,
): Promise<StaffMemberRow | undefined> {
  const [row] = await db
    .select()
    .from(staffTable)
    .where(and(eq(staffTable.practiceId, practiceId), eq(staffTable.userId, userId)));
  return row;
}

/** Days worked between from and to (inclusive), each source's row as kept. */
export function timeEntries(
  db: Executor,
  practiceId: number,
  staffId: number,
  from: string,
  to: string,
): Promise<TimeEntryRow[]> {
  return db
    .select()
    .from(timeEntry)
    .where(
      and(
        eq(timeEntry.practiceId, practiceId),
        eq(timeEntry.staffId, staffId),
        gte(timeEntry.workDate, from),
        lte(timeEntry.workDate, to),
      ),
    )
    .orderBy(asc(timeEntry.workDate), asc(timeEntry.source));
}

/**
 * Minutes worked by ISO workweek (Monday to Sunday, "2026-W48") for the days from … to
 * (inclusive); a week cut by from or to counts only its days inside. Typed and imported minutes
 * of one day add up.
 */
export async function timeByWeek(
  db: Executor,
  practiceId: number,
  staffId: number,
  from: string,
  to: string,
): Promise<{ week: string; minutes: number }[]> {
  return minutesByWeek(await timeEntries(db, practiceId, staffId, from, to));
}

/** Minutes worked per staff member between from and to (inclusive), for the whole practice. */
export async function minutesWorked(
  db: Executor,
  practiceId: number,
  from: string,
  to: string,
): Promise<{ staffId: number; minutes: number }[]> {
  return db
    .select({ staffId: timeEntry.staffId, minutes: sql<number>`sum(${timeEntry.minutes})::int` })
    .from(timeEntry)
    .where(
      and(eq(timeEntry.practiceId, practiceId), gte(timeEntry.workDate, from), lte(timeEntry.workDate, to)),
    )
    .groupBy(timeEntry.staffId)
    .orderBy(asc(timeEntry.staffId));
}

export function credentialsOf(db: Executor, staffIds: number[]): Promise<StaffCredentialRow[]> {
  return db
    .select()
    .from(staffCredential)
    .where(inArray(staffCredential.staffId, staffIds.length ? staffIds : [-1]))
    .orderBy(asc(staffCredential.staffId), asc(staffCredential.credential), asc(staffCredential.id));
}

/** The logins of the practice (anyone with a role in it), to link a staff record to its person. */
export function practiceLogins(
  db: Executor,
  practiceId: number,
): Promise<{ id: number; name: string | null }[]> {
  const granted = usersGrantedIn(db, [practiceId]).as('granted');
  return db
    .selectDistinct({ id: granted.id, name: userNameOf(granted.id) })
    .from(granted)
    .orderBy(asc(granted.id));
}

/** Who asks: the user, and whether they manage the practice (managers see everyone's record). */
export interface Viewer {
  actor: AuditActor;
  manager: boolean;
}

/** A staff member with credentials, as the team page shows them. */
export type StaffView = StaffMemberRow & { credentials: StaffCredentialRow[]; userName: string | null };

async function viewsOf(db: Executor, rows: StaffMemberRow[]): Promise<StaffView[]> {
  const credentials = await credentialsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map(
    rows.length
      ? (
          await db
            .select({ id: staffTable.id, userName: userNameOf(staffTable.userId) })
            .from(staffTable)
            .where(
              inArray(
                staffTable.id,
                rows.map((r) => r.id),
              ),
            )
        ).map((n) => [n.id, n.userName])
      : [],
  );
  return rows.map((r) => ({
    ...r,
    credentials: credentials.filter((c) => c.staffId === r.id),
    userName: names.get(r.id) ?? null,
  }));
}

/**
 * The team as the viewer may see it: a manager the whole staff (the listing audited, as it shows
 * others' pay), anyone else only their own record (not audited: it is theirs).
 */
export async function teamFor(db: Executor, practiceId: number, viewer: Viewer): Promise<StaffView[]> {
  if (!viewer.manager) {
    const own = viewer.actor.userId ? await staffOfUser(db, practiceId, viewer.actor.userId) : undefined;
    return own ? viewsOf(db, [own]) : [];
  }
  const rows = await listStaff(db, practiceId);
  await recordAudit(db, viewer.actor, {
    practiceId,
    action: 'list',
    entity: 'staff_member',
    detail: { staffIds: rows.map((r) => r.id) },
  });
  return viewsOf(db, rows);
}

/**
 * One record: the person themself, or a manager (audited). Someone else's record is "not found"
 * to a non-manager, so that nobody learns who else is on the staff.
 */
export async function readStaff(
  db: Executor,
  practiceId: number,
  staffId: number,
  viewer: Viewer,
): Promise<StaffView> {
  const row = await visibleStaff(db, practiceId, staffId, viewer);
  if (!isOwn(row, viewer))
    await recordAudit(db, viewer.actor, {
      practiceId,
      action: 'read',
      entity: 'staff_member',
      entityId: staffId,
    });
  const [view] = await viewsOf(db, [row]);
  return view!;
}

const isOwn = (row: StaffMemberRow, viewer: Viewer) =>
  viewer.actor.userId !== null && row.userId === viewer.actor.userId;

async function visibleStaff(
  db: Executor,
  practiceId: number,
  staffId: number,
  viewer: Viewer,
): Promise<StaffMemberRow> {
  const row = await staffMember(db, practiceId, staffId);
  if (!row || !(viewer.manager || isOwn(row, viewer))) throw notFound('staff member');
  return row;
}

async function checkedDraft(db: Executor, practiceId: number, draft: StaffDraft, staffId?: number) {
  const errors = checkStaff(draft);
  if (draft.userId != null) {
    const granted = await usersGrantedIn(db, [practiceId]);
    if (!granted.some((g) => g.id === draft.userId))
      errors.push({ pointer: '/userId', detail: 'this login has no role in the practice' });
    else {
      const linked = await staffOfUser(db, practiceId, draft.userId);
      if (linked && linked.id !== staffId)
        errors.push({ pointer: '/userId', detail: `this login is already linked to ${linked.name}` });
    }
  }
  if (errors.length) throw invalid(errors);
  return {
    userId: draft.userId ?? null,
    name: draft.name.trim(),
    role: draft.role,
    jobTitle: draft.jobTitle?.trim() || null,
    payType: draft.payType,
    exempt: draft.exempt,
    rateCents: draft.rateCents ?? null,
    annualSalaryCents: draft.annualSalaryCents ?? null,
    salariedHoursPerWeek: draft.salariedHoursPerWeek ?? null,
    state: draft.state,
    remote: draft.remote ?? false,
    workSetting: draft.workSetting ?? null,
    hireDate: draft.hireDate,
    endDate: draft.endDate ?? null,
  };
}

export async function createStaff(
  db: Executor,
  practiceId: number,
  draft: StaffDraft,
  actor: AuditActor,
): Promise<StaffMemberRow> {
  const values = await checkedDraft(db, practiceId, draft);
  const [row] = await db
    .insert(staffTable)
    .values({ practiceId, ...values })
    .returning();
  await recordAudit(db, actor, {
    practiceId,
    action: 'create',
    entity: 'staff_member',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function updateStaff(
  db: Executor,
  practiceId: number,
  staffId: number,
  draft: StaffDraft,
  actor: AuditActor,
): Promise<StaffMemberRow> {
  const before = await staffMember(db, practiceId, staffId);
  if (!before) throw notFound('staff member');
  const values = await checkedDraft(db, practiceId, draft, staffId);
  const [after] = await db
    .update(staffTable)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(staffTable.id, staffId))
    .returning();
  await recordAudit(db, actor, {
    practiceId,
    action: 'update',
    entity: 'staff_member',
    entityId: staffId,
    before,
    after,
  });
  return after!;
}

function credentialValues(draft: CredentialDraft) {
  const errors = checkCredential(draft);
  if (errors.length) throw invalid(errors);
  return {
    credential: draft.credential,
    specialty: draft.specialty?.trim() || null,
    number: draft.number?.trim() || null,
    issuedOn: draft.issuedOn ?? null,
    expiresOn: draft.expiresOn ?? null,
    ceuRequired: draft.ceuRequired ?? 0,
    ceuEarned: draft.ceuEarned ?? 0,
  };
}

export async function addCredential(
  db: Executor,
  practiceId: number,
  staffId: number,
  draft: CredentialDraft,
  actor: AuditActor,
): Promise<StaffCredentialRow> {
  if (!(await staffMember(db, practiceId, staffId))) throw notFound('staff member');
  const [row] = await db
    .insert(staffCredential)
    .values({ staffId, ...credentialValues(draft) })
    .returning();
  await recordAudit(db, actor, {
    practiceId,
    action: 'create',
    entity: 'staff_credential',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

async function credentialIn(
  db: Executor,
  practiceId: number,
  credentialId: number,
): Promise<StaffCredentialRow> {
  const [row] = await db
    .select({ c: staffCredential })
    .from(staffCredential)
    .innerJoin(staffTable, eq(staffTable.id, staffCredential.staffId))
    .where(and(eq(staffCredential.id, credentialId), eq(staffTable.practiceId, practiceId)));
  if (!row) throw notFound('credential');
  return row.c;
}

/** A renewed or corrected credential; a reminder about the old expiry closes once it is renewed. */
export async function updateCredential(
  db: Executor,
  practiceId: number,
  credentialId: number,
  draft: CredentialDraft,
  actor: AuditActor,
  today: string,
): Promise<StaffCredentialRow> {
  const before = await credentialIn(db, practiceId, credentialId);
  const [after] = await db
    .update(staffCredential)
    .set({ ...credentialValues(draft), updatedAt: new Date() })
    .where(eq(staffCredential.id, credentialId))
    .returning();
  await recordAudit(db, actor, {
    practiceId,
    action: 'update',
    entity: 'staff_credential',
    entityId: credentialId,
    before,
    after,
  });
  await closeSettledReminders(db, practiceId, [after!], actor, today);
  return after!;
}

export async function deleteCredential(
  db: Executor,
  practiceId: number,
  credentialId: number,
  actor: AuditActor,
): Promise<void> {
  const before = await credentialIn(db, practiceId, credentialId);
  await db.delete(staffCredential).where(eq(staffCredential.id, credentialId));
  await recordAudit(db, actor, {
    practiceId,
    action: 'delete',
    entity: 'staff_credential',
    entityId: credentialId,
    before,
  });
}

/** The days a person worked, for the person themself or a manager (another's hours audited). */
export async function readTime(
  db: Executor,
  practiceId: number,
  staffId: number,
  from: string,
  to: string,
  viewer: Viewer,
): Promise<{ days: TimeEntryRow[]; weeks: { week: string; minutes: number }[] }> {
  const row = await visibleStaff(db, practiceId, staffId, viewer);
  if (!isOwn(row, viewer))
    await recordAudit(db, viewer.actor, {
      practiceId,
      action: 'read',
      entity: 'time_entry',
      entityId: staffId,
      detail: { from, to },
    });
  const days = await timeEntries(db, practiceId, staffId, from, to);
  return { days, weeks: minutesByWeek(days) };
}

export interface DayWorked {
  workDate: string;
  minutes: number;
  note?: string | null;
}

/**
 * Days typed on the time page (source 'entry'): each replaces that day's typed minutes; 0 minutes
 * removes the day. Managers enter anyone's time. One audit event per day changed.
 */
/** Why a day cannot carry time worked: before the hire date or after leaving (0 minutes clears any day). */
function outsideEmployment(member: StaffMemberRow, day: DayWorked): string | undefined {
  if (day.minutes === 0) return undefined;
  if (day.workDate < member.hireDate) return `before ${member.name} was hired (${member.hireDate})`;
  if (member.endDate && day.workDate > member.endDate) return `after ${member.name} left (${member.endDate})`;
  return undefined;
}

export async function enterTime(
  db: Executor,
  practiceId: number,
  staffId: number,
  days: DayWorked[],
  actor: AuditActor,
): Promise<TimeEntryRow[]> {
  const member = await staffMember(db, practiceId, staffId);
  if (!member) throw notFound('staff member');
  const errors = days.flatMap((d, i) => {
    const why = outsideEmployment(member, d);
    return why ? [{ pointer: `/days/${i}/workDate`, detail: why }] : [];
  });
  if (errors.length) throw invalid(errors);
  return writeDays(
    db,
    practiceId,
    days.map((d) => ({ staffId, ...d })),
    'entry',
    actor,
  );
}

async function writeDays(
  db: Executor,
  practiceId: number,
  days: (DayWorked & { staffId: number })[],
  source: 'entry' | 'import',
  actor: AuditActor,
): Promise<TimeEntryRow[]> {
  if (days.length === 0) return [];
  const before = await db
    .select()
    .from(timeEntry)
    .where(
      and(
        eq(timeEntry.practiceId, practiceId),
        eq(timeEntry.source, source),
        inArray(timeEntry.staffId, [...new Set(days.map((d) => d.staffId))]),
        inArray(timeEntry.workDate, [...new Set(days.map((d) => d.workDate))]),
      ),
    );
  const old = new Map(before.map((b) => [`${b.staffId}|${b.workDate}`, b]));
  const gone = days.filter((d) => d.minutes === 0 && old.has(`${d.staffId}|${d.workDate}`));
  for (const d of gone)
    await db
      .delete(timeEntry)
      .where(
        and(
          eq(timeEntry.staffId, d.staffId),
          eq(timeEntry.workDate, d.workDate),
          eq(timeEntry.source, source),
        ),
      );
  const kept = days.filter((d) => d.minutes > 0);
  const written = kept.length
    ? await db
        .insert(timeEntry)
        .values(
          kept.map((d) => ({
            practiceId,
            staffId: d.staffId,
            workDate: d.workDate,
            minutes: d.minutes,
            note: d.note?.trim() || null,
            source,
            enteredBy: actor.userId,
          })),
        )
        .onConflictDoUpdate({
          target: [timeEntry.staffId, timeEntry.workDate, timeEntry.source],
          set: {
            minutes: sql`excluded.minutes`,
            note: sql`excluded.note`,
            enteredBy: sql`excluded.entered_by`,
            enteredAt: sql`now()`,
          },
        })
        .returning()
    : [];
  await recordAudits(db, actor, [
    ...gone.map((d) => ({
      practiceId,
      action: 'delete',
      entity: 'time_entry',
      entityId: old.get(`${d.staffId}|${d.workDate}`)!.id,
      before: old.get(`${d.staffId}|${d.workDate}`),
    })),
    ...written.map((w) => {
      const was = old.get(`${w.staffId}|${w.workDate}`);
      return {
        practiceId,
        action: was ? 'update' : 'create',
        entity: 'time_entry',
        entityId: w.id,
        before: was ?? null,
        after: w,
      };
    }),
  ]);
  return written;
}

/**
 * A time sheet read from CSV (readTimeCsv), its people found by id or name in the practice. Any
 * unknown person refuses the whole sheet; otherwise each row replaces that day's imported minutes.
 */
export async function importTime(
  db: Executor,
  practiceId: number,
  rows: TimeRow[],
  actor: AuditActor,
): Promise<{ days: number; minutes: number }> {
  const staff = await listStaff(db, practiceId);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const byName = new Map<string, StaffMemberRow[]>();
  for (const s of staff) byName.set(s.name.toLowerCase(), [...(byName.get(s.name.toLowerCase()) ?? []), s]);
  const errors: { pointer: string; detail: string }[] = [];
  const days: (DayWorked & { staffId: number })[] = [];
  for (const r of rows) {
    const named = r.staffName ? (byName.get(r.staffName.toLowerCase()) ?? []) : [];
    const person = r.staffId !== undefined ? byId.get(r.staffId) : named.length === 1 ? named[0] : undefined;
    if (r.staffId !== undefined && !person)
      errors.push({
        pointer: `/csv/row ${r.row}/staffId`,
        detail: `no staff member ${r.staffId} in this practice`,
      });
    else if (r.staffId === undefined && named.length > 1)
      errors.push({
        pointer: `/csv/row ${r.row}/staff`,
        detail: `${named.length} staff members are named "${r.staffName}": use staffId`,
      });
    else if (!person)
      errors.push({ pointer: `/csv/row ${r.row}/staff`, detail: `no staff member named "${r.staffName}"` });
    else if (
      r.staffId !== undefined &&
      r.staffName &&
      person.name.toLowerCase() !== r.staffName.toLowerCase()
    )
      errors.push({
        pointer: `/csv/row ${r.row}/staff`,
        detail: `staff member ${r.staffId} is ${person.name}, not "${r.staffName}"`,
      });
    else {
      const day = { staffId: person.id, workDate: r.workDate, minutes: r.minutes, note: r.note ?? null };
      const why = outsideEmployment(person, day);
      if (why) errors.push({ pointer: `/csv/row ${r.row}/date`, detail: why });
      else days.push(day);
    }
  }
  if (errors.length) throw invalid(errors);
  const seen = new Set<string>();
  for (const [i, d] of days.entries()) {
    const k = `${d.staffId}|${d.workDate}`;
    if (seen.has(k))
      errors.push({ pointer: `/csv/row ${rows[i]!.row}/date`, detail: 'the same person and day twice' });
    seen.add(k);
  }
  if (errors.length) throw invalid(errors);
  await writeDays(db, practiceId, days, 'import', actor);
  return { days: days.length, minutes: days.reduce((s, d) => s + d.minutes, 0) };
}

/** Credential reminders today for the practice's current staff (those who left are not reminded). */
export async function remindersOf(db: Executor, practiceId: number, today: string): Promise<Reminder[]> {
  const rows = await db
    .select({ c: staffCredential, staffName: staffTable.name })
    .from(staffCredential)
    .innerJoin(staffTable, eq(staffTable.id, staffCredential.staffId))
    .where(
      and(
        eq(staffTable.practiceId, practiceId),
        or(isNull(staffTable.endDate), gte(staffTable.endDate, today)),
      ),
    );
  return credentialReminders(
    rows.map(({ c, staffName }) => ({
      credentialId: c.id,
      staffId: c.staffId,
      staffName,
      credential: c.credential,
      expiresOn: c.expiresOn,
      ceuRequired: c.ceuRequired,
      ceuEarned: c.ceuEarned,
    })),
    today,
  );
}

export type ReminderRow = typeof credentialReminder.$inferSelect;

/**
 * The daily job's work for one practice: opens each reminder due today once (per credential,
 * kind and expiry; expired counts as expiring) and closes open ones whose cause went away
 * (renewed, CEUs earned, credential removed). Returns how many opened and closed.
 */
export async function refreshReminders(
  db: Executor,
  practiceId: number,
  actor: AuditActor,
  today: string,
): Promise<{ opened: number; closed: number }> {
  const due = await remindersOf(db, practiceId, today);
  const wanted = due.map((r) => ({
    practiceId,
    credentialId: r.credentialId,
    kind: r.kind === 'ceu-short' ? 'ceu-short' : 'expiring',
    expiresOn: r.expiresOn ?? '',
    openedOn: today,
  }));
  const opened = wanted.length
    ? await db.insert(credentialReminder).values(wanted).onConflictDoNothing().returning()
    : [];
  const closed = await closeSettledReminders(db, practiceId, null, actor, today, wanted);
  if (opened.length)
    await recordAudits(
      db,
      actor,
      opened.map((o) => ({
        practiceId,
        action: 'create',
        entity: 'credential_reminder',
        entityId: o.id,
        after: o,
      })),
    );
  return { opened: opened.length, closed };
}

async function closeSettledReminders(
  db: Executor,
  practiceId: number,
  only: StaffCredentialRow[] | null,
  actor: AuditActor,
  today: string,
  stillDue?: { credentialId: number; kind: string; expiresOn: string }[],
): Promise<number> {
  const due =
    stillDue ??
    (await remindersOf(db, practiceId, today)).map((r) => ({
      credentialId: r.credentialId,
      kind: r.kind === 'ceu-short' ? 'ceu-short' : 'expiring',
      expiresOn: r.expiresOn ?? '',
    }));
  const key = (r: { credentialId: number; kind: string; expiresOn: string }) =>
    `${r.credentialId}|${r.kind}|${r.expiresOn}`;
  const wanted = new Set(due.map(key));
  const open = await db
    .select()
    .from(credentialReminder)
    .where(
      and(
        eq(credentialReminder.practiceId, practiceId),
        isNull(credentialReminder.closedOn),
        only
          ? inArray(
              credentialReminder.credentialId,
              only.map((c) => c.id),
            )
          : undefined,
      ),
    );
  const settled = open.filter((o) => !wanted.has(key(o)));
  if (!settled.length) return 0;
  await db
    .update(credentialReminder)
    .set({ closedOn: today, closedBy: actor.userId })
    .where(
      inArray(
        credentialReminder.id,
        settled.map((s) => s.id),
      ),
    );
  await recordAudits(
    db,
    actor,
    settled.map((s) => ({
      practiceId,
      action: 'update',
      entity: 'credential_reminder',
      entityId: s.id,
      before: { closedOn: null },
      after: { closedOn: today },
      detail: 'settled',
    })),
  );
  return settled.length;
}

/** Open reminders (opened by the daily job) with their person and credential, oldest first. */
export function openReminders(db: Executor, practiceId: number) {
  return db
    .select({
      id: credentialReminder.id,
      kind: credentialReminder.kind,
      expiresOn: credentialReminder.expiresOn,
      openedOn: credentialReminder.openedOn,
      credentialId: credentialReminder.credentialId,
      credential: staffCredential.credential,
      staffId: staffTable.id,
      staffName: staffTable.name,
    })
    .from(credentialReminder)
    .innerJoin(staffCredential, eq(staffCredential.id, credentialReminder.credentialId))
    .innerJoin(staffTable, eq(staffTable.id, staffCredential.staffId))
    .where(and(eq(credentialReminder.practiceId, practiceId), isNull(credentialReminder.closedOn)))
    .orderBy(asc(credentialReminder.openedOn), asc(credentialReminder.id));
}

/** A manager dismisses an open reminder (seen to): it does not open again for the same expiry. */
export async function dismissReminder(
  db: Executor,
  practiceId: number,
  reminderId: number,
  actor: AuditActor,
  today: string,
): Promise<void> {
  const [row] = await db
    .update(credentialReminder)
    .set({ closedOn: today, closedBy: actor.userId })
    .where(
      and(
        eq(credentialReminder.id, reminderId),
        eq(credentialReminder.practiceId, practiceId),
        isNull(credentialReminder.closedOn),
      ),
    )
    .returning();
  if (!row) throw notFound('open reminder');
  await recordAudit(db, actor, {
    practiceId,
    action: 'update',
    entity: 'credential_reminder',
    entityId: reminderId,
    before: { closedOn: null },
    after: { closedOn: today },
    detail: 'dismissed',
  });
}
