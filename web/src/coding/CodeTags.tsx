import { Tag } from 'antd';

/** Billable (may go on a claim) or header (a category: pick a code beneath it). */
export function BillableTag({ billable }: { billable: boolean | undefined }) {
  if (billable === undefined) return null;
  return billable ? <Tag color="green">billable</Tag> : <Tag color="orange">header</Tag>;
}

export function SystemTag({ system }: { system: string }) {
  return <Tag color="blue">{system}</Tag>;
}
