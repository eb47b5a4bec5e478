import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToDelete, nextBackupAt } from './backup-schedule.ts';

describe('nightly backups', () => {
  it('names files so that they sort by time', () => {
    const names = [new Date('2026-12-03T02:00:00.123Z'), new Date('2026-11-30T23:59:59Z')].map(
      backupFileName,
    );
    expect(names).toEqual(['cleanclaim-2026-12-03T020000Z.tgz', 'cleanclaim-2026-11-30T235959Z.tgz']);
    expect([...names].sort()).toEqual([names[1], names[0]]);
  });

  it('runs at the hour today if it is still ahead, else tomorrow', () => {
    const morning = new Date(2026, 11, 3, 1, 30);
    expect(nextBackupAt(morning, 2)).toEqual(new Date(2026, 11, 3, 2, 0));
    const afternoon = new Date(2026, 11, 3, 14, 0);
    expect(nextBackupAt(afternoon, 2)).toEqual(new Date(2026, 11, 4, 2, 0));
    expect(nextBackupAt(new Date(2026, 11, 31, 2, 0), 2)).toEqual(new Date(2027, 0, 1, 2, 0));
  });

  it('keeps the newest N backups and leaves other files alone', () => {
    const files = [
      'cleanclaim-2026-12-01T020000Z.tgz',
      'notes.txt',
      'cleanclaim-2026-12-03T020000Z.tgz',
      'cleanclaim-2026-12-02T020000Z.tgz',
      'cleanclaim-2026-12-03T020000Z.tgz.partial',
    ];
    expect(backupsToDelete(files, 2)).toEqual(['cleanclaim-2026-12-01T020000Z.tgz']);
    expect(backupsToDelete(files, 7)).toEqual([]);
    expect(backupsToDelete(files, 0)).toHaveLength(3);
  });
});
