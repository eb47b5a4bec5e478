import { isValidNpi } from '../../shared/npi.ts';
import type { ScrubClaim } from '../claim.ts';
import { finding, type Finding } from '../finding.ts';

/** Every NPI on the claim passes the Luhn check over the 80840 prefix. */
export function checkNpis(claim: ScrubClaim): Finding[] {
  const npis: [string, string | undefined, string][] = [
    ['/billingProvider/npi', claim.billingProvider.npi, 'Billing provider'],
    ['/renderingProvider/npi', claim.renderingProvider?.npi, 'Rendering provider'],
    ['/referringProvider/npi', claim.referringProvider?.npi, 'Referring provider'],
    ['/facility/npi', claim.facility?.npi, 'Service facility'],
    [
      '/institutional/attendingProvider/npi',
      claim.institutional?.attendingProvider?.npi,
      'Attending provider',
    ],
  ];
  return npis
    .filter(([, npi]) => npi !== undefined && npi !== '' && !isValidNpi(npi))
    .map(([field, npi, who]) =>
      finding('NPI-CHECK', field, `${who} NPI ${npi} is not a valid NPI (check digit)`),
    );
}
