import { describe, expect, it } from 'vitest';
import { shownText } from '../claims/pdf-testing.ts';
import { methodText, renderReceiptPdf, type Receipt } from './receipt-pdf.ts';

const receipt: Receipt = {
  practice: {
    name: 'Riverside Family Medicine',
    address1: '100 Main St',
    city: 'Springfield',
    state: 'IL',
    zip: '627011234',
    phone: '2175550100',
  },
  patient: { name: 'Noah Simulated', accountNumber: 'DEMO00001' },
  payment: {
    id: 42,
    method: 'card',
    reference: 'AUTH77',
    amountCents: 12_550,
    receivedDate: '2026-11-30',
    memo: null,
  },
  lines: Array.from({ length: 60 }, (_, i) => ({
    serviceDate: '2026-08-03',
    procedureCode: String(99200 + i),
    amountCents: 100 + i,
  })),
  creditCents: 2_000,
  refundedCents: 0,
};

describe('payment receipt', () => {
  it('shows the practice, the payer, the method and every line paid, over as many pages as it takes', async () => {
    const pdf = await renderReceiptPdf(receipt, { creationDate: new Date('2026-11-30T12:00:00Z') });
    const text = shownText(pdf);
    expect(text).toEqual(
      expect.arrayContaining([
        'Riverside Family Medicine',
        '(217) 555-0100',
        'Springfield, IL 62701-1234',
        'Card, reference AUTH77',
        '$125.50',
        '99259',
        '$1.59',
        '$20.00',
      ]),
    );
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });

  it('names the method as a biller writes it', () => {
    expect(methodText({ ...receipt.payment, method: 'check', reference: '1042' })).toBe('Check no. 1042');
    expect(methodText({ ...receipt.payment, method: 'cash', reference: null })).toBe('Cash');
  });
});
