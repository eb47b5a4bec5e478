// One measured read of one file by one reader, in its own process so peak RSS is its own.
// Usage: node --import tsx bench/x12/phase.ts <reader> <file>; prints one JSON line.
// Each reader first reads the file's first WARM_BYTES untimed (JIT warm-up), then the whole file timed.
import { fileSource, streamSegmentBatches, type ByteSource } from '../../src/x12/engine/stream.ts';
import { validateStream } from '../../src/x12/engine/validate.ts';
import { nodeX12Segments, x12ParserSegments } from './others.ts';

const WARM_BYTES = 8 * 2 ** 20;

/** The first `limit` characters of a file (ends the file read early). */
async function* prefix(file: string, limit: number): AsyncGenerator<string> {
  let seen = 0;
  for await (const chunk of fileSource(file)) {
    yield chunk;
    seen += chunk.length;
    if (seen >= limit) return;
  }
}

const source = (file: string, limit?: number): ByteSource =>
  limit === undefined ? fileSource(file) : prefix(file, limit);

type Reader = (file: string, limit?: number) => Promise<{ segments: number; problems?: number }>;

const READERS: Record<string, Reader> = {
  tokenize: async (file, limit) => {
    let segments = 0;
    for await (const batch of streamSegmentBatches(source(file, limit))) segments += batch.length;
    return { segments };
  },
  // Tokenize and cut every element out of every segment (what a consumer reading all fields pays).
  'tokenize-elements': async (file, limit) => {
    let segments = 0;
    let elements = 0;
    for await (const batch of streamSegmentBatches(source(file, limit))) {
      segments += batch.length;
      for (const s of batch) elements += s.el.length;
    }
    return { segments, elements };
  },
  validate: async (file, limit) => {
    const s = await validateStream(source(file, limit));
    return { segments: s.segments, problems: s.problems.length };
  },
  'node-x12': async (file, limit) => ({ segments: await nodeX12Segments(file, limit) }),
  'x12-parser': async (file, limit) => ({ segments: await x12ParserSegments(file, limit) }),
};

const [reader = '', file = ''] = process.argv.slice(2);
const run = READERS[reader];
if (!run) throw new Error(`unknown reader ${reader}`);
await run(file, WARM_BYTES);
const t = process.hrtime.bigint();
const cpu = process.cpuUsage();
const r = await run(file);
const seconds = Number(process.hrtime.bigint() - t) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(
  JSON.stringify({ reader, seconds, cpuSeconds, ...r, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
