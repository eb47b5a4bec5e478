import { describe, expect, it } from 'vitest';
import { handlerKeyOf, recogniseInbound } from './recognise.ts';

const ISA =
  'ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*CLEANCLAIM     *240101*1200*^*00501*000000001*0*T*:~';

describe('recogniseInbound: by the envelope, whatever the file is called', () => {
  it('an 835 by ST01 and GS08', () => {
    const r = recogniseInbound(`${ISA}GS*HP*A*B*20240101*1200*1*X*005010X221A1~ST*835*0001~`);
    expect(r).toEqual({ transactionType: '835', guide: '005010X221A1' });
    expect(handlerKeyOf(r)).toBe('835');
  });
  it('a 277 with the X214 guide is a 277CA', () => {
    const r = recogniseInbound(`${ISA}\nGS*HN*A*B*20240101*1200*1*X*005010X214~\nST*277*0001*005010X214~`);
    expect(handlerKeyOf(r)).toBe('277CA');
  });
  it('a TA1: an ISA and a TA1 segment without a group', () => {
    const r = recogniseInbound(`${ISA}TA1*000000001*240101*1200*R*006~IEA*0*000000001~`);
    expect(r.transactionType).toBe('TA1');
  });
  it('a file that is not X12 is nothing', () => {
    expect(handlerKeyOf(recogniseInbound('hello, this is a report'))).toBeNull();
  });
});
