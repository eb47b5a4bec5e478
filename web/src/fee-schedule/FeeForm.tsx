import { FeeCreate, FeeUpdate } from '../../../src/practices/schema.ts';
import { formatDollars } from '../../../src/shared/money.ts';
import type { Fee } from '../api/types.ts';
import { centsOrAsTyped } from '../forms/dollars.ts';
import { RateFields } from '../forms/RateFields.tsx';
import { fieldsNamed } from '../forms/field-errors.ts';
import { RecordDrawer } from '../forms/RecordDrawer.tsx';
import type { DrawerProps } from '../lists/MasterDataPage.tsx';

const fieldFor = fieldsNamed(['procedureCode', 'modifier', 'charge', 'effectiveDate', 'endDate'], {
  chargeCents: 'charge',
});

/** The practice's charge for a procedure (and modifier) from a date: fills a service line's charge when left blank. */
export function FeeForm(props: DrawerProps<Fee>) {
  return (
    <RecordDrawer<Fee>
      {...props}
      label="fee"
      path="/api/fee-schedule"
      schemas={{ create: FeeCreate, update: FeeUpdate }}
      fieldFor={fieldFor}
      toValues={(f) => ({ ...f, charge: formatDollars(f.chargeCents) })}
      fromValues={({ charge, ...rest }) => ({ ...rest, chargeCents: centsOrAsTyped(charge) })}
    >
      <RateFields amountLabel="Charge" amountName="charge" />
    </RecordDrawer>
  );
}
