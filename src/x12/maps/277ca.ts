// 005010X214 Health Care Claim Acknowledgment (277CA) guide map.
import { loop, seg, UNBOUNDED, type TransactionMap } from './types.ts';

const stc = (name: string, usage: 'R' | 'S') => seg('STC', name, usage, UNBOUNDED);

export const X214: TransactionMap = {
  guide: '005010X214',
  setId: '277',
  functionalId: 'HN',
  name: 'Health Care Claim Acknowledgment',
  body: [
    seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1),
    loop('2000A', 'Information Source Level', 'R', UNBOUNDED, [
      seg('HL', 'Information Source Level', 'R', 1, { match: ['03', '20'] }),
      loop('2100A', 'Information Source Name', 'R', 1, [
        seg('NM1', 'Information Source Name', 'R', 1, { match: ['01', 'AY', 'PR'] }),
      ]),
      loop('2200A', 'Transmission Receipt Control Identifier', 'R', 1, [
        seg('TRN', 'Transmission Receipt Control Identifier', 'R', 1),
        seg('DTP', 'Information Source Receipt Date', 'R', 1, { match: ['01', '050'] }),
        seg('DTP', 'Information Source Process Date', 'R', 1, { match: ['01', '009'] }),
      ]),
      loop('2000B', 'Information Receiver Level', 'R', UNBOUNDED, [
        seg('HL', 'Information Receiver Level', 'R', 1, { match: ['03', '21'] }),
        loop('2100B', 'Information Receiver Name', 'R', 1, [
          seg('NM1', 'Information Receiver Name', 'R', 1, { match: ['01', '41'] }),
        ]),
        loop('2200B', 'Information Receiver Application Trace Identifier', 'R', 1, [
          seg('TRN', 'Information Receiver Application Trace Identifier', 'R', 1),
          stc('Information Receiver Status Information', 'R'),
          seg('QTY', 'Total Accepted Quantity', 'S', 1, { match: ['01', '90'] }),
          seg('QTY', 'Total Rejected Quantity', 'S', 1, { match: ['01', 'AA'] }),
          seg('AMT', 'Total Accepted Amount', 'S', 1, { match: ['01', 'YU'] }),
          seg('AMT', 'Total Rejected Amount', 'S', 1, { match: ['01', 'YY'] }),
        ]),
        loop('2000C', 'Billing Provider of Service Level', 'S', UNBOUNDED, [
          seg('HL', 'Billing Provider of Service Level', 'R', 1, { match: ['03', '19'] }),
          loop('2100C', 'Billing Provider Name', 'R', 1, [
            seg('NM1', 'Billing Provider Name', 'R', 1, { match: ['01', '85'] }),
          ]),
          loop('2200C', 'Provider of Service Information Trace Identifier', 'S', 1, [
            seg('TRN', 'Provider of Service Information Trace Identifier', 'R', 1),
            stc('Billing Provider Status Information', 'S'),
            seg('REF', 'Provider Secondary Identifier', 'S', 3, {
              match: ['01', '0B', '1G', 'G2', 'LU', 'SY', 'TJ'],
            }),
            seg('QTY', 'Total Accepted Quantity', 'S', 1, { match: ['01', 'QA'] }),
            seg('QTY', 'Total Rejected Quantity', 'S', 1, { match: ['01', 'QC'] }),
            seg('AMT', 'Total Accepted Amount', 'S', 1, { match: ['01', 'YU'] }),
            seg('AMT', 'Total Rejected Amount', 'S', 1, { match: ['01', 'YY'] }),
          ]),
          loop('2000D', 'Patient Level', 'S', UNBOUNDED, [
            seg('HL', 'Patient Level', 'R', 1, { match: ['03', 'PT'] }),
            loop('2100D', 'Patient Name', 'R', 1, [
              seg('NM1', 'Patient Name', 'R', 1, { match: ['01', 'QC'] }),
            ]),
            loop('2200D', 'Claim Status Tracking Number', 'R', UNBOUNDED, [
              seg('TRN', 'Claim Status Tracking Number', 'R', 1),
              stc('Claim Level Status Information', 'R'),
              seg('REF', 'Payer Claim Control Number', 'S', 1, { match: ['01', '1K'] }),
              seg('REF', 'Clearinghouse Trace Number', 'S', 1, { match: ['01', 'D9'] }),
              seg('REF', 'Institutional Bill Type Identification', 'S', 1, { match: ['01', 'BLT'] }),
              seg('DTP', 'Claim Level Service Date', 'S', 1, { match: ['01', '472'] }),
              loop('2220D', 'Service Line Information', 'S', UNBOUNDED, [
                seg('SVC', 'Service Line Information', 'R', 1),
                stc('Service Line Level Status Information', 'R'),
                seg('REF', 'Service Line Item Identification', 'S', 1, { match: ['01', 'FJ'] }),
                seg('DTP', 'Service Line Date', 'S', 1, { match: ['01', '472'] }),
              ]),
            ]),
          ]),
        ]),
      ]),
    ]),
  ],
};
