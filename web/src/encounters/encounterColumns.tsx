import { Tag, Tooltip, type TableColumnsType } from 'antd';
import type { EncounterSummary } from '../api/types.ts';
import { dollars } from '../lists/format.ts';

/**
 * The columns of an encounter list; the patient column is left out on a patient's own page.
 * `describe` gives a diagnosis code's description, shown when the code is pointed at.
 */
export function encounterColumns(
  withPatient: boolean,
  describe: (code: string) => string | undefined = () => undefined,
): TableColumnsType<EncounterSummary> {
  return [
    { title: 'Date of service', dataIndex: 'serviceDateFrom', key: 'serviceDateFrom', sorter: true },
    ...(withPatient
      ? [
          { title: 'Patient', dataIndex: 'patientName', key: 'patientName', sorter: true } as const,
          { title: 'Account', dataIndex: 'accountNumber', key: 'accountNumber' } as const,
        ]
      : []),
    { title: 'POS', dataIndex: 'placeOfService', key: 'placeOfService' },
    {
      title: 'Diagnoses',
      dataIndex: 'diagnoses',
      key: 'diagnoses',
      render: (codes: string[]) =>
        codes.map((c) => (
          <Tooltip key={c} title={describe(c)}>
            <Tag data-code={c}>{c}</Tag>
          </Tooltip>
        )),
    },
    { title: 'Lines', dataIndex: 'lineCount', key: 'lineCount', align: 'right' },
    {
      title: 'Charges',
      dataIndex: 'totalChargeCents',
      key: 'totalChargeCents',
      align: 'right',
      render: dollars,
    },
    {
      title: 'Status',
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      render: (s: string) => <Tag color="blue">{s}</Tag>,
    },
  ];
}
