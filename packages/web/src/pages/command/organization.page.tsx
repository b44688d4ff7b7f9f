import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { Loading } from '../../components/loading.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { commandLabel, type HeadquartersDetail, useHeadquarters, useHeadquartersList } from './command-queries.ts';
import { DutyTab } from './duty-tab.tsx';
import { GroupsTab } from './groups-tab.tsx';
import { CreateHeadquartersModal, ExportGroupsModal } from './headquarters-modals.tsx';
import { LeaderTravelTab } from './leader-travel.tsx';
import { ExpertsTab, PeopleTab } from './people-experts.tsx';
import { AddRosterModal, type RosterPlace, RosterTable } from './roster.tsx';

function LeadershipTab({ hq, canEdit }: { hq: HeadquartersDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState<RosterPlace | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <RosterTable entries={hq.leadership} canEdit={canEdit} testId="leadership-roster" />
      {canEdit && (
        <Button size="small" onClick={() => setAdding({ headquartersId: hq.id, label: hq.name })} data-testid="leadership-add">
          {t('command.roster.add')}
        </Button>
      )}
      <AddRosterModal place={adding} onClose={() => setAdding(null)} />
    </Space>
  );
}

function HeadquartersView({ hq }: { hq: HeadquartersDetail }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [exporting, setExporting] = useState(false);
  const canEdit = can('command.write');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Descriptions size="small" column={4} bordered>
        <Descriptions.Item label={t('command.jurisdiction')}>
          {hq.jurisdictionName} <Tag>{commandLabel(t, 'command.level', hq.level)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('command.office')}>{hq.officeLocation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('command.officePhone')}>{hq.officePhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('command.templateSet')}>
          {t('command.version', { version: hq.version })}
          {hq.templateSet && <Tag style={{ marginInlineStart: 8 }}>{commandLabel(t, 'command.templateSet', hq.templateSet)}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      {!hq.phonesVisible && <Alert type="info" showIcon message={t('command.roster.masked')} data-testid="phones-masked" />}
      <Tabs
        items={[
          { key: 'groups', label: t('command.tab.groups'), children: <GroupsTab hq={hq} canEdit={canEdit} /> },
          { key: 'leadership', label: t('command.tab.leadership'), children: <LeadershipTab hq={hq} canEdit={canEdit} /> },
          { key: 'people', label: t('command.tab.people'), children: <PeopleTab hq={hq} /> },
          { key: 'duty', label: t('command.tab.duty'), children: <DutyTab hq={hq} canEdit={canEdit} /> },
          { key: 'experts', label: t('command.tab.experts'), children: <ExpertsTab hq={hq} canEdit={canEdit} /> },
          { key: 'travel', label: t('command.tab.travel'), children: <LeaderTravelTab hq={hq} /> },
        ]}
      />
      <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="groups-export">
        {t('command.export')}
      </Button>
      <ExportGroupsModal hq={hq} open={exporting} onClose={() => setExporting(false)} />
    </Space>
  );
}

/** 指挥体系: the headquarters in my scope, each with its groups, leadership, people, duty and experts (REQUIREMENTS §1). */
export function OrganizationPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useHeadquartersList();
  const [chosen, setChosen] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];
  const id = chosen ?? items[0]?.id;
  const detail = useHeadquarters(id);
  if (list.isPending) return <Loading />;
  return (
    <Card
      title={
        <Space>
          {t('menu.command')}
          {items.length > 0 && (
            <Select
              style={{ minWidth: 280 }}
              value={id}
              onChange={setChosen}
              data-testid="hq-select"
              options={items.map((h) => ({
                value: h.id,
                label: `${h.name}（${t('command.group.taskCounts', { open: h.openTasks, overdue: h.overdueTasks })}）`,
              }))}
            />
          )}
        </Space>
      }
      extra={
        can('command.write') && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="hq-create">
            {t('command.create')}
          </Button>
        )
      }
    >
      {items.length === 0 && <Empty description={t('command.noHeadquarters')} />}
      {detail.data && <HeadquartersView hq={detail.data} />}
      <CreateHeadquartersModal open={creating} onClose={() => setCreating(false)} onCreated={setChosen} />
    </Card>
  );
}
