// A pdfkit document whose bytes are collected into one Buffer: the printed forms, statements,
// receipts and appeal letters all start this way. pdfkit is imported at the first PDF: loading it
// costs every server start about 0.3 s of CPU.

export interface PdfStart {
  title: string;
  /** PDF creation date, so the same content renders to the same bytes. */
  creationDate: Date;
  /** false leaves the content streams readable (tests); default true */
  compress?: boolean;
  size?: [number, number];
  margin?: number;
  /** false: the caller adds each page (a statement run, a form's pages). */
  autoFirstPage?: boolean;
}

export async function startPdf(o: PdfStart): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: o.size ?? [612, 792],
    margin: o.margin ?? 0,
    autoFirstPage: o.autoFirstPage ?? true,
    compress: o.compress ?? true,
    info: {
      Title: o.title,
      Creator: 'cleanclaim',
      Producer: 'cleanclaim',
      CreationDate: o.creationDate,
      ModDate: o.creationDate,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
