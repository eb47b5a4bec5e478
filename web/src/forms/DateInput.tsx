import { Input } from 'antd';

/** A calendar date typed or picked as YYYY-MM-DD: the one date type, never a time zone. */
export function DateInput(props: {
  id?: string;
  value?: string;
  onChange?: (e: unknown) => void;
  'aria-label'?: string;
}) {
  return <Input type="date" {...props} />;
}
