import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { WorkItem, WorkList } from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { InstitutionFollowUpsCard } from '../institutions/institution-follow-ups.tsx';
import { useEpisodeDrawer } from '../key-persons/episode-detail.drawer.tsx';
import { categoryLabel } from '../key-persons/key-person-labels.ts';
import { KEY_PERSONS_KEY, useSites } from '../key-persons/key-person-queries.ts';
import { type CheckToRecord, RecordCheckModal } from '../key-persons/record-check.modal.tsx';
import { RecordTestModal, type TestToRecord } from '../key-persons/record-test.modal.tsx';

type Section = Exclude<keyof WorkList, 'date'>;

const SECTIONS: { key: Section; label: MessageKey; action: 'test' | 'check' | 'open' }[] = [
  { key: 'testsDue', label: 'workList.testsDue', action: 'test' },
  { key: 'testsOverdue', label: 'workList.testsOverdue', action: 'test' },
  { key: 'checksDue', label: 'workList.checksDue', action: 'check' },
  { key: 'checksOverdue', label: 'workList.checksOverdue', action: 'check' },
  { key: 'releaseDue', label: 'workList.releaseDue', action: 'open' },
  { key: 'followUpsDue', label: 'workList.followUpsDue', action: 'open' },
];

interface Actions {
  open: (episodeId: string) => void;
  test: (test: TestToRecord) => void;
  check: (check: CheckToRecord) => void;
}

function SectionTable({
  items,
  action,
  actions,
  section,
}: {
  items: WorkItem[];
  action: 'test' | 'check' | 'open';
  actions: Actions;
  section: Section;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const writable = can('keyPerson.write');
  return (
    <Table<WorkItem>
      size="small"
      rowKey={(row) => `${row.episodeId}:${row.itemId ?? ''}`}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('workList.empty') }}
      data-testid={`work-table-${section}`}
      columns={[
        { title: t('person.name'), dataIndex: 'personName', render: (name: string) => <span data-testid="work-row-name">{name}</span> },
        { title: t('person.idNumber'), dataIndex: 'idMasked' },
        { title: t('keyPerson.category'), dataIndex: 'category', render: (c: string) => categoryLabel(t, c) },
        {
          title: t('keyPerson.managementType'),
          dataIndex: 'managementType',
          render: (m: string) => labelOf(t, 'keyPerson.managementType', m),
        },
        ...(action === 'test'
          ? [{ title: t('keyPerson.item'), dataIndex: 'testKind', render: (k: string | null) => labelOf(t, 'keyPerson.testKind', k) }]
          : []),
        { title: t('keyPerson.dueDate'), dataIndex: 'dueDate', render: (d: string | null) => d ?? '—' },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, row) => (
            <Space size={0}>
              {writable && action === 'test' && row.itemId && (
                <Button
                  type="link"
                  size="small"
                  data-testid="work-record-test"
                  onClick={() =>
                    actions.test({ itemId: row.itemId ?? '', dueDate: row.dueDate, testKind: row.testKind, personName: row.personName })
                  }
                >
                  {t('keyPerson.recordResult')}
                </Button>
              )}
              {writable && action === 'check' && (
                <Button
                  type="link"
                  size="small"
                  data-testid="work-record-check"
                  onClick={() => actions.check({ episodeId: row.episodeId, personName: row.personName })}
                >
                  {t('keyPerson.recordCheck')}
                </Button>
              )}
              <Button type="link" size="small" data-testid="work-open" onClick={() => actions.open(row.episodeId)}>
                {t('common.open')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}

/** Today's work in my scope: tests and checks due, what is overdue, releases and follow-ups due, with inline actions. */
export function WorkListPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [mine, setMine] = useState(false);
  const [siteId, setSiteId] = useState<string | undefined>();
  const [test, setTest] = useState<TestToRecord | null>(null);
  const [check, setCheck] = useState<CheckToRecord | null>(null);
  const drawer = useEpisodeDrawer();
  const sites = useSites(can('site.read'));
  const work = useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'work-list', { mine, siteId }],
    queryFn: () =>
      unwrap(
        api.GET('/api/key-persons/work-list', {
          params: { query: { limit: 500, ...(mine ? { mine } : {}), ...(siteId ? { siteId } : {}) } },
        }),
      ),
  });
  const actions: Actions = { open: drawer.open, test: setTest, check: setCheck };
  return (
    <>
      <Card
        title={
          <Space>
            {t('menu.workList')}
            {work.data && <Typography.Text type="secondary">{t('workList.date', { date: work.data.date })}</Typography.Text>}
          </Space>
        }
        extra={
          <Space>
            {can('site.read') && (sites.data?.length ?? 0) > 0 && (
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder={t('workList.site')}
                value={siteId}
                onChange={setSiteId}
                options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            )}
            {/* The label toggles its switch (the switch is a button the label points at). */}
            <Space>
              <Switch id="work-mine" checked={mine} onChange={setMine} data-testid="work-mine" />
              <label htmlFor="work-mine" style={{ cursor: 'pointer' }} data-testid="work-mine-label">
                {t('workList.mine')}
              </label>
            </Space>
          </Space>
        }
      >
        <Tabs
          data-testid="work-tabs"
          items={SECTIONS.map((section) => {
            const items = work.data?.[section.key] ?? [];
            return {
              key: section.key,
              label: (
                <Space size={6} data-testid={`work-tab-${section.key}`} data-count={items.length}>
                  {t(section.label)}
                  <Badge
                    count={items.length}
                    showZero
                    color={items.length === 0 ? '#d9d9d9' : section.key.endsWith('Overdue') ? '#cf1322' : '#1f5fbf'}
                    data-testid={`work-count-${section.key}`}
                  />
                </Space>
              ),
              children: <SectionTable items={items} action={section.action} actions={actions} section={section.key} />,
            };
          })}
        />
        <RecordTestModal test={test} onClose={() => setTest(null)} />
        <RecordCheckModal check={check} onClose={() => setCheck(null)} />
        {drawer.drawer}
      </Card>
      {/* Institutions (issue 16): pharmacy buyers, absence NATs and incident steps of my area. */}
      <InstitutionFollowUpsCard />
    </>
  );
}
