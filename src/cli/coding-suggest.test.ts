import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestCodes } from '../coding/suggest/index.ts';
import { smallPhraseIndex } from '../coding/suggest/testing.ts';
import { startPdf } from '../shared/pdf.ts';
import { describeSuggestions, suggestFileCommand } from './coding-suggest.ts';

const NOTE =
  'Denies chest pain.\nFamily history of breast cancer.\nAssessment: type 2 diabetes with hyperglycemia.';

describe('cleanclaim coding suggest', () => {
  it('prints each suggestion with its line and words, and what was set aside and why', () => {
    const result = suggestCodes(smallPhraseIndex(), { text: NOTE, dateOfService: '2026-03-02' });
    const out = describeSuggestions('note.txt', NOTE, result);
    expect(out).toContain(
      '  E11.65   Type 2 diabetes mellitus with hyperglycemia\n           line 3 "type 2 diabetes with hyperglycemia"',
    );
    expect(out).toContain('  Z80.3    Family history of malignant neoplasm of breast');
    expect(out).toContain('set aside:\n  R07.9    Chest pain, unspecified: negated, line 1 "chest pain"');
  });

  const dir = mkdtempSync(join(tmpdir(), 'coding-suggest-'));
  const file = (name: string, text: string | Buffer) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads the note and the FY2026 release from the code-set folder (exit 0)', async () => {
    const r = await suggestFileCommand(file('visit.txt', NOTE), { dateOfService: '2026-03-02', json: true });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.output).suggestions.map((s: { code: string }) => s.code)).toEqual([
      'Z803',
      'E1165',
      '99212',
    ]);
  }, 60_000);

  it('reads a PDF note’s text layer', async () => {
    const { doc, done } = await startPdf({ title: 'note', creationDate: new Date('2026-03-02') });
    doc.text('Assessment: essential hypertension.', 72, 72);
    doc.end();
    const pdf = file('visit.pdf', await done);
    const r = await suggestFileCommand(pdf, { dateOfService: '2026-03-02', json: true });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.output).suggestions[0]).toMatchObject({ code: 'I10' });
  }, 60_000);

  it('exit 2 for a file it cannot read or that is not text; exit 1 with no release for the date', async () => {
    expect((await suggestFileCommand(join(dir, 'none.txt'), { dateOfService: '2026-03-02' })).exitCode).toBe(
      2,
    );
    const binary = file('note.bin', Buffer.from('\u0000\u0001binary'));
    expect(await suggestFileCommand(binary, { dateOfService: '2026-03-02' })).toMatchObject({ exitCode: 2 });
    const brokenPdf = file('note.pdf', Buffer.from('%PDF-1.4\nnot really'));
    expect(await suggestFileCommand(brokenPdf, { dateOfService: '2026-03-02' })).toMatchObject({
      exitCode: 2,
    });
    const old = await suggestFileCommand(file('old.txt', NOTE), { dateOfService: '2001-01-01' });
    expect(old).toMatchObject({ exitCode: 1 });
    expect(old.output).toContain('no ICD-10-CM release in force on 2001-01-01');
  });
});
