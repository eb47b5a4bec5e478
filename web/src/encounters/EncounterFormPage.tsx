import { Alert, App, Button, Flex, Form, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { CLINICAL } from '../../../src/auth/roles.ts';
import { EncounterCreate, EncounterUpdate } from '../../../src/encounters/schema.ts';
import { api } from '../api/client.ts';
import type { Encounter } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { useSave } from '../forms/useSave.ts';
import { usePracticeId } from '../practice/practice-context.ts';
import { CreateClaimButton } from '../claims/CreateClaimButton.tsx';
import { DiagnosisList } from './DiagnosisList.tsx';
import { EncounterHeaderFields } from './EncounterHeaderFields.tsx';
import type { EncounterSavedState } from './EncountersPage.tsx';
import { FacilityBillFields } from './FacilityBillFields.tsx';
import { bodyOf, encounterFieldFor, NEW_LINE, valuesOf, type EncounterValues } from './encounter-values.ts';
import { ServiceLinesTable } from './ServiceLinesTable.tsx';
import { EncounterNotes } from '../charts/EncounterNotes.tsx';

/** Create (/encounters/new?patientId=) or edit (/encounters/:id) an encounter. */
export function EncounterFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const [form] = Form.useForm<EncounterValues>();
  const practiceId = usePracticeId();
  const canWrite = useHasRole(CLINICAL);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { busy, error, save, fail } = useSave(form, encounterFieldFor);
  const [loaded, setLoaded] = useState<Encounter | 'new' | undefined>(id ? undefined : 'new');
  const [loadError, setLoadError] = useState<string>();

  useEffect(() => {
    if (!id) {
      const patientId = Number(params.get('patientId')) || undefined;
      form.setFieldsValue({
        patientId,
        placeOfService: '11',
        diagnoses: [''],
        serviceLines: [{ ...NEW_LINE }],
      });
      return;
    }
    api.get<Encounter>(`/api/encounters/${id}`).then(
      (e) => {
        form.setFieldsValue(valuesOf(e));
        setLoaded(e);
      },
      (e: Error) => setLoadError(e.message),
    );
  }, [id, params, form]);

  const onSave = async () => {
    const { body, errors } = bodyOf(form.getFieldsValue(true) as EncounterValues);
    if (errors.length) return fail(errors);
    const existing = loaded !== 'new' ? loaded : undefined;
    const saved = existing
      ? await save(EncounterUpdate, body, () => api.patch<Encounter>(`/api/encounters/${existing.id}`, body))
      : await save(EncounterCreate, { ...body, practiceId }, () =>
          api.post<Encounter>('/api/encounters', { ...body, practiceId }),
        );
    if (saved) {
      message.success(`Encounter ${saved.id} saved`);
      navigate('/encounters', { state: { saved: saved.id } satisfies EncounterSavedState });
    }
  };

  if (loadError) return <Alert type="error" title={loadError} showIcon />;
  if (!loaded) return <Spin />;
  return (
    <Flex vertical gap="middle">
      <Form<EncounterValues>
        form={form}
        name="encounter"
        layout="vertical"
        onFinish={onSave}
        aria-label="Encounter"
        disabled={!canWrite}
      >
        <Flex vertical gap="middle">
          <Flex justify="space-between" align="center">
            <Typography.Title level={3} className="page-title">
              {loaded === 'new' ? 'New encounter' : `Encounter ${loaded.id}`}
            </Typography.Title>
            <Flex gap="small">
              {loaded !== 'new' && <CreateClaimButton encounterId={loaded.id} />}
              <Button onClick={() => navigate(-1)} disabled={false}>
                Cancel
              </Button>
              <Button type="primary" htmlType="submit" loading={busy}>
                Save encounter
              </Button>
            </Flex>
          </Flex>
          {error && <Alert type="error" title={error} showIcon role="alert" />}
          <EncounterHeaderFields />
          <DiagnosisList />
          <FacilityBillFields />
          <ServiceLinesTable />
        </Flex>
      </Form>
      {loaded !== 'new' && <EncounterNotes encounterId={loaded.id} canWrite={canWrite} />}
    </Flex>
  );
}
