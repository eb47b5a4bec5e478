import type { TableColumnsType } from 'antd';
import { MANAGERS } from '../../../src/auth/roles.ts';
import { MasterDataPage } from '../lists/MasterDataPage.tsx';
import { SubmitterSettingsForm, type SubmitterSetting } from './SubmitterSettingsForm.tsx';

const columns: TableColumnsType<SubmitterSetting> = [
  { title: 'Submitter', dataIndex: 'submitterName', key: 'submitterName', sorter: true },
  { title: 'Submitter ID', dataIndex: 'submitterId', key: 'submitterId' },
  { title: 'Receiver', dataIndex: 'receiverName', key: 'receiverName' },
  { title: 'Receiver ID', dataIndex: 'receiverId', key: 'receiverId' },
  { title: 'Usage', dataIndex: 'usage', key: 'usage' },
];

export function SubmitterSettingsPage() {
  return (
    <MasterDataPage<SubmitterSetting>
      title="Clearinghouse (submitter)"
      path="submitter-settings"
      noun="submitter setting"
      columns={columns}
      writeRoles={MANAGERS}
      Form={SubmitterSettingsForm}
    />
  );
}
