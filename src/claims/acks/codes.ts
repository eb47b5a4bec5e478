// Acknowledgment codes in a biller's words: data, looked up by the plan. Codes not listed here are
// shown as the code itself, so a new code is never hidden.

/** TA105 interchange note codes. */
export const TA1_NOTES: Record<string, string> = {
  '000': 'no error',
  '001': 'the interchange control numbers in the header and trailer do not match',
  '006': 'the sender qualifier is not valid',
  '007': 'the sender id is not valid',
  '008': 'the receiver qualifier is not valid',
  '009': 'the receiver id is unknown to the clearinghouse',
  '014': 'the interchange date is not valid',
  '015': 'the interchange time is not valid',
  '018': 'the interchange control number is not valid',
  '020': 'the test/production indicator is not valid',
  '022': 'the envelope is missing or not valid',
  '023': 'the interchange is missing its trailer',
  '024': 'the interchange content is not valid',
  '025': 'the interchange is a duplicate of one already received',
};

/** IK304 segment syntax error codes. */
export const SEGMENT_ERRORS: Record<string, string> = {
  '1': 'the segment is not recognised',
  '2': 'the segment is out of order',
  '3': 'a required segment is missing',
  '4': 'the loop occurs too many times',
  '5': 'the segment is repeated too many times',
  '7': 'the segment is not in its defined place',
  '8': 'the segment has errors in its elements',
  I4: 'the segment is not used in this guide',
  I6: 'the segment is not allowed here (a situational rule)',
  I7: 'the loop occurs fewer times than required',
  I8: 'the loop occurs more times than allowed',
  I9: 'an implementation segment is missing',
};

/** IK403 element syntax error codes. */
export const ELEMENT_ERRORS: Record<string, string> = {
  '1': 'a required value is missing',
  '2': 'a conditional value is missing',
  '3': 'there are too many values',
  '4': 'the value is too short',
  '5': 'the value is too long',
  '6': 'the value has characters that are not allowed',
  '7': 'the code is not valid',
  '8': 'the date is not valid',
  '9': 'the time is not valid',
  '10': 'the value is not allowed here',
  '12': 'too many repetitions',
  '13': 'too many components',
  I10: 'the value is not allowed in this guide',
  I11: 'the value is not used in this guide',
  I12: 'the value does not match the guide (pattern or check digit)',
  I13: 'a value required by a situational rule is missing',
  I6: 'the code is not one the guide allows',
  I9: 'a value not allowed by a situational rule is present',
};

/** IK502 / AK905 transaction set and group syntax codes. */
export const SET_ERRORS: Record<string, string> = {
  '1': 'the transaction set is not supported',
  '2': 'the transaction set trailer is missing',
  '3': 'the transaction set control numbers do not match',
  '4': 'the number of segments in the trailer is wrong',
  '5': 'one or more segments are in error',
  '6': 'the transaction set id is missing or not valid',
  '7': 'the control number is missing or not valid',
  '23': 'the control number is a duplicate within the group',
  I5: 'the implementation guide does not match',
  I6: 'the implementation guide is not supported',
};

/** STC01-1 claim status category codes (code source 507). */
export const STATUS_CATEGORIES: Record<string, string> = {
  A0: 'forwarded to another entity',
  A1: 'received',
  A2: 'accepted into adjudication',
  A3: 'returned as unprocessable',
  A4: 'not found',
  A5: 'split',
  A6: 'rejected for missing information',
  A7: 'rejected for invalid information',
  A8: 'rejected for relational field error',
  R3: 'rejected: request more information',
  P1: 'pending in process',
  P2: 'pending in adjudication',
};

/** STC01-2 claim status codes (code source 508): the common front-end rejections. */
export const STATUS_CODES: Record<string, string> = {
  '0': 'cannot provide further status electronically',
  '19': 'entity acknowledges receipt of the claim',
  '20': 'accepted for processing',
  '21': 'missing or invalid information',
  '33': 'subscriber and subscriber id not found',
  '35': 'claim or encounter not found',
  '54': 'duplicate of a previously processed claim',
  '97': 'patient eligibility not found with entity',
  '145': 'entity’s specialty/taxonomy code',
  '164': 'entity’s contract/member number',
  '187': 'date(s) of service',
  '254': 'principal diagnosis code',
  '255': 'diagnosis code',
  '454': 'procedure code for services rendered',
  '456': 'procedure code modifier(s)',
  '484': 'the claim was submitted to the wrong payer',
  '562': 'entity’s national provider identifier (NPI)',
  '673': 'patient control number',
};

/** STC01-3 entity codes most rejections name. */
export const STATUS_ENTITIES: Record<string, string> = {
  '40': 'receiver',
  '41': 'submitter',
  '82': 'rendering provider',
  '85': 'billing provider',
  DN: 'referring provider',
  IL: 'subscriber',
  PR: 'payer',
  QC: 'patient',
};

export const words = (list: Record<string, string>, code: string, fallback: string): string =>
  list[code] ?? `${fallback} ${code}`;
