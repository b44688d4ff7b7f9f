import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import type { EpisodeListItem } from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { EpisodeStatus, useEpisodeDrawer } from './episode-detail.drawer.tsx';
import { ExportReleaseTableModal } from './export-release-table.modal.tsx';
import { CATEGORIES, categoryLabel, EPISODE_STATUSES } from './key-person-labels.ts';
import { KEY_PERSONS_KEY } from './key-person-queries.ts';
import { RegisterEpisodeModal } from './register-episode.modal.tsx';
import { TransfersTable } from './transfers.table.tsx';

const PAGE_SIZE = 20;

function EpisodesTable({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const episodes = useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'episodes', { status, category, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/key-persons/episodes', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              ...(status ? { status } : {}),
              ...(category ? { category: category as 'close_contact' } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          style={{ width: 160 }}
          value={status}
          placeholder={t('keyPerson.status')}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={EPISODE_STATUSES.map((s) => ({ value: s, label: labelOf(t, 'keyPerson.status', s) }))}
          data-testid="episodes-filter-status"
        />
        <Select
          allowClear
          style={{ width: 200 }}
          value={category}
          placeholder={t('keyPerson.category')}
          onChange={(value) => {
            setCategory(value);
            setPage(1);
          }}
          options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
          data-testid="episodes-filter-category"
        />
      </Space>
      <Table<EpisodeListItem>
        rowKey="id"
        size="middle"
        data-testid="episodes-table"
        loading={episodes.isFetching}
        dataSource={episodes.data?.items ?? []}
        locale={{ emptyText: t('keyPerson.none') }}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: episodes.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('person.name'),
            dataIndex: 'personName',
            render: (name: string) => <span data-testid="episode-row-name">{name}</span>,
          },
          { title: t('person.idNumber'), dataIndex: 'idMasked' },
          { title: t('keyPerson.category'), dataIndex: 'category', render: (c: string) => <Tag color="blue">{categoryLabel(t, c)}</Tag> },
          {
            title: t('keyPerson.managementType'),
            dataIndex: 'managementType',
            render: (type: string) => labelOf(t, 'keyPerson.managementType', type),
          },
          { title: t('keyPerson.start'), dataIndex: 'startDate' },
          { title: t('keyPerson.plannedRelease'), dataIndex: 'plannedReleaseDate', render: (d: string | null) => d ?? '—' },
          {
            title: t('keyPerson.status'),
            key: 'status',
            render: (_, row) => <EpisodeStatus status={row.status} releasedAt={row.releasedAt} />,
          },
          { title: t('jurisdiction.jurisdiction'), dataIndex: 'jurisdictionLabel' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, row) => (
              <Button type="link" size="small" data-testid="episode-open" onClick={() => onOpen(row.id)}>
                {t('common.view')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** Everyone under management in my scope, with register, the release-table export and pending transfers; `?episode=<id>` (an alert's link) opens it. */
export function KeyPersonsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const { can } = useSession();
  const [registering, setRegistering] = useState(false);
  const [exporting, setExporting] = useState(false);
  const drawer = useEpisodeDrawer(params.get('episode'));
  return (
    <Card
      title={<Typography.Text strong>{t('menu.keyPersons')}</Typography.Text>}
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="export-release-table">
            {t('keyPerson.exportReleaseTable')}
          </Button>
          {can('keyPerson.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="register-episode">
              {t('keyPerson.register')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'episodes', label: t('keyPerson.episodes'), children: <EpisodesTable onOpen={drawer.open} /> },
          { key: 'transfers', label: t('keyPerson.transfers'), children: <TransfersTable /> },
        ]}
      />
      {/* Mounted only while open: each registration starts from an empty form. */}
      {registering && (
        <RegisterEpisodeModal
          open
          onClose={() => setRegistering(false)}
          onRegistered={(id) => {
            setRegistering(false);
            drawer.open(id);
          }}
        />
      )}
      <ExportReleaseTableModal open={exporting} onClose={() => setExporting(false)} />
      {drawer.drawer}
    </Card>
  );
}
