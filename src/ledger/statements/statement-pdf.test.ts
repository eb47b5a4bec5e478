import { describe, expect, it } from 'vitest';
import { shownText } from '../../claims/pdf-testing.ts';
import { buildStatement } from './statement.ts';
import { LINES_PER_PAGE, money, renderStatementsPdf } from './statement-pdf.ts';
import { sampleStatementInput } from './sample-statement.ts';

const creationDate = new Date('2026-12-03T12:00:00Z');

describe('statement PDF', () => {
  it('shows the header, lines, totals, aging, how to pay and the stub', async () => {
    const pdf = await renderStatementsPdf([buildStatement(sampleStatementInput())], { creationDate });
    const text = shownText(pdf).join('\n');
    for (const shown of [
      'Riverside Family Medicine',
      '100 Main St',
      'Springfield, IL 62701-1234',
      'Phone (217) 555-0100',
      'STATEMENT',
      'Statement date 12/03/2026',
      'Account A1007',
      'Maria Lopez',
      '12 Oak Ave',
      '07/01/2026',
      'J1100 JZ',
      'Dexamethasone sodium phos',
      '99213',
      '$150.00',
      '$70.00',
      'Amount due now',
      'Current',
      'Over 90',
      'How to pay',
      'Pay by check',
      'Amount enclosed',
      'Please pay by 01/02/2027',
    ])
      expect(text).toContain(shown);
    // the visit still with insurance is not on the statement
    expect(text).not.toContain('11/20/2026');
  });

  it('renders the same bytes for the same statement', async () => {
    const s = buildStatement(sampleStatementInput());
    const a = await renderStatementsPdf([s], { creationDate });
    const b = await renderStatementsPdf([s], { creationDate });
    expect(a.equals(b)).toBe(true);
  });

  it('runs long statements over pages and puts many statements in one file', async () => {
    const input = sampleStatementInput();
    const base = input.lines[0]!;
    input.lines = Array.from({ length: LINES_PER_PAGE + 5 }, (_, i) => ({
      ...base,
      serviceLineId: i + 1,
      encounterId: i + 1,
    }));
    const long = buildStatement(input);
    const short = buildStatement(sampleStatementInput());
    const pdf = await renderStatementsPdf([long, short], { creationDate });
    const text = shownText(pdf);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Continued on the next page');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
  });

  it('formats money with thousands and signs', () => {
    expect(money(123_456_78)).toBe('$123,456.78');
    expect(money(-5)).toBe('-$0.05');
  });
});
