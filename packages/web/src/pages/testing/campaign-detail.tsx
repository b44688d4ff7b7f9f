import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Popconfirm, Progress, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEditionName } from '../key-persons/key-person-queries.ts';
import { AddPointModal } from './add-point.modal.tsx';
import { FollowUpBoard } from './follow-up-board.tsx';
import { formatTime, percent, testingLabel, useCampaign, useDashboard, useInvalidateTesting, useUnsampled } from './testing-queries.ts';

function Unsampled({ campaignId }: { campaignId: string }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useUnsampled(campaignId, page);
  return (
    <Table
      data-testid="unsampled-table"
      rowKey="personId"
      size="small"
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (n) => `${n}` }}
      columns={[
        { title: t('testing.name.person'), dataIndex: 'name' },
        { title: t('testing.idNumber'), dataIndex: 'idMasked' },
        { title: t('testing.community'), dataIndex: 'jurisdictionLabel' },
        { title: t('testing.door'), dataIndex: 'door', render: (door: string | null, row) => door ?? row.addressMasked },
        { title: t('testing.phone'), dataIndex: 'phoneMasked' },
      ]}
    />
  );
}

/** Progress per community, the dashboard (tubes, pending by lab, positive pools with their follow-up), the unsampled list, points. */
export function CampaignDetail({ campaignId, jurisdictionName }: { campaignId: string; jurisdictionName: string }) {
  const { t } = useI18n();
  const editionName = useEditionName();
  const { message } = App.useApp();
  const campaign = useCampaign(campaignId);
  const board = useDashboard(campaignId);
  const invalidate = useInvalidateTesting();
  const [addingPoint, setAddingPoint] = useState(false);
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/testing/campaigns/{id}/close', { params: { path: { id: campaignId } } })),
    onSuccess: () => {
      message.success(t('testing.closed'));
      void invalidate();
    },
    onError: (error) => message.error(error.message),
  });
  const c = campaign.data;
  const d = board.data;
  if (!c) return <Card loading />;
  const isClosed = c.status === 'closed';
  return (
    <Card
      data-testid="campaign-detail"
      title={c.name}
      extra={
        <Space>
          <Tag color={isClosed ? 'default' : 'green'}>{testingLabel(t, 'status', c.status)}</Tag>
          {!isClosed && (
            <Button data-testid="add-point" onClick={() => setAddingPoint(true)}>
              {t('testing.addPoint')}
            </Button>
          )}
          {!isClosed && (
            <Popconfirm title={t('testing.closeConfirm')} onConfirm={() => close.mutate()}>
              <Button danger loading={close.isPending} data-testid="close-campaign">
                {t('testing.close')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('testing.jurisdiction')}>{jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label={t('testing.edition')}>{editionName(c.editionId)}</Descriptions.Item>
        <Descriptions.Item label={t('testing.defaultPool')}>{t('testing.pool', { n: c.defaultPoolSize })}</Descriptions.Item>
        <Descriptions.Item label={t('testing.startsAt')}>{formatTime(c.startsAt)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'dashboard',
            label: t('testing.dashboard'),
            children: d && (
              <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="testing-dashboard">
                <Statistic title={`${t('testing.sampled')} / ${t('testing.expected')}`} value={d.sampled} suffix={`/ ${d.expected}`} />
                <FollowUpBoard board={d} />
              </Space>
            ),
          },
          {
            key: 'progress',
            label: t('testing.progress'),
            children: d && (
              <Table
                data-testid="progress-table"
                size="small"
                rowKey={(row) => row.jurisdictionId ?? row.name}
                pagination={false}
                dataSource={d.communities}
                columns={[
                  { title: t('testing.community'), dataIndex: 'name' },
                  { title: t('testing.sampled'), dataIndex: 'sampled' },
                  { title: t('testing.expected'), dataIndex: 'expected' },
                  {
                    title: t('testing.progress'),
                    render: (_: unknown, row) => <Progress percent={percent(row.sampled, row.expected)} size="small" />,
                  },
                ]}
              />
            ),
          },
          {
            key: 'unsampled',
            label: t('testing.unsampled'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('testing.unsampledHint')}</Typography.Paragraph>
                <Unsampled campaignId={campaignId} />
              </>
            ),
          },
          {
            key: 'points',
            label: t('testing.points'),
            children: (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={c.points}
                columns={[
                  { title: t('testing.pointName'), dataIndex: 'name' },
                  { title: t('testing.hours'), render: (_: unknown, p) => `${p.opensAt}–${p.closesAt}` },
                  { title: t('testing.staff'), dataIndex: 'staff' },
                  { title: t('testing.expectedResidents'), dataIndex: 'expectedResidents' },
                  { title: t('testing.labName'), dataIndex: 'labName' },
                ]}
              />
            ),
          },
          {
            key: 'zones',
            label: t('testing.zones'),
            children: (
              <Table
                size="small"
                rowKey="jurisdictionId"
                pagination={false}
                dataSource={c.zones}
                columns={[
                  { title: t('testing.zoneType'), dataIndex: 'zoneType', render: (z: string) => testingLabel(t, 'zone', z) },
                  { title: t('testing.poolSize'), dataIndex: 'poolSize', render: (n: number) => t('testing.pool', { n }) },
                  { title: t('testing.household'), dataIndex: 'household', render: (h: boolean) => (h ? '✓' : '') },
                ]}
              />
            ),
          },
          {
            // Control zones drawn inside the campaign (issue 14): their residents are pooled as the zone type allows.
            key: 'control-zones',
            label: <span data-testid="campaign-control-zones-tab">{t('zone.tab.zones')}</span>,
            children: (
              <Table
                size="small"
                rowKey="zoneId"
                pagination={false}
                dataSource={c.controlZones}
                onRow={(z) => ({ 'data-testid': 'campaign-control-zone', 'data-pool': z.poolSize }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('zone.name'), dataIndex: 'name' },
                  { title: t('testing.zoneType'), dataIndex: 'zoneType', render: (z: string) => testingLabel(t, 'zone', z) },
                  { title: t('testing.poolSize'), dataIndex: 'poolSize', render: (n: number) => t('testing.pool', { n }) },
                ]}
              />
            ),
          },
        ]}
      />
      <AddPointModal
        campaign={{ id: c.id, jurisdictionId: c.jurisdictionId, jurisdictionName }}
        open={addingPoint}
        onClose={() => setAddingPoint(false)}
      />
    </Card>
  );
}
