import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAck } from './ack.ts';
import { hl7ToChartContent } from './map.ts';
import { readHl7 } from './read.ts';

const now = new Date('2026-03-01T12:00:00Z');
function ackFor(name: string) {
  const read = readHl7(readFileSync(new URL(`./samples/${name}`, import.meta.url), 'utf8'));
  const { problems } = hl7ToChartContent(read);
  const ack = buildAck({
    header: read.header,
    delimiters: read.message?.context,
    problems,
    now,
    controlId: 'CC1',
  });
  return { ...ack, segments: ack.text.split('\r').filter(Boolean) };
}

describe('HL7 ACK', () => {
  it('AA echoes the control id, swaps sender and receiver', () => {
    const { code, segments } = ackFor('pass/oru-r01-results.hl7');
    expect(code).toBe('AA');
    expect(segments).toEqual([
      'MSH|^~\\&|CLEANCLAIM|PRACTICE|LAB|NORTHLAB|20260301120000+0000||ACK^R01^ACK|CC1|P|2.5.1',
      'MSA|AA|ORU0001|Message accepted',
    ]);
  });
  it('AE names the segment and field at fault (2.5+: ERR-2 location, ERR-3 table 0357 code)', () => {
    const { code, segments } = ackFor('fail/missing-mrn.hl7');
    expect(code).toBe('AE');
    expect(segments[1]).toBe('MSA|AE|BAD0002|PID-3 (medical record number) is empty');
    expect(segments[2]).toBe(
      'ERR||PID^1^3^1^1|101^HL7_FIELD_MISSING^HL70357|E||||PID-3 (medical record number) is empty',
    );
  });
  it('AR for a message type it does not read', () => {
    const { code, segments } = ackFor('fail/unsupported-siu.hl7');
    expect(code).toBe('AR');
    expect(segments[2]).toMatch(/^ERR\|\|MSH\^1\^9\^1\^\|200\^HL7_MESSAGE_UNSUPPORTED\^HL70357\|E/);
  });
  it('AR for content that is not HL7 at all, with default delimiters', () => {
    const { code, segments } = ackFor('fail/no-msh.hl7');
    expect(code).toBe('AR');
    expect(segments[1]).toMatch(/^MSA\|AR\|\|Not an HL7 v2 message/);
  });
  it('answers in the message’s own delimiters and version (2.3: ERR-1)', () => {
    expect(ackFor('pass/mdm-t02-custom-delimiters.hl7').segments[0]).toMatch(
      /^MSH#\*@%\$#CLEANCLAIM#PRACTICE#EPIC#/,
    );
    const read = readHl7(
      'MSH|^~\\&|A|B|C|D|20260101||ADT^A04|X9|P|2.3\rPID|1||||Doe^Jane||19800101\rPV1|1|O\r',
    );
    const { problems } = hl7ToChartContent(read);
    const { text } = buildAck({ header: read.header, problems, now, controlId: 'CC2' });
    expect(text.split('\r')).toContain('ERR|PID^1^3^101&HL7_FIELD_MISSING&HL70357');
  });
});
