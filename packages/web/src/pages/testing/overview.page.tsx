import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Descriptions, Progress, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { TestingOverview } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DatedExportModal } from '../../components/dated-export.modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { CommandPanel } from '../command/command-overview.page.tsx';
import { shanghaiToday } from '../key-persons/key-person-labels.ts';
import { campaignColumns } from './campaign-columns.tsx';
import { FollowUpBoard } from './follow-up-board.tsx';
import { percent, testingLabel, useDailyReport, useOverview } from './testing-queries.ts';

type CampaignRow = TestingOverview['campaigns'][number];

const WINDOWS = [0, 1, 3, 7];

function Towns({ towns }: { towns: CampaignRow['towns'] }) {
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }}>
      {towns.map((town) => (
        <div key={town.jurisdictionId ?? town.name} data-testid="town-progress" data-name={town.name}>
          <Typography.Text style={{ fontSize: 12 }}>
            {town.name} {town.sampled}/{town.expected}
          </Typography.Text>
          <Progress percent={percent(town.sampled, town.expected)} size="small" />
        </div>
      ))}
    </Space>
  );
}

function Campaigns({ rows }: { rows: CampaignRow[] }) {
  const { t } = useI18n();
  return (
    <Table
      data-testid="overview-campaigns"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        ...campaignColumns<CampaignRow>(t),
        { title: `${t('testing.sampled')} / ${t('testing.expected')}`, render: (_: unknown, c) => `${c.sampled} / ${c.expected}` },
        {
          title: t('testing.progress'),
          width: 200,
          render: (_: unknown, c) => <Progress percent={percent(c.sampled, c.expected)} size="small" />,
        },
        { title: t('testing.towns'), dataIndex: 'towns', width: 260, render: (towns: CampaignRow['towns']) => <Towns towns={towns} /> },
      ]}
    />
  );
}

/** 核酸检测日报 (TEST-007): the day's figures, and the workbook for upward reporting, downloaded for a stated purpose. */
function DailyReport({ jurisdictionId }: { jurisdictionId: string | undefined }) {
  const { t } = useI18n();
  const [date, setDate] = useState(shanghaiToday());
  const [exporting, setExporting] = useState(false);
  const report = useDailyReport(jurisdictionId, date).data;
  const count = (result: string) => report?.results.find((r) => r.result === result)?.tubes ?? 0;
  return (
    <Card
      title={t('testing.dailyReport')}
      extra={
        <Space>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="export-daily-report">
            {t('testing.exportDailyReport')}
          </Button>
        </Space>
      }
    >
      {report && (
        <Descriptions size="small" column={4} data-testid="daily-report">
          <Descriptions.Item label={t('testing.report.sampled')}>{report.sampled.total}</Descriptions.Item>
          <Descriptions.Item label={t('testing.report.tubesClosed')}>{report.tubes.closed}</Descriptions.Item>
          <Descriptions.Item label={t('testing.report.inTransitAtEnd')}>{report.tubes.inTransitAtEnd}</Descriptions.Item>
          <Descriptions.Item label={t('testing.report.overLimit')}>{report.turnaround.overLimit}</Descriptions.Item>
          {['negative', 'positive', 'indeterminate'].map((result) => (
            <Descriptions.Item key={result} label={testingLabel(t, 'result', result)}>
              {count(result)}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('testing.report.pools')}>{report.positives.pools}</Descriptions.Item>
          <Descriptions.Item label={t('testing.report.membersUnderControl')}>{report.positives.membersUnderControl}</Descriptions.Item>
          <Descriptions.Item label={t('testing.report.singles')}>{report.positives.singles}</Descriptions.Item>
          <Descriptions.Item label={t('testing.report.handedOver')}>{report.positives.handedOver}</Descriptions.Item>
        </Descriptions>
      )}
      <DatedExportModal
        open={exporting}
        onClose={() => setExporting(false)}
        title={t('testing.dailyReport')}
        purposes={['testing.reportPurpose.upward', 'keyPerson.exportPurpose.dailyReport']}
        urlFor={(day, purpose) =>
          `/api/testing/reports/daily.xlsx?${new URLSearchParams({ date: day, purpose, ...(jurisdictionId ? { jurisdictionId } : {}) })}`
        }
      />
    </Card>
  );
}

/**
 * 检测总览: the command view across campaigns for the jurisdiction picked in the header — progress per
 * campaign and town, tubes in transit, results pending by lab against the turnaround limit, today's
 * positives with their members' follow-up — and the daily report upward.
 */
export function TestingOverviewPage() {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [closedWithinDays, setWindow] = useState(3);
  const overview = useOverview(jurisdiction?.id, closedWithinDays);
  const o = overview.data;
  const { can } = useSession();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('command.read') && <CommandPanel />}
      <Card
        loading={overview.isPending}
        title={
          <Space>
            {t('testing.overview')}
            {jurisdiction && <Typography.Text type="secondary">{jurisdiction.name}</Typography.Text>}
          </Space>
        }
        extra={
          <Select
            value={closedWithinDays}
            onChange={setWindow}
            style={{ width: 200 }}
            options={WINDOWS.map((n) => ({ value: n, label: t('testing.closedWithin', { n }) }))}
          />
        }
      >
        {o && (
          <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="testing-overview">
            <Row gutter={16}>
              <Col span={4}>
                <Statistic title={t('testing.campaigns')} value={o.campaignsTotal} />
              </Col>
              {(['retesting', 'awaitingRetestResults', 'cleared', 'case'] as const).map((state) => (
                <Col span={5} key={state}>
                  <Statistic
                    title={`${t('testing.positivesToday')} · ${testingLabel(t, 'state', state)}`}
                    value={o.positivesByState[state]}
                  />
                </Col>
              ))}
            </Row>
            <Campaigns rows={o.campaigns} />
            <FollowUpBoard board={o} positivesTitle={t('testing.positivesToday')} />
          </Space>
        )}
      </Card>
      <DailyReport jurisdictionId={jurisdiction?.id} />
    </Space>
  );
}
