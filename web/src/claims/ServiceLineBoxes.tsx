import { Card, Tag } from 'antd';
import { Fragment, useContext } from 'react';
import type { Claim } from '../api/types.ts';
import { dollars } from '../lists/format.ts';
import { pointerLetter } from './claim-states.ts';
import { BoxFindings, FindingsContext, useBoxSeverity } from './FormBox.tsx';
import type { ClaimParties } from './useClaimParties.ts';

const COLUMNS = [
  ['24A', 'Date of service'],
  ['24B', 'POS'],
  ['24D', 'CPT/HCPCS · modifiers'],
  ['24E', 'Dx pointer'],
  ['24F', 'Charges'],
  ['24G', 'Units'],
  ['24J', 'Rendering NPI'],
] as const;

function LineRows({
  claim,
  line,
  npi,
}: {
  claim: Claim;
  line: Claim['lines'][number];
  npi: string | undefined;
}) {
  const severity = useBoxSeverity(`line:${line.lineNumber}`);
  const { byBox } = useContext(FindingsContext);
  return (
    <Fragment>
      <tr className={severity ? `cms-line-${severity}` : ''} data-testid={`claim-line-${line.lineNumber}`}>
        <td className="cms-line-number">{line.lineNumber}</td>
        <td>{line.serviceDate}</td>
        <td>{line.placeOfService ?? claim.placeOfService}</td>
        <td>
          <strong>{line.procedureCode}</strong>
          {line.modifiers.map((m) => (
            <Tag key={m} className="modifier-tag">
              {m}
            </Tag>
          ))}
          {line.ndc && (
            // Box 24's shaded area: the drug as loop 2410 sends it (N4, NDC, unit and quantity).
            <div className="cms-ndc">
              N4 {line.ndc} {line.ndcUnit}
              {line.ndcQuantity}
            </div>
          )}
        </td>
        <td>{line.diagnosisPointers.map(pointerLetter).join('')}</td>
        <td className="cms-number">{dollars(line.chargeCents)}</td>
        <td className="cms-number">{line.units}</td>
        <td>{npi}</td>
      </tr>
      {(byBox.get(`line:${line.lineNumber}`)?.length ?? 0) > 0 && (
        <tr className="cms-line-findings">
          <td />
          <td colSpan={COLUMNS.length}>
            <BoxFindings box={`line:${line.lineNumber}`} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** CMS-1500 box 24: the service lines (837P loop 2400 SV1), each with the findings about it. */
export function ServiceLineBoxes({ claim, parties }: { claim: Claim; parties: ClaimParties }) {
  return (
    <Card size="small" title="Service lines (box 24)" className="cms-section">
      <BoxFindings box="placeOfService" />
      <BoxFindings box="renderingProvider" />
      <table className="cms-lines" data-testid="claim-lines">
        <thead>
          <tr>
            <th>#</th>
            {COLUMNS.map(([n, label]) => (
              <th key={n} className={n === '24F' || n === '24G' ? 'cms-number' : ''}>
                <span className="cms-box-number">{n}</span> {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((line) => (
            <LineRows key={line.id} claim={claim} line={line} npi={parties.rendering?.npi} />
          ))}
        </tbody>
      </table>
    </Card>
  );
}
