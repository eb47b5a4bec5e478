// The explorer's charts, loaded after its tables (the chart library is large): each chart has its
// table beside it on the page, so nothing is only in a picture.
import { Bar, Column } from '@ant-design/charts';

export function PercentileChart(props: { rows: { release: string; percentile: string; dollars: number }[] }) {
  return (
    <Column
      data={props.rows}
      xField="release"
      yField="dollars"
      colorField="percentile"
      group
      height={260}
      axis={{ y: { title: 'Annual wage ($)' } }}
    />
  );
}

export function SettingChart(props: { rows: { setting: string; dollars: number }[] }) {
  return (
    <Bar
      data={props.rows}
      xField="setting"
      yField="dollars"
      height={Math.max(200, props.rows.length * 26)}
      axis={{ y: { title: 'Annual mean ($)' } }}
    />
  );
}
