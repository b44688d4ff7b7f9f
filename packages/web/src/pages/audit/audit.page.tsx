import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { AuditItem } from '../../api/types.ts';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf, messageIdsUnder, snakeId } from '../../i18n/labels.ts';
import { AuditValues } from './audit-values.tsx';

const PAGE_SIZE = 20;
/** The filter offers every action and entity type the dictionary names (ids: `person.viewFull`, `app_user`). */
const ACTIONS = messageIdsUnder('audit.action');
const ENTITY_TYPES = messageIdsUnder('audit.entity').map(snakeId);

interface Filters {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** The form's values as query parameters, leaving out what is empty. */
function toQuery(filters: Filters): Record<string, string> {
  const [from, to] = filters.range ?? [];
  const query: Record<string, string | undefined> = {
    actor: filters.actor?.trim(),
    action: filters.action?.trim(),
    entityType: filters.entityType,
    entityId: filters.entityId?.trim(),
    from: from?.toISOString(),
    to: to?.toISOString(),
  };
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value) present[key] = value;
  return present;
}

/** Who did what to which record, when and why; before/after values are masked by the server. */
export function AuditPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { ...filters, page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const apply = (values: Filters) => {
    setFilters(toQuery(values));
    setPage(1);
  };
  return (
    <Card title={t('menu.audit')}>
      <Form form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }} data-testid="audit-filters">
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 140 }} data-testid="audit-filter-actor" />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            style={{ width: 240 }}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.label ?? '')
                  .toLowerCase()
                  .includes(input.trim().toLowerCase()),
            }}
            popupMatchSelectWidth={280}
            options={ACTIONS.map((action) => ({ value: action, label: `${labelOf(t, 'audit.action', action)} · ${action}` }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Select
            allowClear
            style={{ width: 130 }}
            options={ENTITY_TYPES.map((type) => ({ value: type, label: labelOf(t, 'audit.entity', type) }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear style={{ width: 200 }} data-testid="audit-filter-entity-id" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.timeRange')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      <Table<AuditItem>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        expandable={{
          rowExpandable: (row) => row.before !== null || row.after !== null,
          expandedRowRender: (row) => <AuditValues before={row.before} after={row.after} />,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: events.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatTime(at) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 120 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (action: string) => (
              <Tag color={action.startsWith('person.view') ? 'purple' : 'default'} data-testid="audit-action" data-action={action}>
                {labelOf(t, 'audit.action', action)}
              </Tag>
            ),
          },
          { title: t('audit.entityType'), dataIndex: 'entityType', render: (type: string) => labelOf(t, 'audit.entity', type) },
          {
            title: t('audit.entityId'),
            dataIndex: 'entityId',
            render: (id: string | null) =>
              id && (
                <Typography.Text
                  copyable={{ text: id }}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                  data-testid="audit-entity-id"
                  data-entity-id={id}
                >
                  {id.slice(0, 8)}…
                </Typography.Text>
              ),
          },
          {
            title: t('audit.reason'),
            dataIndex: 'reason',
            render: (reason: string | null) => <span data-testid="audit-reason">{reason}</span>,
          },
          { title: t('audit.clientIp'), dataIndex: 'clientIp', width: 120 },
        ]}
      />
    </Card>
  );
}
