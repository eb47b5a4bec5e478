import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { OFFICE } from '../../../src/auth/roles.ts';
import type { Patient } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { personName, phone } from '../lists/format.ts';
import { useRecord } from '../lists/useRecord.ts';
import { BenefitsCard } from '../eligibility/BenefitsCard.tsx';
import { CoveragesCard } from './CoveragesCard.tsx';
import { PatientEncounters } from './PatientEncounters.tsx';
import { PatientLedger } from './PatientLedger.tsx';
import { PatientForm } from './PatientForm.tsx';
import { sexLabel } from './sexes.ts';

export function PatientDetailPage() {
  const { id } = useParams();
  const { record: patient, error, setRecord } = useRecord<Patient>(`/api/patients/${id}`);
  const canWrite = useHasRole(OFFICE);
  const [editing, setEditing] = useState(false);

  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!patient) return <Spin />;
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} className="page-title" data-testid="patient-name">
          {personName(patient)}
        </Typography.Title>
        {canWrite && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            Edit patient
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="Account">{patient.accountNumber}</Descriptions.Item>
          <Descriptions.Item label="Date of birth">{patient.dateOfBirth}</Descriptions.Item>
          <Descriptions.Item label="Sex">{sexLabel(patient.sex)}</Descriptions.Item>
          <Descriptions.Item label="Address">
            {patient.address1}
            {patient.address2 ? `, ${patient.address2}` : ''}, {patient.city}, {patient.state} {patient.zip}
          </Descriptions.Item>
          <Descriptions.Item label="Phone">{phone(patient.phone)}</Descriptions.Item>
          <Descriptions.Item label="Email">{patient.email}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'details',
            label: 'Coverage and encounters',
            children: (
              <Flex vertical gap="middle">
                <CoveragesCard patient={patient} canWrite={canWrite} />
                <BenefitsCard patient={patient} />
                <PatientEncounters patient={patient} />
              </Flex>
            ),
          },
          { key: 'ledger', label: 'Ledger', children: <PatientLedger patient={patient} /> },
        ]}
      />
      <PatientForm
        open={editing}
        patient={patient}
        onClose={() => setEditing(false)}
        onSaved={(p) => {
          setEditing(false);
          setRecord(p);
        }}
      />
    </Flex>
  );
}
