import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip } from 'antd';
import * as echarts from 'echarts';
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/** A table of what a chart shows: the header row, then one row per day or category. */
export type ChartTable = (string | number | null)[][];

function save(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

/** The data as a UTF-8 CSV with a byte-order mark, which Excel opens with the Chinese text intact. */
export function tableAsCsv(table: ChartTable): string {
  const cell = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadTable(table: ChartTable, name: string) {
  const url = URL.createObjectURL(new Blob([tableAsCsv(table)], { type: 'text/csv;charset=utf-8' }));
  save(url, `${name}.csv`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface ChartCardProps {
  id: string;
  title: ReactNode;
  option: echarts.EChartsCoreOption;
  table: ChartTable;
  fileName: string;
  height?: number;
  footer?: ReactNode;
}

/** One ECharts chart in a card, with its PNG and its data for Excel (issue 17 §5). */
export function ChartCard({ id, title, option, table, fileName, height = 280, footer }: ChartCardProps) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  const png = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) save(url, `${fileName}.png`);
  };
  return (
    <Card
      size="small"
      title={title}
      data-testid={`chart-${id}`}
      extra={
        <Space size={4}>
          <Tooltip title={t('dashboard.exportPng')}>
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={png}
              data-testid={`chart-${id}-png`}
              aria-label={t('dashboard.exportPng')}
            />
          </Tooltip>
          <Tooltip title={t('dashboard.exportData')}>
            <Button
              size="small"
              icon={<FileExcelOutlined />}
              onClick={() => downloadTable(table, fileName)}
              data-testid={`chart-${id}-data`}
              aria-label={t('dashboard.exportData')}
            />
          </Tooltip>
        </Space>
      }
    >
      <div ref={element} style={{ width: '100%', height }} />
      {footer}
    </Card>
  );
}
