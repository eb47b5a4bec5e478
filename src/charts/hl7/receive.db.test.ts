import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../audit/index.ts';
import { encountersByExternalIds } from '../../encounters/index.ts';
import { patientsByAccountNumbers } from '../../patients/index.ts';
import { payersOfPractice } from '../../payers/index.ts';
import { startTestApp } from '../../server/testing.ts';
import { chartCodes, listChartDocuments } from '../index.ts';
import { pollHl7Inbox } from './inbox.ts';
import { startHl7Intake } from './intake.ts';
import { startMllpListener, type MllpListener } from './mllp.ts';
import { receiveHl7 } from './receive.ts';

const sample = (name: string) => readFileSync(new URL(`./samples/${name}`, import.meta.url), 'utf8');
const now = new Date('2026-03-05T12:00:00Z');

describe('receiving HL7 v2 messages', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let payerId: string;
  let listener: MllpListener;
  const receive = (text: string) => receiveHl7(t.database.db, t.practiceA, text, SYSTEM_ACTOR, { now });
  beforeAll(async () => {
    t = await startTestApp();
    payerId = (await payersOfPractice(t.database.db, t.practiceA))[0]!.payerId;
    listener = await startMllpListener({ port: 0, answer: async (m) => (await receive(m)).ack });
  });
  afterAll(async () => {
    await listener?.close();
    await t.close();
  });

  it('ADT A04 registers the patient, visit and coverage (AA); the same message again is AA and changes nothing', async () => {
    const a04 = sample('pass/adt-a04-registration.hl7').replace('|BCBSIL|', `|${payerId}|`);
    const first = await receive(a04);
    expect(first.ackCode).toBe('AA');
    expect(first.ack).toContain('MSA|AA|ADT0001|Imported: ');
    expect(first.result!.byKind.patients.created).toBe(1);
    expect(first.result!.byKind.coverages.created).toBe(1);
    const [patient] = await patientsByAccountNumbers(t.database.db, t.practiceA, ['MRN1001']);
    expect(patient).toMatchObject({ lastName: 'Rivera', dateOfBirth: '1980-04-12' });
    const again = await receive(a04);
    expect(again.ackCode).toBe('AA');
    expect(again.ack).toContain('MSA|AA|ADT0001|Imported before: nothing changed');
    expect(again.result!.created + again.result!.updated).toBe(0);
  });

  it('ADT A08 updates the patient; DFT P03, MDM T02 and ORU R01 bring charges, notes and results', async () => {
    expect((await receive(sample('pass/adt-a08-update-bom-lf.hl7'))).ackCode).toBe('AA');
    const [patient] = await patientsByAccountNumbers(t.database.db, t.practiceA, ['MRN1001']);
    expect(patient!.address1).toBe('44 Elm Ave');
    for (const name of ['dft-p03-charges.hl7', 'mdm-t02-progress-note.hl7', 'oru-r01-results.hl7']) {
      const r = await receive(sample(`pass/${name}`));
      expect(
        r.problems.filter((p) => p.severity === 'error'),
        name,
      ).toEqual([]);
      expect(r.ackCode, name).toBe('AA');
    }
    const [visit] = await encountersByExternalIds(t.database.db, t.practiceA, ['V5001']);
    const codes = await chartCodes(t.database.db, t.practiceA, visit!.id);
    expect(codes.map((c) => c.code)).toEqual(
      expect.arrayContaining(['99214', '83036', 'E11.9', 'I10', '4548-4']),
    );
    const docs = await listChartDocuments(t.database.db, t.practiceA, visit!.id);
    expect(docs.map((d) => d.kind).sort()).toEqual(['lab-result', 'progress-note']);
    expect(docs.find((d) => d.kind === 'progress-note')!.text).toContain('Patient denies chest pain');
  });

  it('MDM T02 with a base64 PDF: the operative report stored with its text extracted', async () => {
    expect((await receive(sample('pass/adt-a01-admission-crlf.hl7'))).ackCode).toBe('AA');
    const r = await receive(sample('pass/mdm-t02-operative-report-pdf.hl7'));
    expect(r.ackCode).toBe('AA');
    const [stay] = await encountersByExternalIds(t.database.db, t.practiceA, ['V5002']);
    const [doc] = await listChartDocuments(t.database.db, t.practiceA, stay!.id);
    expect(doc).toMatchObject({ kind: 'operative-report' });
    expect(doc!.text).toContain('laparoscopic cholecystectomy');
  });

  it('a payer matching none of the practice’s: AE naming IN1, and nothing written', async () => {
    const text = sample('pass/adt-a04-registration.hl7')
      .replace('MRN1001', 'MRN2001')
      .replace('ADT0001', 'ADT0901');
    const r = await receive(text);
    expect(r.ackCode).toBe('AE');
    expect(r.ack).toMatch(/\rERR\|\|IN1\^\d*\^36\^1\^\|207\^CHART_UNKNOWN_PAYER\^HL70357\|E/);
    expect(await patientsByAccountNumbers(t.database.db, t.practiceA, ['MRN2001'])).toEqual([]);
  });

  it('a malformed message is AE/AR with nothing written', async () => {
    const r = await receive(sample('fail/missing-mrn.hl7'));
    expect(r.ackCode).toBe('AE');
    expect(r.result).toBeUndefined();
    expect(await encountersByExternalIds(t.database.db, t.practiceA, ['V9002'])).toEqual([]);
    expect((await receive('not hl7 at all')).ackCode).toBe('AR');
  });

  it('the MLLP listener answers over TCP on 127.0.0.1 (an established client, then a frame that is not HL7)', async () => {
    const client = new Hl7Client({ host: '127.0.0.1', port: listener.port });
    try {
      const ack = await client.sendAndWait(
        Hl7Message.parse(sample('pass/oru-r01-results.hl7').replace('ORU0001', 'ORU0002')),
        { timeoutMs: 10_000 },
      );
      expect(ack.getSegment('MSA')!.getField(1).toString()).toBe('AA');
      expect(ack.getSegment('MSA')!.getField(2).toString()).toBe('ORU0002');
    } finally {
      await client.close();
    }
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(listener.port, '127.0.0.1', () => socket.write('\x0bhello\x1c\r'));
      let got = '';
      socket.on('data', (d) => {
        got += d.toString('utf8');
        if (got.endsWith('\x1c\r')) {
          socket.end();
          resolve(got);
        }
      });
      socket.on('error', reject);
    });
    expect(raw.startsWith('\x0bMSH|^~\\&|CLEANCLAIM|')).toBe(true);
    expect(raw).toContain('\rMSA|AR||Not an HL7 v2 message');
  });

  it('the inbound folder: each file imported, its ACKs beside it, moved to done/ or failed/', async () => {
    const inbox = mkdtempSync(join(tmpdir(), 'hl7-inbox-'));
    const folder = join(inbox, String(t.practiceA));
    mkdirSync(folder);
    const batch = `${sample('pass/adt-a08-update-bom-lf.hl7')}\n${sample('pass/dft-p03-charges.hl7')}`;
    writeFileSync(join(folder, 'batch.hl7'), batch);
    writeFileSync(join(folder, 'bad.hl7'), sample('fail/missing-mrn.hl7'));
    const outcomes = await pollHl7Inbox(t.database.db, inbox, SYSTEM_ACTOR, now);
    const byFile = Object.fromEntries(outcomes.map((o) => [o.file, o]));
    expect(byFile['batch.hl7']!.movedTo).toBe('done');
    expect(byFile['batch.hl7']!.acks.map((a) => [a.messageType, a.ackCode])).toEqual([
      ['ADT^A08', 'AA'],
      ['DFT^P03', 'AA'],
    ]);
    expect(byFile['bad.hl7']!.movedTo).toBe('failed');
    expect(readdirSync(folder).sort()).toEqual(['done', 'failed']);
    expect(readFileSync(join(folder, 'failed', 'bad.hl7.ack'), 'utf8')).toContain('MSA|AE|BAD0002|');
    expect(await pollHl7Inbox(t.database.db, inbox, SYSTEM_ACTOR, now)).toEqual([]);
  });

  it('the server starts the MLLP listener from CLEANCLAIM_MLLP_PORT for CLEANCLAIM_MLLP_PRACTICE', async () => {
    const lines: string[] = [];
    const queue = { enqueue: async () => 'job' };
    const env = { CLEANCLAIM_MLLP_PORT: '0', CLEANCLAIM_MLLP_PRACTICE: String(t.practiceA) };
    const stop = await startHl7Intake(t.database, queue, env, (line) => lines.push(line));
    try {
      const port = Number(/port (\d+)/.exec(lines.join('\n'))?.[1]);
      const client = new Hl7Client({ host: '127.0.0.1', port });
      try {
        const message = Hl7Message.parse(sample('pass/adt-a08-update-bom-lf.hl7').replace(/^\uFEFF/, ''));
        const ack = await client.sendAndWait(message, { timeoutMs: 10_000 });
        expect(ack.getSegment('MSA')!.getField(1).toString()).toBe('AA');
      } finally {
        await client.close();
      }
    } finally {
      await stop();
    }
    const off: string[] = [];
    await (
      await startHl7Intake(t.database, queue, { CLEANCLAIM_MLLP_PORT: '0' }, (l) => off.push(l))
    )();
    expect(off.join('')).toContain('CLEANCLAIM_MLLP_PRACTICE is not');
  });
});
