import { Alert, App, Col, Flex, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { OFFICE } from '../../../src/auth/roles.ts';
import { api } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import type { Claim, Finding } from '../api/types.ts';
import { useHasRole } from '../auth/useHasRole.ts';
import { useRecord } from '../lists/useRecord.ts';
import { BillingBoxes } from './BillingBoxes.tsx';
import { ClaimActions } from './ClaimActions.tsx';
import { ClaimEditDrawer } from './ClaimEditDrawer.tsx';
import { ClaimAcknowledgments } from './ClaimAcknowledgments.tsx';
import { ClaimBatchNotice } from './ClaimBatchNotice.tsx';
import { ClaimHistory } from './ClaimHistory.tsx';
import { ClaimStatusInquiries } from './ClaimStatusInquiries.tsx';
import { ClaimEob } from '../remits/ClaimEob.tsx';
import { ClaimAppealsCard } from '../denials/appeals/ClaimAppealsCard.tsx';
import { ClaimWriteOffs } from '../denials/ClaimWriteOffs.tsx';
import { isEditable, MANUAL_MOVES, STATE_COLORS, stateLabel } from './claim-states.ts';
import { findingsByBox } from './finding-boxes.ts';
import { FindingsContext, BoxFindings, type FindingsAt } from './FormBox.tsx';
import { PatientInsuredBoxes } from './PatientInsuredBoxes.tsx';
import { PhysicianBoxes } from './PhysicianBoxes.tsx';
import { PriorPayerBoxes } from './PriorPayerBoxes.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { ServiceLineBoxes } from './ServiceLineBoxes.tsx';
import { Ub04Boxes } from './Ub04Boxes.tsx';
import { useClaimParties } from './useClaimParties.ts';

type Asking =
  | { kind: 'override'; finding: Finding }
  | { kind: 'move'; to: keyof typeof MANUAL_MOVES }
  | { kind: 'replace'; frequencyCode: '7' | '8' };

const REPLACE_LABEL = { '7': 'Correct claim (7)', '8': 'Void at payer (8)' } as const;

function modalTitle(asking: Asking | undefined, pcn: string): string {
  if (!asking) return '';
  if (asking.kind === 'override') return `Override ${asking.finding.code}`;
  if (asking.kind === 'replace') return `${REPLACE_LABEL[asking.frequencyCode]}: ${pcn}`;
  return `${MANUAL_MOVES[asking.to]}: ${pcn}`;
}

function modalOk(asking: Asking | undefined): string {
  if (!asking) return 'OK';
  if (asking.kind === 'override') return 'Override';
  if (asking.kind === 'replace') return REPLACE_LABEL[asking.frequencyCode];
  return MANUAL_MOVES[asking.to];
}

/** One claim laid out as the CMS-1500 (or the UB-04 for a facility), each scrubber finding beside the box it names. */
export function ClaimDetailPage() {
  const { id } = useParams();
  const { record: claim, error, setRecord } = useRecord<Claim>(`/api/claims/${id}`);
  const parties = useClaimParties(claim);
  const canWrite = useHasRole(OFFICE);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<Asking>();
  const navigate = useNavigate();

  const act = async (send: () => Promise<Claim>, done: string) => {
    setBusy(true);
    try {
      setRecord(await send());
      setAsking(undefined);
      message.success(done);
    } catch (e) {
      message.error(e instanceof ApiProblem ? e.message : 'the server did not answer; try again');
    } finally {
      setBusy(false);
    }
  };

  const editable = !!claim && canWrite && isEditable(claim.state);
  const findings = useMemo<FindingsAt>(
    () => ({
      byBox: findingsByBox(
        claim?.findings ?? [],
        (claim?.lines ?? []).map((l) => l.lineNumber).sort((a, b) => a - b),
      ),
      onFix: editable
        ? (f) => act(() => api.post<Claim>(`/api/claims/${claim.id}/findings/${f.id}/fix`), `${f.code} fixed`)
        : undefined,
      onOverride: editable ? (finding) => setAsking({ kind: 'override', finding }) : undefined,
    }),
    [claim, editable], // eslint-disable-line react-hooks/exhaustive-deps
  );

  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!claim) return <Spin />;
  const open = claim.findings.filter((f) => !f.overridden);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.length - errors;

  const onReason = (reason: string, payerClaimNumber?: string) =>
    asking?.kind === 'replace'
      ? act(
          async () => {
            const made = await api.post<Claim>(`/api/claims/${claim.id}/replace`, {
              frequencyCode: asking.frequencyCode,
              payerClaimNumber,
              reason,
            });
            navigate(`/claims/${made.id}`);
            return made;
          },
          `Claim ${asking.frequencyCode === '7' ? 'replacement' : 'void'} created`,
        )
      : asking?.kind === 'override'
        ? act(
            () =>
              api.post<Claim>(`/api/claims/${claim.id}/findings/${asking.finding.id}/override`, { reason }),
            `${asking.finding.code} overridden`,
          )
        : asking &&
          act(
            () => api.post<Claim>(`/api/claims/${claim.id}/transition`, { to: asking.to, reason }),
            `Claim ${stateLabel(asking.to)}`,
          );

  return (
    <FindingsContext.Provider value={findings}>
      <Flex vertical gap="middle">
        <Flex justify="space-between" align="center" wrap gap="small">
          <Space align="center" wrap>
            <Typography.Title level={3} className="page-title">
              Claim {claim.patientControlNumber}
            </Typography.Title>
            <Tag color={STATE_COLORS[claim.state as keyof typeof STATE_COLORS]} data-testid="claim-state">
              {stateLabel(claim.state)}
            </Tag>
            {errors > 0 && (
              <Tag color="red">
                {errors} error{errors > 1 ? 's' : ''}
              </Tag>
            )}
            {warnings > 0 && (
              <Tag color="gold">
                {warnings} warning{warnings > 1 ? 's' : ''}
              </Tag>
            )}
            {open.length === 0 && <Tag color="green">clean</Tag>}
            <Link to={`/encounters/${claim.encounterId}`}>Encounter {claim.encounterId}</Link>
          </Space>
          {canWrite && (
            <ClaimActions
              claim={claim}
              busy={busy}
              onScrub={() => act(() => api.post<Claim>(`/api/claims/${claim.id}/scrub`), 'Claim scrubbed')}
              onEdit={() => setEditing(true)}
              onMove={(to) => setAsking({ kind: 'move', to })}
              onReplace={(frequencyCode) => setAsking({ kind: 'replace', frequencyCode })}
            />
          )}
        </Flex>
        <ClaimBatchNotice claimId={claim.id} state={claim.state} />
        <BoxFindings box="claim" />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={18}>
            {claim.type === 'institutional' ? (
              <Flex vertical gap="middle" data-testid="ub04">
                <Ub04Boxes claim={claim} parties={parties} />
                <PriorPayerBoxes claim={claim} />
              </Flex>
            ) : (
              <Flex vertical gap="middle">
                <PatientInsuredBoxes claim={claim} parties={parties} />
                <PhysicianBoxes claim={claim} parties={parties} />
                <ServiceLineBoxes claim={claim} parties={parties} />
                <PriorPayerBoxes claim={claim} />
                <BillingBoxes claim={claim} parties={parties} />
              </Flex>
            )}
          </Col>
          <Col xs={24} xl={6}>
            <Flex vertical gap="middle">
              <ClaimAcknowledgments claimId={claim.id} version={claim.state} />
              <ClaimStatusInquiries claimId={claim.id} version={claim.state} />
              <ClaimAppealsCard claimId={claim.id} />
              <ClaimWriteOffs claimId={claim.id} />
              <ClaimHistory claim={claim} />
            </Flex>
          </Col>
        </Row>
        <ClaimEob claimId={claim.id} />
      </Flex>
      <ClaimEditDrawer
        claim={claim}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setRecord(saved);
          message.success('Claim saved and scrubbed again');
        }}
      />
      <ReasonModal
        open={asking !== undefined}
        title={modalTitle(asking, claim.patientControlNumber)}
        okText={modalOk(asking)}
        minLength={asking?.kind === 'override' ? 5 : 3}
        danger={(asking?.kind === 'move' && asking.to === 'voided') || asking?.kind === 'replace'}
        askPayerClaimNumber={asking?.kind === 'replace'}
        busy={busy}
        onCancel={() => setAsking(undefined)}
        onSubmit={(reason, payerClaimNumber) => void onReason(reason, payerClaimNumber)}
      />
    </FindingsContext.Provider>
  );
}
