import { startPdf } from '../shared/pdf.ts';
import type { KpiTable } from './dashboard-tables.ts';

// The dashboard as a PDF: each KPI's table under its title, on US Letter landscape, new pages as
// needed (the table header repeats).

const WIDTH = 792;
const HEIGHT = 612;
const LEFT = 40;
const RIGHT = WIDTH - 40;
const BOTTOM = HEIGHT - 40;
const ROW = 14;

export interface DashboardPdfHeading {
  practiceName: string;
  period: { from: string; to: string };
  payerName: string | null;
  today: string;
}

export async function renderDashboardPdf(
  heading: DashboardPdfHeading,
  tables: readonly KpiTable[],
  options: { creationDate: Date; compress?: boolean },
): Promise<Buffer> {
  const { doc, done } = await startPdf({
    title: `Denials dashboard ${heading.period.from} to ${heading.period.to}`,
    creationDate: options.creationDate,
    ...(options.compress === undefined ? {} : { compress: options.compress }),
    size: [WIDTH, HEIGHT],
  });
  const at = (s: string, x: number, y: number, width?: number) =>
    doc.text(
      s,
      x,
      y,
      width ? { width, height: ROW, ellipsis: true, lineBreak: false } : { lineBreak: false },
    );

  let y = 40;
  doc.font('Helvetica-Bold').fontSize(14);
  at(`Denials dashboard: ${heading.practiceName}`, LEFT, y);
  doc.font('Helvetica').fontSize(9);
  y += 20;
  at(
    `${heading.period.from} to ${heading.period.to} · ${heading.payerName ?? 'All payers'} · A/R as of ${heading.today}`,
    LEFT,
    y,
  );
  y += 24;

  for (const t of tables) {
    const colWidth = (RIGHT - LEFT) / t.columns.length;
    const header = () => {
      doc.font('Helvetica-Bold').fontSize(8);
      t.columns.forEach((c, i) => at(c, LEFT + i * colWidth, y, colWidth - 4));
      doc.font('Helvetica').fontSize(8);
      y += ROW;
    };
    if (y + 3 * ROW > BOTTOM) {
      doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
      y = 40;
    }
    doc.font('Helvetica-Bold').fontSize(11);
    at(t.title, LEFT, y);
    y += 16;
    header();
    if (t.rows.length === 0) {
      at('Nothing in the period.', LEFT, y);
      y += ROW;
    }
    for (const row of t.rows) {
      if (y + ROW > BOTTOM) {
        doc.addPage({ size: [WIDTH, HEIGHT], margin: 0 });
        y = 40;
        header();
      }
      t.columns.forEach((c, i) => at(String(row[c] ?? ''), LEFT + i * colWidth, y, colWidth - 4));
      y += ROW;
    }
    y += 12;
  }
  doc.end();
  return done;
}
