// One measured read of one file by one reader, in its own process so peak RSS is its own.
// Usage: node --import tsx bench/x12/phase.ts <reader> <file>; prints one JSON line.
import { fileSource, streamSegmentBatches } from '../../src/x12/engine/stream.ts';
import { validateStream } from '../../src/x12/engine/validate.ts';
import { nodeX12Segments, x12ParserSegments } from './others.ts';

const READERS: Record<string, (file: string) => Promise<{ segments: number; problems?: number }>> = {
  tokenize: async (file) => {
    let segments = 0;
    for await (const batch of streamSegmentBatches(fileSource(file))) segments += batch.length;
    return { segments };
  },
  validate: async (file) => {
    const s = await validateStream(fileSource(file));
    return { segments: s.segments, problems: s.problems.length };
  },
  'node-x12': async (file) => ({ segments: await nodeX12Segments(file) }),
  'x12-parser': async (file) => ({ segments: await x12ParserSegments(file) }),
};

const [reader = '', file = ''] = process.argv.slice(2);
const run = READERS[reader];
if (!run) throw new Error(`unknown reader ${reader}`);
const t = process.hrtime.bigint();
const r = await run(file);
const seconds = Number(process.hrtime.bigint() - t) / 1e9;
console.log(JSON.stringify({ reader, seconds, ...r, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
