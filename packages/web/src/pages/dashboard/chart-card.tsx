import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tooltip } from 'antd';
import * as echarts from 'echarts';
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

function save(href: string, name: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

interface ChartCardProps {
  id: string;
  title: ReactNode;
  option: echarts.EChartsCoreOption;
  /** The server's workbook of this chart's data (GET /api/dashboard/export.xlsx?chart=…). */
  dataUrl: string;
  fileName: string;
  height?: number;
  footer?: ReactNode;
}

/** One ECharts chart in a card, with its PNG and its data as a real .xlsx built by the server (issue 17 §5). */
export function ChartCard({ id, title, option, dataUrl, fileName, height = 280, footer }: ChartCardProps) {
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
              onClick={() => save(dataUrl, `${fileName}.xlsx`)}
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
