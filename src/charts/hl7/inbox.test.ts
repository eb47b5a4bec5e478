import { describe, expect, it } from 'vitest';
import { splitHl7Messages } from './inbox.ts';

describe('splitHl7Messages', () => {
  it('splits a batch file at each MSH, dropping FHS/BHS/BTS/FTS and blank lines', () => {
    const file =
      'FHS|^~\\&\nBHS|^~\\&\nMSH|^~\\&|A|||||||1|P|2.5\nPID|1\n\nMSH|^~\\&|A|||||||2|P|2.5\r\nPID|2\nBTS|2\nFTS|1\n';
    expect(splitHl7Messages(file)).toEqual([
      'MSH|^~\\&|A|||||||1|P|2.5\rPID|1',
      'MSH|^~\\&|A|||||||2|P|2.5\rPID|2',
    ]);
  });
  it('keeps content that is not HL7 as one message, to be answered AR', () => {
    expect(splitHl7Messages('hello\nworld')).toEqual(['hello\rworld']);
  });
});
