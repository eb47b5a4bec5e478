import { renderFormPdf, type FormPdfOptions } from '../form-pdf.ts';
import { HEADER_FIELDS, PAGE_HEIGHT, PAGE_WIDTH, SERVICE_LINE_FIELDS, SERVICE_LINE_PITCH } from './layout.ts';
import type { FieldPosition } from './layout.ts';
import { cms1500Fields, type Cms1500Page } from './fields.ts';
import { drawOutline } from './draw-outline.ts';
import type { Cms1500Input } from './types.ts';

export type RenderCms1500Options = FormPdfOptions;

/** Courier 10 pt set 1.2 pt apart prints at 10 characters per inch, the form's pica grid. */
const FONT_SIZE = 10;
const CHARACTER_SPACING = 1.2;

/** The claim as a 1500 (02/12) PDF, one page per six service lines. */
export async function renderCms1500(input: Cms1500Input, options: RenderCms1500Options): Promise<Buffer> {
  return renderFormPdf(
    {
      title: `CMS-1500 claim ${input.claim.patientControlNumber}`,
      width: PAGE_WIDTH,
      height: PAGE_HEIGHT,
      pages: cms1500Fields(input).pages,
    },
    options,
    drawPage,
    drawOutline,
  );
}

function drawPage(doc: PDFKit.PDFDocument, page: Cms1500Page, dx: number, dy: number): void {
  doc.font('Courier').fontSize(FONT_SIZE).fillColor('black');
  for (const [key, text] of Object.entries(page.header)) {
    put(doc, HEADER_FIELDS[key as keyof typeof HEADER_FIELDS], text, dx, dy);
  }
  page.serviceLines.forEach((line, row) => {
    for (const [key, text] of Object.entries(line)) {
      put(
        doc,
        SERVICE_LINE_FIELDS[key as keyof typeof SERVICE_LINE_FIELDS],
        text,
        dx,
        dy + row * SERVICE_LINE_PITCH,
      );
    }
  });
}

function put(doc: PDFKit.PDFDocument, f: FieldPosition, text: string, dx: number, dy: number): void {
  const shown = text.slice(0, f.maxChars);
  const width = shown.length * (FONT_SIZE * 0.6 + CHARACTER_SPACING);
  const x = (f.align === 'right' ? f.x - width : f.x) + dx;
  doc.text(shown, x, f.y + dy, {
    lineBreak: false,
    baseline: 'alphabetic',
    characterSpacing: CHARACTER_SPACING,
  });
}
