import { describe, expect, it } from 'vitest';
import { ProblemList } from '../problems.ts';
import { HlChecker } from './hl.ts';

function run(...hls: string[]) {
  const out = new ProblemList();
  const c = new HlChecker(out);
  hls.forEach((h, i) =>
    c.push({ id: 'HL', el: h.split('*'), n: i + 1, line: i + 1 }, { segmentNumber: i + 1 }),
  );
  c.end();
  return out.items.map((p) => [p.code, p.segmentNumber, p.value ?? p.element]);
}

describe('HL hierarchy', () => {
  it('accepts a consistent billing provider / subscriber / patient tree', () => {
    expect(
      run('HL*1**20*1', 'HL*2*1*22*1', 'HL*3*2*23*0', 'HL*4*1*22*0', 'HL*5**20*1', 'HL*6*5*22*0'),
    ).toEqual([]);
  });

  it('reports HL04 that disagrees with what follows', () => {
    expect(run('HL*1**20*1', 'HL*2*1*22*1', 'HL*3*1*22*0')).toEqual([['X12_HL_CHILD_CODE', 2, '1']]);
    expect(run('HL*1**20*0', 'HL*2*1*22*0')).toEqual([['X12_HL_CHILD_CODE', 1, '0']]);
  });

  it('reports a parent that was never seen, with sequential and non-sequential ids', () => {
    expect(run('HL*1**20*1', 'HL*2*3*22*0')).toEqual([
      ['X12_HL_PARENT', 2, 'HL02'],
      ['X12_HL_CHILD_CODE', 1, '1'],
    ]);
    expect(run('HL*A**20*1', 'HL*B*A*22*0', 'HL*C*Z*22*0')[0]).toEqual(['X12_HL_PARENT', 3, 'HL02']);
  });
});
