import { renderFormPdf, type FormPdfOptions } from '../form-pdf.ts';
import type { ProfessionalClaim } from '../../x12/transactions/837-types.ts';
import { ub04Fields, type Ub04Extras, type Ub04Page } from './fields.ts';
import {
  COLUMN_WIDTH,
  HEADER_FIELDS,
  LINE_HEIGHT,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  SERVICE_LINE_FIELDS,
  columnX,
  lineTop,
  type Ub04Position,
} from './layout.ts';

export type RenderUb04Options = FormPdfOptions;

const FONT_SIZE = 10;
const CHARACTER_SPACING = 1.2;
const RED = '#d9534f';

/** An institutional claim's 837I model as a UB-04 (CMS-1450) PDF, 22 service lines a page. */
export async function renderUb04(
  model: ProfessionalClaim,
  extras: Ub04Extras,
  options: RenderUb04Options,
): Promise<Buffer> {
  return renderFormPdf(
    {
      title: `UB-04 claim ${model.claim.patientControlNumber}`,
      width: PAGE_WIDTH,
      height: PAGE_HEIGHT,
      pages: ub04Fields(model, extras),
    },
    options,
    drawPage,
    drawOutline,
  );
}

/** The grid of form locators in light red, labelled, so plain paper reads like a UB-04. */
function drawOutline(doc: PDFKit.PDFDocument): void {
  doc.save();
  doc.fillColor(RED).font('Helvetica-Bold').fontSize(9);
  doc.text('UB-04 CMS-1450', columnX(60), 4, { lineBreak: false });
  doc.lineWidth(0.4).strokeColor('#f2b8b5');
  doc.font('Helvetica').fontSize(4.5);
  const boxes = [
    ...Object.values(HEADER_FIELDS),
    ...Object.values(SERVICE_LINE_FIELDS).flatMap((f) =>
      Array.from({ length: 22 }, (_, i) => ({ ...f, line: f.line + i })),
    ),
  ];
  const labelled = new Set<string>();
  for (const f of boxes) {
    const x = columnX(f.col) - 1.5;
    doc.rect(x, lineTop(f.line), f.maxChars * COLUMN_WIDTH + 1, LINE_HEIGHT).stroke();
    if (!labelled.has(f.fl)) {
      labelled.add(f.fl);
      doc.text(f.fl.replace('FL', ''), x + 0.5, lineTop(f.line) + 0.3, { lineBreak: false });
    }
  }
  doc.restore();
}

function drawPage(doc: PDFKit.PDFDocument, page: Ub04Page, dx: number, dy: number): void {
  doc.font('Courier').fontSize(FONT_SIZE).fillColor('black');
  for (const [key, text] of Object.entries(page.header)) put(doc, HEADER_FIELDS[key], text, dx, dy);
  page.lines.forEach((line, row) => {
    for (const [key, text] of Object.entries(line))
      put(doc, SERVICE_LINE_FIELDS[key], text, dx, dy + row * LINE_HEIGHT);
  });
}

function put(doc: PDFKit.PDFDocument, f: Ub04Position | undefined, text: string, dx: number, dy: number) {
  if (!f) throw new Error(`no UB-04 position for a field`);
  const shown = text.slice(0, f.maxChars);
  const width = shown.length * (FONT_SIZE * 0.6 + CHARACTER_SPACING);
  const x = (f.align === 'right' ? f.x - width : f.x) + dx;
  doc.text(shown, x, f.y + dy, {
    lineBreak: false,
    baseline: 'alphabetic',
    characterSpacing: CHARACTER_SPACING,
  });
}
