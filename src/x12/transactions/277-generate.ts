// 277 writer (005010X212): a payer's answer to a 276, one transaction set per member, each claim's
// statuses in STC; checked by our own validator before it is returned (a 277 that fails is a bug here).
import { loopToWrite } from '../engine/guide-order.ts';
import {
  writeInterchange,
  type ControlNumberSource,
  type EnvelopeOptions,
  type SegmentFields,
} from '../engine/writer.ts';
import { X212_277 } from '../maps/277.ts';
import { statusSegment } from './claim-status-codecs.ts';
import type { ClaimStatusResponse } from './claim-status-types.ts';
import { claimKeySegments, lineSegments, statusBody } from './276-generate.ts';
import { checked } from './hierarchy.ts';

export type Write277Options = EnvelopeOptions & { numbers: ControlNumberSource };

/** The segments between ST and SE of one 277. */
export function claimStatusResponseToSegments(r: ClaimStatusResponse): SegmentFields[] {
  const claims = r.claims.map((c) =>
    loopToWrite(
      [...claimKeySegments(c, '2'), ...c.statuses.map(statusSegment)],
      c.lines.map((l) => loopToWrite([...lineSegments(l), ...l.statuses.map(statusSegment)])),
    ),
  );
  return statusBody(X212_277, r, claims);
}

/** Writes claim status answers as one interchange (GS HN, one ST 277 per member), validated before it is returned. */
export async function write277(
  responses: readonly ClaimStatusResponse[],
  options: Write277Options,
): Promise<string> {
  const guide = X212_277.guide;
  const transactions = responses.map((r) => ({
    setId: '277',
    guide,
    body: claimStatusResponseToSegments(r),
  }));
  return checked(
    'write277',
    await writeInterchange([{ functionalId: 'HN', guide, transactions }], options, options.numbers),
  );
}
