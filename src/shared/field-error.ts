// A problem with one input field: the JSON pointer of the field, so the UI shows the message
// beside it, and why. Pure checks in every domain return these; the HTTP edge wraps them.
export interface FieldError {
  pointer: string;
  detail: string;
}
