// A TIN (EIN or SSN) is nine digits; EINs are usually written NN-NNNNNNN. The IRS never issues
// EIN prefixes 00, 07-09, 17-19, 28-29, 49, 69-70, 78-79 or 89, and an SSN never starts 000, 666 or 9.
const INVALID_EIN_PREFIXES = new Set([
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
]);

export function normalizeTin(tin: string): string {
  return tin.replace(/-/g, '');
}

export function isValidTin(tin: string): boolean {
  if (!/^(\d{2}-?\d{7}|\d{3}-?\d{2}-?\d{4})$/.test(tin)) return false;
  const digits = normalizeTin(tin);
  if (tin.includes('-') && tin.indexOf('-') === 3) return isValidSsn(digits);
  return !INVALID_EIN_PREFIXES.has(digits.slice(0, 2)) || isValidSsn(digits);
}

function isValidSsn(digits: string): boolean {
  const area = digits.slice(0, 3);
  return (
    area !== '000' &&
    area !== '666' &&
    !area.startsWith('9') &&
    digits.slice(3, 5) !== '00' &&
    digits.slice(5) !== '0000'
  );
}
