import { Result } from 'antd';

export function ForbiddenPage() {
  return (
    <Result
      status="403"
      title="You do not have access to this page"
      subTitle="Your role in this practice does not include it. Ask a practice administrator if you need it."
      data-testid="forbidden"
    />
  );
}
