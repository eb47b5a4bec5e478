import { Result } from 'antd';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="No such page"
      subTitle="Check the address, or pick a page from the navigation."
    />
  );
}
