// 005010X231A1 Implementation Acknowledgment (999) guide map.
import { codes, loop, seg, UNBOUNDED, type TransactionMap } from './types.ts';

export const X231A1: TransactionMap = {
  guide: '005010X231A1',
  setId: '999',
  functionalId: 'FA',
  name: 'Implementation Acknowledgment',
  body: [
    seg('AK1', 'Functional Group Response Header', 'R', 1),
    loop('2000', 'Transaction Set Response Header', 'S', UNBOUNDED, [
      seg('AK2', 'Transaction Set Response Header', 'R', 1),
      loop('2100', 'Error Identification', 'S', UNBOUNDED, [
        seg('IK3', 'Error Identification', 'R', 1, {
          el: { '04': codes('1', '2', '3', '4', '5', '6', '7', '8', 'I4', 'I6', 'I7', 'I8', 'I9') },
        }),
        seg('CTX', 'Segment Context / Business Unit Identifier', 'S', 10),
        loop('2110', 'Implementation Data Element Note', 'S', 99, [
          seg('IK4', 'Implementation Data Element Note', 'R', 1),
          seg('CTX', 'Element Context', 'S', 10),
        ]),
      ]),
      seg('IK5', 'Transaction Set Response Trailer', 'R', 1, {
        el: { '01': codes('A', 'E', 'M', 'R', 'W', 'X') },
      }),
    ]),
    seg('AK9', 'Functional Group Response Trailer', 'R', 1, {
      el: { '01': codes('A', 'E', 'M', 'P', 'R', 'W', 'X') },
    }),
  ],
};
