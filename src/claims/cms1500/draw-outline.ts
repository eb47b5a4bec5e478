import {
  COLUMN_WIDTH,
  GRID_LEFT,
  LINE_HEIGHT,
  SERVICE_LINE_PITCH,
  SERVICE_LINES_PER_PAGE,
  columnX,
  lineTop,
} from './layout.ts';
import { OUTLINE_BOXES, OUTLINE_CAPTIONS, OUTLINE_CHECKS } from './form-outline.ts';

type OutlineDoc = PDFKit.PDFDocument;

const RED = '#d9534f';
const LIGHT_RED = '#f2b8b5';
const SHADE = '#fdeeee';
/** Borders sit 2 pt left of a column so the data in its first column clears them. */
const edge = (col: number) => columnX(col) - 2;

/** Draws the form in light red under the data, so a plain-paper print reads like a 1500. */
export function drawOutline(doc: OutlineDoc): void {
  doc.save();
  drawTitle(doc);
  drawServiceLineRows(doc);
  doc.lineWidth(0.5).strokeColor(LIGHT_RED);
  for (const b of OUTLINE_BOXES) {
    doc
      .rect(edge(b.c0), lineTop(b.l0), edge(b.c1 + 1) - edge(b.c0), lineTop(b.l1 + 1) - lineTop(b.l0))
      .stroke();
  }
  doc.fillColor(RED).font('Helvetica').fontSize(5);
  for (const b of OUTLINE_BOXES) {
    doc.text(b.label, edge(b.c0) + 1.5, lineTop(b.l0) + 1.2, {
      lineBreak: b.wrap === true,
      width: edge(b.c1 + 1) - edge(b.c0) - 2,
      height: b.wrap ? lineTop(b.l1 + 1) - lineTop(b.l0) - 2 : 6,
      ellipsis: true,
      lineGap: -0.5,
    });
  }
  for (const c of OUTLINE_CAPTIONS) {
    doc.text(c.text, columnX(c.col), lineTop(c.line) + (c.low ? 7 : 1.2), { lineBreak: false });
  }
  for (const c of OUTLINE_CHECKS) {
    const x = columnX(c.col) - 1;
    doc.rect(x, lineTop(c.line) + 2, COLUMN_WIDTH + 1, 8.5).stroke();
    doc.text(c.caption, x, lineTop(c.line - 1) + 6.5, { lineBreak: false });
  }
  doc.restore();
}

function drawTitle(doc: OutlineDoc): void {
  doc
    .fillColor(RED)
    .font('Helvetica-Bold')
    .fontSize(20)
    .text('1500', GRID_LEFT, lineTop(1), { lineBreak: false });
  doc.fontSize(11).text('HEALTH INSURANCE CLAIM FORM', GRID_LEFT, lineTop(5) + 2, { lineBreak: false });
  doc.font('Helvetica').fontSize(5.5);
  doc.text('APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12', GRID_LEFT, lineTop(6) + 3, {
    lineBreak: false,
  });
  doc.text('PICA', edge(76), lineTop(6) + 3, { lineBreak: false });
  doc.text('CARRIER', edge(72) + 3, lineTop(1) + 3, { lineBreak: false });
  doc.text('NUCC Instruction Manual available at: www.nucc.org', GRID_LEFT, lineTop(62) + 3, {
    lineBreak: false,
  });
  doc.text('PLEASE PRINT OR TYPE', edge(30), lineTop(62) + 3, { lineBreak: false });
  doc.text('APPROVED OMB-0938-1197 FORM 1500 (02-12)', edge(58), lineTop(62) + 3, { lineBreak: false });
}

/** Item 24's six rows: a shaded supplemental line over each data line, with the column rules. */
function drawServiceLineRows(doc: OutlineDoc): void {
  const columns = [1, 10, 19, 21, 24, 33, 36, 39, 42, 45, 49, 58, 62, 64, 67, 80];
  const top = lineTop(43);
  const bottom = top + SERVICE_LINES_PER_PAGE * SERVICE_LINE_PITCH;
  for (let i = 0; i < SERVICE_LINES_PER_PAGE; i++) {
    const y = top + i * SERVICE_LINE_PITCH;
    doc.rect(edge(1), y, edge(80) - edge(1), LINE_HEIGHT).fill(SHADE);
    doc
      .fillColor(RED)
      .font('Helvetica')
      .fontSize(7)
      .text(String(i + 1), edge(1) - 8, y + 12 + 2, {
        lineBreak: false,
      });
    doc.fontSize(5).text('NPI', columnX(64), y + 12 + 4, { lineBreak: false });
  }
  doc.lineWidth(0.5).strokeColor(LIGHT_RED);
  for (let i = 0; i <= SERVICE_LINES_PER_PAGE; i++) {
    const y = top + i * SERVICE_LINE_PITCH;
    doc.moveTo(edge(1), y).lineTo(edge(80), y).stroke();
  }
  for (const c of columns) doc.moveTo(edge(c), top).lineTo(edge(c), bottom).stroke();
  // the shaded line of 24I-J is split from the data line; dollars and cents split in 24F
  doc.dash(1, { space: 1 });
  for (let i = 0; i < SERVICE_LINES_PER_PAGE; i++) {
    const y = top + i * SERVICE_LINE_PITCH + LINE_HEIGHT;
    doc.moveTo(edge(64), y).lineTo(edge(80), y).stroke();
    doc
      .moveTo(edge(55) + 3.6, y)
      .lineTo(edge(55) + 3.6, y + LINE_HEIGHT)
      .stroke();
  }
  doc.undash();
}
