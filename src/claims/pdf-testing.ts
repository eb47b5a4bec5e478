import { inflateSync } from 'node:zlib';

// For tests of the printed forms: the text a served (compressed) PDF shows.
/** The strings a PDF's (deflated) content streams show: pdfkit writes them as hex inside TJ. */
export function shownText(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      return ''; // fonts and other binary streams
    }
  });
  return [...streams.join('\n').matchAll(/\[([^\]]*)\]\s*TJ/g)].map((m) =>
    [...m[1]!.matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''),
  );
}
