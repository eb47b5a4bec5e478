// 005010X221A1 Health Care Claim Payment/Advice (835) guide map (TR3 section 2.4).
import { codes, loop, required, seg, UNBOUNDED, type TransactionMap } from './types.ts';

const CAS_GROUPS = codes('CO', 'CR', 'OA', 'PI', 'PR');

export const X221A1: TransactionMap = {
  guide: '005010X221A1',
  setId: '835',
  functionalId: 'HP',
  name: 'Health Care Claim Payment/Advice',
  body: [
    seg('BPR', 'Financial Information', 'R', 1, {
      el: {
        '01': codes('C', 'D', 'H', 'I', 'P', 'U', 'X'),
        '03': codes('C', 'D'),
        '04': codes('ACH', 'BOP', 'CHK', 'FWT', 'NON'),
        '16': required,
      },
    }),
    seg('TRN', 'Reassociation Trace Number', 'R', 1, { el: { '01': codes('1') } }),
    seg('CUR', 'Foreign Currency Information', 'S', 1),
    seg('REF', 'Receiver Identification', 'S', 1, { match: ['01', 'EV'] }),
    seg('REF', 'Version Identification', 'S', 1, { match: ['01', 'F2'] }),
    seg('DTM', 'Production Date', 'S', 1, { match: ['01', '405'] }),
    loop('1000A', 'Payer Identification', 'R', 1, [
      seg('N1', 'Payer Identification', 'R', 1, { match: ['01', 'PR'] }),
      seg('N3', 'Payer Address', 'R', 1),
      seg('N4', 'Payer City, State, ZIP Code', 'R', 1),
      seg('REF', 'Additional Payer Identification', 'S', 4, { match: ['01', '2U', 'EO', 'HI', 'NF'] }),
      seg('PER', 'Payer Business Contact Information', 'S', 1, { match: ['01', 'CX'] }),
      seg('PER', 'Payer Technical Contact Information', 'R', UNBOUNDED, { match: ['01', 'BL'] }),
      seg('PER', 'Payer WEB Site', 'S', 1, { match: ['01', 'IC'] }),
    ]),
    loop('1000B', 'Payee Identification', 'R', 1, [
      seg('N1', 'Payee Identification', 'R', 1, { match: ['01', 'PE'] }),
      seg('N3', 'Payee Address', 'S', 1),
      seg('N4', 'Payee City, State, ZIP Code', 'S', 1),
      seg('REF', 'Payee Additional Identification', 'S', UNBOUNDED, {
        match: ['01', '0B', 'D3', 'PQ', 'TJ'],
      }),
      seg('RDM', 'Remittance Delivery Method', 'S', 1),
    ]),
    loop('2000', 'Header Number', 'S', UNBOUNDED, [
      seg('LX', 'Header Number', 'R', 1),
      seg('TS3', 'Provider Summary Information', 'S', 1),
      seg('TS2', 'Provider Supplemental Summary Information', 'S', 1),
      loop('2100', 'Claim Payment Information', 'R', UNBOUNDED, [
        seg('CLP', 'Claim Payment Information', 'R', 1, {
          el: { '02': codes('1', '2', '3', '4', '19', '20', '21', '22', '23', '25') },
        }),
        seg('CAS', 'Claim Adjustment', 'S', 99, { el: { '01': CAS_GROUPS } }),
        seg('NM1', 'Patient Name', 'R', 1, { match: ['01', 'QC'] }),
        seg('NM1', 'Insured Name', 'S', 1, { match: ['01', 'IL'] }),
        seg('NM1', 'Corrected Patient/Insured Name', 'S', 1, { match: ['01', '74'] }),
        seg('NM1', 'Service Provider Name', 'S', 1, { match: ['01', '82'] }),
        seg('NM1', 'Crossover Carrier Name', 'S', 1, { match: ['01', 'TT'] }),
        seg('NM1', 'Corrected Priority Payer Name', 'S', 1, { match: ['01', 'PR'] }),
        seg('NM1', 'Other Subscriber Name', 'S', 1, { match: ['01', 'GB'] }),
        seg('MIA', 'Inpatient Adjudication Information', 'S', 1),
        seg('MOA', 'Outpatient Adjudication Information', 'S', 1),
        seg('REF', 'Other Claim Related Identification', 'S', 5, {
          match: ['01', '1L', '1W', '28', '6P', '9A', '9C', 'BB', 'CE', 'EA', 'F8', 'G1', 'G3', 'IG', 'SY'],
        }),
        seg('REF', 'Rendering Provider Identification', 'S', 10, {
          match: ['01', '0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'LU'],
        }),
        seg('DTM', 'Statement From or To Date', 'S', 2, { match: ['01', '232', '233'] }),
        seg('DTM', 'Coverage Expiration Date', 'S', 1, { match: ['01', '036'] }),
        seg('DTM', 'Claim Received Date', 'S', 1, { match: ['01', '050'] }),
        seg('PER', 'Claim Contact Information', 'S', 2, { match: ['01', 'CX'] }),
        seg('AMT', 'Claim Supplemental Information', 'S', 13),
        seg('QTY', 'Claim Supplemental Information Quantity', 'S', 14),
        loop('2110', 'Service Payment Information', 'S', 999, [
          seg('SVC', 'Service Payment Information', 'R', 1, {
            el: { '01-1': codes('AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'N6', 'NU', 'UI', 'WK') },
          }),
          seg('DTM', 'Service Date', 'S', 2, { match: ['01', '150', '151', '472'] }),
          seg('CAS', 'Service Adjustment', 'S', 99, { el: { '01': CAS_GROUPS } }),
          seg('REF', 'Service Identification', 'S', 8, {
            match: ['01', '1S', 'APC', 'BB', 'E9', 'G1', 'G3', 'LU', 'RB'],
          }),
          seg('REF', 'Line Item Control Number', 'S', 1, { match: ['01', '6R'] }),
          seg('REF', 'Rendering Provider Information', 'S', 10, {
            match: ['01', '0B', '1A', '1B', '1C', '1D', '1G', '1H', '1J', 'D3', 'G2', 'HPI', 'SY', 'TJ'],
          }),
          seg('REF', 'HealthCare Policy Identification', 'S', 5, { match: ['01', '0K'] }),
          seg('AMT', 'Service Supplemental Amount', 'S', 9),
          seg('QTY', 'Service Supplemental Quantity', 'S', 8),
          seg('LQ', 'Health Care Remark Codes', 'S', 99, { el: { '01': codes('HE', 'RX') } }),
        ]),
      ]),
    ]),
    seg('PLB', 'Provider Adjustment', 'S', UNBOUNDED),
  ],
};
