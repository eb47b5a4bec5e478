import { Result, Tag, Typography } from 'antd';

/** An honest placeholder for a workflow that later work fills in. */
export function NotBuiltPage({ title, description }: { title: string; description: string }) {
  return (
    <Result
      status="info"
      title={
        <>
          {title} <Tag color="gold">Not built yet</Tag>
        </>
      }
      subTitle={<Typography.Paragraph className="not-built-text">{description}</Typography.Paragraph>}
      data-testid="not-built"
    />
  );
}
