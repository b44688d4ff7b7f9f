import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Typography } from 'antd';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fetchSituationReports } from './dashboard-api.ts';

/** The daily situation reports (疫情日报; DAILY-007, INFO-006) compiled at the set time, each a PDF to download. */
export function SituationReports({ jurisdictionId }: { jurisdictionId: string }) {
  const { t } = useI18n();
  const reports = useQuery({ queryKey: ['situation-reports', jurisdictionId], queryFn: () => fetchSituationReports(jurisdictionId) });
  return (
    <Card
      size="small"
      title={t('dashboard.situationReports')}
      extra={
        reports.data && (
          <Typography.Text type="secondary">{t('dashboard.situationCompileAt', { at: reports.data.compileAt })}</Typography.Text>
        )
      }
      data-testid="situation-reports"
    >
      <List
        size="small"
        loading={reports.isPending}
        dataSource={(reports.data?.items ?? []).slice(0, 7)}
        locale={{ emptyText: <Empty description={t('dashboard.situationNone')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <a
              href={`/api/dashboard/situation-reports/${r.id}/report.pdf`}
              download={`${r.jurisdictionName}-疫情日报-${r.forDate}.pdf`}
              data-testid={`situation-report-${r.forDate}`}
            >
              <FilePdfOutlined /> {t('dashboard.situationReport', { name: r.jurisdictionName, date: r.forDate })}
            </a>
            <Typography.Text type="secondary">{formatTime(r.compiledAt, 'YYYY-MM-DD HH:mm')}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
