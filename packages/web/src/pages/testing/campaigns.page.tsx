import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEditionName } from '../key-persons/key-person-queries.ts';
import { campaignColumns } from './campaign-columns.tsx';
import { CampaignDetail } from './campaign-detail.tsx';
import { CreateCampaignModal } from './create-campaign.modal.tsx';
import { formatTime, useCampaigns } from './testing-queries.ts';

/** 核酸检测: the campaigns in the caller's scope; the one picked shows its dashboard, progress, unsampled list and points. */
export function TestingCampaignsPage() {
  const { t } = useI18n();
  const editionName = useEditionName();
  const { can } = useSession();
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | undefined>();
  const items = campaigns.data?.items ?? [];
  const current = items.find((c) => c.id === selected);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('testing.campaigns')}
        extra={
          can('testing.manage') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-campaign" onClick={() => setCreating(true)}>
              {t('testing.newCampaign')}
            </Button>
          )
        }
      >
        <Table
          data-testid="campaigns-table"
          rowKey="id"
          size="small"
          loading={campaigns.isPending}
          dataSource={items}
          pagination={false}
          rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
          onRow={(row) => ({ onClick: () => setSelected(row.id), style: { cursor: 'pointer' } })}
          columns={[
            ...campaignColumns<(typeof items)[number]>(t),
            { title: t('testing.defaultPool'), dataIndex: 'defaultPoolSize', render: (n: number) => t('testing.pool', { n }) },
            { title: t('testing.startsAt'), dataIndex: 'startsAt', render: formatTime },
            { title: t('testing.edition'), dataIndex: 'editionId', render: (id: string) => editionName(id) },
          ]}
        />
      </Card>
      {current && <CampaignDetail key={current.id} campaignId={current.id} jurisdictionName={current.jurisdictionName} />}
      <CreateCampaignModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setSelected(id);
        }}
      />
    </Space>
  );
}
