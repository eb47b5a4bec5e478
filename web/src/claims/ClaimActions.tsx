import { EditOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { Claim } from '../api/types.ts';
import { ADJUDICATED_STATES, isIn } from '../../../src/claims/states.ts';
import { isEditable, MANUAL_MOVES, manualMoves } from './claim-states.ts';

interface Props {
  claim: Claim;
  busy: boolean;
  onScrub(): void;
  onEdit(): void;
  onMove(to: keyof typeof MANUAL_MOVES): void;
  /** Send a replacement (7) or a void (8) of an adjudicated claim. */
  onReplace(frequencyCode: '7' | '8'): void;
}

/** What a biller does to the claim as a whole: scrub again, edit, and the moves the state allows. */
export function ClaimActions({ claim, busy, onScrub, onEdit, onMove, onReplace }: Props) {
  const editable = isEditable(claim.state);
  return (
    <Space wrap>
      {isIn(ADJUDICATED_STATES, claim.state) && (
        <>
          <Button onClick={() => onReplace('7')}>Correct claim (7)</Button>
          <Button danger onClick={() => onReplace('8')}>
            Void at payer (8)
          </Button>
        </>
      )}
      {manualMoves(claim.state).map((to) => (
        <Button key={to} danger={to === 'voided'} onClick={() => onMove(to)}>
          {MANUAL_MOVES[to]}
        </Button>
      ))}
      {/* Each claim prints on its own form: the CMS-1500 (837P) or the UB-04 (837I). */}
      {claim.type === 'professional' ? (
        <Button icon={<PrinterOutlined />} href={`/api/claims/${claim.id}/cms1500.pdf`} target="_blank">
          Print CMS-1500
        </Button>
      ) : (
        <Button icon={<PrinterOutlined />} href={`/api/claims/${claim.id}/ub04.pdf`} target="_blank">
          Print UB-04
        </Button>
      )}
      {editable && (
        <Button icon={<ReloadOutlined />} loading={busy} onClick={onScrub}>
          Scrub again
        </Button>
      )}
      {editable && (
        <Button type="primary" icon={<EditOutlined />} onClick={onEdit}>
          Edit claim
        </Button>
      )}
    </Space>
  );
}
