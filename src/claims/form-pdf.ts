import { startPdf } from '../shared/pdf.ts';

/** Options both printed claim forms take: the CMS-1500 and the UB-04. */
export interface FormPdfOptions {
  /** 'none': data only, for pre-printed forms; 'form': also a light outline for plain paper */
  background: 'none' | 'form';
  /** PDF creation date, so the same claim renders to the same bytes (pass the print time) */
  creationDate: Date;
  /** printer alignment: shift every field right/down by this many points */
  offsetX?: number;
  offsetY?: number;
  /** false leaves the content streams readable (tests); default true */
  compress?: boolean;
}

/**
 * Draws each page of a claim form into one PDF. pdfkit is imported at the first PDF: loading it
 * costs every server start about 0.3 s of CPU.
 */
export async function renderFormPdf<Page>(
  form: { title: string; width: number; height: number; pages: Page[] },
  options: FormPdfOptions,
  draw: (doc: PDFKit.PDFDocument, page: Page, dx: number, dy: number) => void,
  outline: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  const size: [number, number] = [form.width, form.height];
  const { doc, done } = await startPdf({
    title: form.title,
    size,
    autoFirstPage: false,
    creationDate: options.creationDate,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
  });
  for (const page of form.pages) {
    doc.addPage({ size, margin: 0 });
    if (options.background === 'form') outline(doc);
    draw(doc, page, options.offsetX ?? 0, options.offsetY ?? 0);
  }
  doc.end();
  return done;
}
