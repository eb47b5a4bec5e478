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

// STC categories, status and entity codes are the X12 engine's, shared with its 277 reader.
export { STATUS_CATEGORIES, STATUS_CODES, STATUS_ENTITIES, words } from '../../x12/index.ts';
