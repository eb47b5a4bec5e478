import { HEADER_FIELDS, PAGE_HEIGHT, PAGE_WIDTH, SERVICE_LINE_FIELDS, SERVICE_LINE_PITCH } from './layout.ts';
import type { FieldPosition } from './layout.ts';
import { cms1500Fields, type Cms1500Page } from './fields.ts';
import { drawOutline } from './draw-outline.ts';
import type { Cms1500Input } from './types.ts';

export interface RenderCms1500Options {
  /** 'none': data only, for pre-printed red forms; 'form': also a light-red outline for plain paper */
  background: 'none' | 'form';
  /** PDF creation date, so the same claim renders to the same bytes (pass the print time) */
  creationDate: Date;
  /** printer alignment: shift every field right/down by this many points */
  offsetX?: number;
  offsetY?: number;
  /** false leaves the content streams readable (tests); default true */
  compress?: boolean;
}

/** Courier 10 pt set 1.2 pt apart prints at 10 characters per inch, the form's pica grid. */
const FONT_SIZE = 10;
const CHARACTER_SPACING = 1.2;

/** The claim as a 1500 (02/12) PDF, one page per six service lines. */
export async function renderCms1500(input: Cms1500Input, options: RenderCms1500Options): Promise<Buffer> {
  // pdfkit is imported at the first PDF: loading it costs every server start about 0.3 s of CPU.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: [PAGE_WIDTH, PAGE_HEIGHT],
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: {
      Title: `CMS-1500 claim ${input.claim.patientControlNumber}`,
      Creator: 'cleanclaim',
      Producer: 'cleanclaim',
      CreationDate: options.creationDate,
      ModDate: options.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of cms1500Fields(input).pages) {
    doc.addPage({ size: [PAGE_WIDTH, PAGE_HEIGHT], margin: 0 });
    if (options.background === 'form') drawOutline(doc);
    drawPage(doc, page, options.offsetX ?? 0, options.offsetY ?? 0);
  }
  doc.end();
  return done;
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
