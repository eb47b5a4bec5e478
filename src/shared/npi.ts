// NPI check digit: Luhn over the 9-digit base prefixed with the card issuer id 80840
// (CMS "Requirements for NPI check digit", Luhn formula for the ISO 7812 card number).
export function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  return npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

export function npiCheckDigit(base9: string): number {
  const digits = `80840${base9}`;
  let sum = 0;
  // Double every second digit from the right, counting the missing check digit as position 1.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a valid NPI from a 9-digit base (entity type 1 = individual, 2 = organization). */
export function npiFromBase(base9: string): string {
  return base9 + String(npiCheckDigit(base9));
}
