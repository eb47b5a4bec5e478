/**
 * Thin I/O edge: streams an XML file through saxes and yields batches of element events with
 * their line:column, so importers stay simple state machines. Memory is bounded by one chunk's
 * events. Malformed or truncated XML (an element left open at end of file) becomes a
 * CodesetFileError naming file, line:column and the parser's reason.
 */
import { SaxesParser } from 'saxes';
import { fileError } from '../problems.ts';
import { displayName, openStream } from './lines.ts';

export type XmlEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string>; line: number; column: number }
  | { kind: 'text'; text: string }
  | { kind: 'close'; name: string; line: number; column: number };

export async function* readXmlEvents(file: string): AsyncGenerator<XmlEvent[]> {
  const name = displayName(file);
  const parser = new SaxesParser({ position: true });
  let events: XmlEvent[] = [];
  let failure: { error: Error; line: number; column: number } | undefined;
  parser.on('opentag', (t) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(t.attributes)) attrs[k] = typeof v === 'string' ? v : v.value;
    events.push({ kind: 'open', name: t.name, attrs, line: parser.line, column: parser.column });
  });
  parser.on('text', (text) => events.push({ kind: 'text', text }));
  parser.on('cdata', (text) => events.push({ kind: 'text', text }));
  parser.on('closetag', (t) =>
    events.push({ kind: 'close', name: t.name, line: parser.line, column: parser.column }),
  );
  parser.on('error', (error) => {
    failure ??= { error, line: parser.line, column: parser.column };
  });
  const fail = (f: { error: Error; line: number; column: number }) => {
    const truncated = /unclosed|end of|ended/i.test(f.error.message);
    // saxes prefixes its message with its own position; keep only the reason
    const why = f.error.message.replace(/^[^:]*:\d+:\d+: /, '');
    return fileError(
      truncated ? 'FILE_TRUNCATED' : 'XML_MALFORMED',
      { file: name, line: f.line, column: f.column },
      why,
    );
  };
  const decoder = new TextDecoder('utf-8', { fatal: true }); // every official file is UTF-8 (or ASCII); bad bytes mean corruption
  const stream = openStream(file);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) throw fail(failure);
      if (events.length > 0) {
        yield events;
        events = [];
      }
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'CodesetFileError') throw e;
    throw fileError(
      'FILE_UNREADABLE',
      { file: name, line: parser.line, column: parser.column },
      (e as Error).message,
    );
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw fail(failure);
  if (events.length > 0) yield events;
}

/** Error for XML that parses but breaks the official schema. */
export function schemaError(file: string, line: number, column: number, why: string) {
  return fileError('XML_UNEXPECTED', { file: displayName(file), line, column }, why);
}
