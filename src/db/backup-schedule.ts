/** Nightly backups: when the next one runs and which files to keep. Pure: the caller passes "now". */

export const BACKUP_PREFIX = 'cleanclaim-';
export const BACKUP_SUFFIX = '.tgz';

/** A name that sorts by time: cleanclaim-2026-12-03T020000Z.tgz (UTC). */
export function backupFileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/:/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${BACKUP_PREFIX}${stamp}${BACKUP_SUFFIX}`;
}

/** The next time it is `hour` o'clock local time after `now`. */
export function nextBackupAt(now: Date, hour: number): Date {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

/** The backup files past the newest `keep` (other files in the folder are never touched). */
export function backupsToDelete(files: string[], keep: number): string[] {
  const backups = files.filter((f) => f.startsWith(BACKUP_PREFIX) && f.endsWith(BACKUP_SUFFIX)).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}
