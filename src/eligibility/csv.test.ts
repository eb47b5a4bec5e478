import { describe, expect, it } from 'vitest';
import { readScheduleCsv } from './csv.ts';

describe('readScheduleCsv', () => {
  it('reads the columns by header, case and spaces ignored, MRN or member ID per row', () => {
    const { rows, errors } = readScheduleCsv(
      '\uFEFFMRN, Member ID ,Last Name,First Name,DOB,Date of Service,Payer ID\n' +
        'A100,,Doe,Jane,1980-02-03,2026-12-04,\n' +
        ',W123,"Smith, Jr",John,,2026-12-04,60054\n\n',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        accountNumber: 'A100',
        lastName: 'Doe',
        firstName: 'Jane',
        dateOfBirth: '1980-02-03',
        dateOfService: '2026-12-04',
      },
      {
        row: 3,
        memberId: 'W123',
        lastName: 'Smith, Jr',
        firstName: 'John',
        dateOfService: '2026-12-04',
        payerId: '60054',
      },
    ]);
  });

  it('refuses the whole file with every error at its row and column', () => {
    const { rows, errors } = readScheduleCsv(
      'mrn,lastName,firstName,dateOfService\nA1,,Jane,2026-02-30\n,Doe,John,2026-12-04\nA3,Roe,Ann,2026-12-04,extra\n',
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { pointer: '/csv/row 2/lastName', detail: 'lastName is empty' },
      { pointer: '/csv/row 2/dateOfService', detail: '"2026-02-30" is not a date (YYYY-MM-DD)' },
      { pointer: '/csv/row 3/mrn', detail: 'neither an MRN nor a member ID' },
      { pointer: '/csv/row 4/column 5', detail: 'more cells than columns' },
    ]);
  });

  it('names missing and unknown columns, an empty file and a quote left open', () => {
    expect(readScheduleCsv('lastName,firstName,when\n').errors).toEqual([
      { pointer: '/csv/row 1/when', detail: 'unknown column "when"' },
      { pointer: '/csv/row 1/dateOfService', detail: 'the column dateOfService is missing' },
      { pointer: '/csv/row 1/mrn', detail: 'a column mrn (account number) or memberId is needed' },
    ]);
    expect(readScheduleCsv('').errors).toEqual([{ pointer: '/csv', detail: 'the file is empty' }]);
    expect(readScheduleCsv('mrn,lastName,firstName,dos\n').errors).toEqual([
      { pointer: '/csv', detail: 'no rows under the header' },
    ]);
    const open = readScheduleCsv('mrn,lastName,firstName,dos\nA1,"Doe,Jane,2026-12-04\n');
    expect(open.errors).toHaveLength(1);
    expect(open.errors[0]!.pointer).toMatch(/^\/csv\//);
    expect(open.errors[0]!.detail).toMatch(/^not CSV: /);
  });
});
