import { describe, expect, it } from 'vitest';
import { renderCms1500, type RenderCms1500Options } from './render.ts';
import { eightLineClaim, SAMPLE_CLAIM } from './sample-claim.ts';

const options: RenderCms1500Options = {
  background: 'form',
  creationDate: new Date('2026-11-24T12:00:00Z'),
  compress: false,
};

/** Text shown by the uncompressed content streams: pdfkit writes each string as hex inside TJ. */
function shownText(pdf: Buffer): string[] {
  const out: string[] = [];
  for (const m of pdf.toString('latin1').matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    out.push(
      [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)]
        .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
        .join(''),
    );
  }
  return out;
}

const pageCount = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)].length;

describe('renderCms1500', () => {
  it('renders a one-page PDF with the claim text at the form positions', async () => {
    const pdf = await renderCms1500(SAMPLE_CLAIM, options);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    const text = shownText(pdf);
    expect(text).toContain('E1042P');
    expect(text.filter((t) => t === 'SIGNATURE ON FILE')).toHaveLength(3);
    expect(text).toEqual(
      expect.arrayContaining(['DOE, JANE Q', 'E11.9', '99214', '406', '49', '1234567893']),
    );
  });

  it('draws the form outline only with background "form"', async () => {
    const form = shownText(await renderCms1500(SAMPLE_CLAIM, options));
    const bare = shownText(await renderCms1500(SAMPLE_CLAIM, { ...options, background: 'none' }));
    expect(form).toContain('HEALTH INSURANCE CLAIM FORM');
    expect(bare).not.toContain('HEALTH INSURANCE CLAIM FORM');
    expect(bare).toContain('E1042P');
  });

  it('renders 8 service lines on 2 pages', async () => {
    const pdf = await renderCms1500(eightLineClaim(), options);
    expect(pageCount(pdf)).toBe(2);
    const text = shownText(pdf);
    expect(text).toEqual(expect.arrayContaining(['PAGE 1 OF 2', 'PAGE 2 OF 2', 'CONTINUED', '360', '08']));
  });

  it('is deterministic for a given creation date', async () => {
    const a = await renderCms1500(SAMPLE_CLAIM, { ...options, compress: true });
    const b = await renderCms1500(SAMPLE_CLAIM, { ...options, compress: true });
    expect(a.equals(b)).toBe(true);
  });
});
