// The appeal letter as a PDF on US Letter: the practice's letterhead, the letter as the biller left
// it (wrapped, running onto more pages as needed) and "Enclosures:" listing the documents sent with it.
import { startPdf } from '../shared/pdf.ts';
import type { LetterAddress } from './appeal-letter.ts';

export interface AppealPdfInput {
  practice: LetterAddress & { name: string; phone: string | null; npi: string; tin: string };
  letter: string;
  documents: string[];
  /** Named in the file's title: the claim and the level. */
  title: string;
}

const LEFT = 72;
const WIDTH = 612 - 2 * LEFT;

const phoneText = (p: string) =>
  /^\d{10}$/.test(p) ? `(${p.slice(0, 3)}) ${p.slice(3, 6)}-${p.slice(6)}` : p;

export async function renderAppealPdf(
  a: AppealPdfInput,
  options: { creationDate: Date; compress?: boolean },
): Promise<Buffer> {
  const { doc, done } = await startPdf({ title: a.title, margin: LEFT, ...options });
  const p = a.practice;
  doc.font('Helvetica-Bold').fontSize(14).text(p.name, LEFT, 50, { width: WIDTH, align: 'center' });
  const address = [p.address1, p.address2, [p.city, [p.state, p.zip].filter(Boolean).join(' ')].join(', ')]
    .filter(Boolean)
    .join(' · ');
  doc.font('Helvetica').fontSize(9).text(address, { width: WIDTH, align: 'center' });
  doc.text(
    [p.phone ? `Phone ${phoneText(p.phone)}` : null, `NPI ${p.npi}`, `Tax ID ${p.tin}`]
      .filter(Boolean)
      .join(' · '),
    { width: WIDTH, align: 'center' },
  );
  const rule = doc.y + 6;
  doc
    .moveTo(LEFT, rule)
    .lineTo(LEFT + WIDTH, rule)
    .lineWidth(0.5)
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .text(a.letter, LEFT, rule + 18, { width: WIDTH, lineGap: 2 });
  if (a.documents.length) {
    doc.moveDown(1.5);
    doc.font('Helvetica-Bold').text('Enclosures:', { width: WIDTH });
    doc.font('Helvetica');
    for (const d of a.documents) doc.text(`- ${d}`, { width: WIDTH, indent: 12 });
  }
  doc.end();
  return done;
}
