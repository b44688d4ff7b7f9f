import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import type { PersonListItem } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { PersonDetailDrawer } from './person-detail.drawer.tsx';

const PAGE_SIZE = 20;

/** Search by ID number, mobile or name prefix inside the picked jurisdiction; results are masked until opened. `?person=<id>` (an alert's link) opens that person. */
export function PersonSearchPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const { jurisdiction } = useScope();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(params.get('person'));
  const jurisdictionId = jurisdiction?.id;
  const persons = useQuery({
    queryKey: ['persons', { jurisdictionId, q, page }],
    queryFn: () =>
      unwrap(
        api.GET('/api/persons', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}), ...(jurisdictionId ? { jurisdictionId } : {}) } },
        }),
      ),
    enabled: Boolean(jurisdictionId),
    placeholderData: keepPreviousData,
  });
  const search = () => {
    setQ(text.trim());
    setPage(1);
  };
  return (
    <Card
      title={
        <Space>
          {t('menu.persons')}
          {jurisdiction && <Typography.Text type="secondary">{jurisdiction.name}</Typography.Text>}
        </Space>
      }
    >
      <Space.Compact style={{ width: 520, marginBottom: 4 }}>
        <Input
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={search}
          placeholder={t('person.searchPlaceholder')}
          data-testid="person-search-input"
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={search} data-testid="person-search-submit">
          {t('common.search')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('person.searchHint')}
      </Typography.Paragraph>
      <Table<PersonListItem>
        size="middle"
        rowKey="id"
        data-testid="person-table"
        loading={persons.isFetching}
        dataSource={persons.data?.items ?? []}
        locale={{ emptyText: t('person.none') }}
        onRow={(row) => ({ onClick: () => setOpenId(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: persons.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('person.name'), dataIndex: 'name', render: (name: string) => <span data-testid="person-row-name">{name}</span> },
          { title: t('person.gender'), dataIndex: 'gender', render: (value: string | null) => labelOf(t, 'person.gender', value) },
          { title: t('person.birthDate'), dataIndex: 'birthDate' },
          { title: t('person.idNumber'), dataIndex: 'idMasked' },
          { title: t('person.phone'), dataIndex: 'phoneMasked' },
          { title: t('person.address'), dataIndex: 'addressMasked', ellipsis: true },
          { title: t('jurisdiction.jurisdiction'), dataIndex: 'jurisdictionName' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, row) => (
              <Button type="link" size="small" data-testid="person-open" onClick={() => setOpenId(row.id)}>
                {t('common.view')}
              </Button>
            ),
          },
        ]}
      />
      <PersonDetailDrawer
        personId={openId}
        summary={persons.data?.items.find((p) => p.id === openId)}
        onOpen={setOpenId}
        onClose={() => setOpenId(null)}
      />
    </Card>
  );
}
