import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS, LINE_HEIGHT, PAGE_HEIGHT, SERVICE_LINE_FIELDS } from './layout.ts';
import { renderUb04, type RenderUb04Options } from './render.ts';
import { sampleHospitalClaim } from './sample.ts';

const options: RenderUb04Options = {
  background: 'form',
  creationDate: new Date('2026-11-25T12:00:00Z'),
  compress: false,
};
const extras = { createdOn: '2026-11-25' };

/** Each string the page shows with where it starts: pdfkit writes `1 0 0 1 x y Tm` then the hex in TJ. */
function placedText(pdf: Buffer) {
  const out: { text: string; x: number; y: number }[] = [];
  const stream = pdf.toString('latin1');
  for (const m of stream.matchAll(
    /1 0 0 1 ([\d.]+) ([\d.]+) Tm\s+\/F\d+ [\d.]+ Tf\s+[\d.]+ Tc\s+\[([^\]]*)\]\s*TJ/g,
  )) {
    const text = [...m[3]!.matchAll(/<([0-9a-f]*)>/gi)]
      .map((h) => Buffer.from(h[1]!, 'hex').toString('latin1'))
      .join('');
    out.push({ text, x: Number(m[1]), y: PAGE_HEIGHT - Number(m[2]) });
  }
  return out;
}

/** The text printed where a form locator starts (left-aligned fields). */
const at = (placed: ReturnType<typeof placedText>, f: { x: number; y: number }, dy = 0) =>
  placed.find((p) => Math.abs(p.x - f.x) < 0.01 && Math.abs(p.y - (f.y + dy)) < 0.01)?.text;

describe('renderUb04', () => {
  it("prints the 837I model's values at their form locators", async () => {
    const pdf = await renderUb04(sampleHospitalClaim(), extras, options);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const placed = placedText(pdf);
    const h = HEADER_FIELDS;
    expect(at(placed, h['FL1.name']!)).toBe('RIVERSIDE HOSPITAL');
    expect(at(placed, h.FL3a!)).toBe('E2001P');
    expect(at(placed, h.FL4!)).toBe('0111');
    expect(at(placed, h.FL5!)).toBe('371234567');
    expect(at(placed, h['FL6.from']!)).toBe('110226');
    expect(at(placed, h['FL6.through']!)).toBe('110426');
    expect(at(placed, h.FL8b!)).toBe('SAMPLE, MARY');
    expect(at(placed, h.FL10!)).toBe('04011960');
    expect(at(placed, h.FL11!)).toBe('F');
    expect(at(placed, h.FL12!)).toBe('110226');
    expect(at(placed, h.FL13!)).toBe('07');
    expect(at(placed, h.FL14!)).toBe('3');
    expect(at(placed, h.FL15!)).toBe('1');
    expect(at(placed, h.FL17!)).toBe('01');
    expect(at(placed, h.FL18!)).toBe('01');
    expect(at(placed, h['FL35a.code']!)).toBe('74');
    expect(at(placed, h['FL39a.code']!)).toBe('80');
    expect(at(placed, h.FL50A!)).toBe('AETNA');
    expect(at(placed, h.FL51A!)).toBe('60054');
    expect(at(placed, h.FL56!)).toBe('1234567893');
    expect(at(placed, h.FL58A!)).toBe('SAMPLE, MARY');
    expect(at(placed, h.FL59A!)).toBe('18');
    expect(at(placed, h.FL60A!)).toBe('W123456789');
    expect(at(placed, h.FL62A!)).toBe('GRP100');
    expect(at(placed, h.FL63A!)).toBe('AUTH77');
    expect(at(placed, h.FL66!)).toBe('0');
    expect(at(placed, h.FL67!)).toBe('M1711 Y');
    expect(at(placed, h.FL67A!)).toBe('I10 N');
    expect(at(placed, h.FL69!)).toBe('M1711');
    expect(at(placed, h['FL74.code']!)).toBe('0SRD0ZZ');
    expect(at(placed, h['FL74.date']!)).toBe('110226');
    expect(at(placed, h['FL76.npi']!)).toBe('1245319599');
    expect(at(placed, h['FL76.name']!)).toBe('DEMOREAU, ALICE');
    expect(at(placed, h['FL81.code']!)).toBe('282N00000X');
    // FL42–47, one row per service line; the drug line shows its NDC in FL43.
    const l = SERVICE_LINE_FIELDS;
    expect([0, 1, 2].map((row) => at(placed, l.FL42!, row * LINE_HEIGHT))).toEqual(['0120', '0360', '0636']);
    expect(at(placed, l.FL44!, LINE_HEIGHT)).toBe('27447 RT');
    expect(at(placed, l.FL43!, 2 * LINE_HEIGHT)).toBe('N400003029305 ML1');
    expect(at(placed, l.FL45!, 2 * LINE_HEIGHT)).toBe('110326');
    const texts = placed.map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining(['6000.00', '6400.00', '100.75', '12500.75', 'PAGE 1 OF 1']),
    );
  });

  it('draws the form outline only with background "form"', async () => {
    const text = (o: RenderUb04Options) =>
      renderUb04(sampleHospitalClaim(), extras, o).then((pdf) => pdf.toString('latin1'));
    const hex = Buffer.from('UB-04 CMS-1450', 'latin1').toString('hex');
    expect(await text(options)).toContain(hex);
    expect(await text({ ...options, background: 'none' })).not.toContain(hex);
  });

  it('puts 22 service lines on a page and the totals on the last', async () => {
    const claim = sampleHospitalClaim();
    claim.claim.serviceLines = Array.from({ length: 30 }, () => claim.claim.serviceLines[1]!);
    claim.claim.totalChargeCents = 30 * 640_000;
    const pdf = await renderUb04(claim, extras, options);
    const texts = placedText(pdf).map((p) => p.text);
    expect([...pdf.toString('latin1').matchAll(/\/Type \/Page\b/g)]).toHaveLength(2);
    expect(texts.filter((t) => t === '0360')).toHaveLength(30);
    expect(texts).toEqual(expect.arrayContaining(['PAGE 1 OF 2', 'PAGE 2 OF 2', '192000.00']));
  });

  it('is deterministic for a given creation date', async () => {
    const a = await renderUb04(sampleHospitalClaim(), extras, { ...options, compress: true });
    const b = await renderUb04(sampleHospitalClaim(), extras, { ...options, compress: true });
    expect(a.equals(b)).toBe(true);
  });
});
