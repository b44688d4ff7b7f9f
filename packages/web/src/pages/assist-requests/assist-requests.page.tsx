import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { AssistRequestItem } from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { fetchChildren } from '../../jurisdictions/use-jurisdiction-tree.ts';
import { categoryLabel } from '../key-persons/key-person-labels.ts';
import { KEY_PERSONS_KEY, useInvalidateKeyPersons } from '../key-persons/key-person-queries.ts';
import { ReasonModal } from '../users/reason.modal.tsx';
import { AssistIntakeModal } from './assist-intake.modal.tsx';

const PAGE_SIZE = 20;
const STATUSES = ['pending', 'accepted', 'returned'];
const STATUS_COLORS: Record<string, string> = { pending: 'orange', accepted: 'green', returned: 'default' };

/** Accept: management starts; a request routed to a town may be placed in one of its communities. */
function AcceptModal({ request, onClose }: { request: AssistRequestItem | null; onClose: () => void }) {
  const { t } = useI18n();
  const [community, setCommunity] = useState<string | undefined>();
  const invalidate = useInvalidateKeyPersons();
  const children = useQuery({
    queryKey: ['jurisdictions', request?.jurisdictionId, 'children'],
    queryFn: () => fetchChildren(request?.jurisdictionId ?? ''),
    enabled: request !== null,
  });
  const accept = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/assist-requests/{id}/accept', {
          params: { path: { id: request?.id ?? '' } },
          body: community ? { jurisdictionId: community } : {},
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('assist.accepted'));
      setCommunity(undefined);
      await invalidate();
      onClose();
    },
  });
  const communities = (children.data ?? []).filter((j) => j.level === 'village');
  return (
    <Modal
      open={request !== null}
      title={t('assist.acceptTitle')}
      onCancel={() => {
        setCommunity(undefined);
        onClose();
      }}
      onOk={() => accept.mutate()}
      okText={t('assist.accept')}
      cancelText={t('common.cancel')}
      confirmLoading={accept.isPending}
      destroyOnHidden
    >
      {request && (
        <Form layout="vertical">
          <Form.Item label={t('assist.routedTo')}>{request.jurisdictionName}</Form.Item>
          {communities.length > 0 && (
            <Form.Item label={t('assist.acceptCommunity')}>
              <Select
                allowClear
                value={community}
                onChange={setCommunity}
                options={communities.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}

/** Assist requests (协查) routed into my scope: intake, then accept (management starts) or return with a reason. */
export function AssistRequestsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const writable = can('keyPerson.write');
  const [status, setStatus] = useState<string | undefined>('pending');
  const [page, setPage] = useState(1);
  const [intake, setIntake] = useState(false);
  const [accepting, setAccepting] = useState<AssistRequestItem | null>(null);
  const [returning, setReturning] = useState<AssistRequestItem | null>(null);
  const invalidate = useInvalidateKeyPersons();
  const requests = useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'assist', { status, page }],
    queryFn: () =>
      unwrap(api.GET('/api/assist-requests', { params: { query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const giveBack = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/assist-requests/{id}/return', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setReturning(null);
      showSuccess(t('assist.returned'));
      await invalidate();
    },
  });
  return (
    <Card
      title={t('menu.assistRequests')}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 140 }}
            value={status}
            placeholder={t('common.status')}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: labelOf(t, 'assist.status', s) }))}
          />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)} data-testid="assist-intake">
              {t('assist.intake')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<AssistRequestItem>
        rowKey="id"
        size="middle"
        loading={requests.isFetching}
        dataSource={requests.data?.items ?? []}
        locale={{ emptyText: t('assist.none') }}
        data-testid="assist-table"
        scroll={{ x: 1300 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: requests.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm') },
          { title: t('assist.sourceOrg'), dataIndex: 'sourceOrg' },
          { title: t('assist.documentNumber'), dataIndex: 'documentNumber' },
          { title: t('assist.name'), dataIndex: 'name' },
          { title: t('person.idNumber'), dataIndex: 'idMasked' },
          { title: t('keyPerson.category'), dataIndex: 'category', render: (c: string) => categoryLabel(t, c) },
          { title: t('keyPerson.start'), dataIndex: 'startDate' },
          { title: t('assist.address'), dataIndex: 'addressMasked', ellipsis: true },
          { title: t('assist.routedTo'), dataIndex: 'jurisdictionName' },
          { title: t('assist.routedBy'), dataIndex: 'routedBy', render: (m: string | null) => m ?? '—' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string, row) => (
              <Tag color={STATUS_COLORS[s] ?? 'default'} title={row.decisionReason ?? undefined}>
                {labelOf(t, 'assist.status', s)}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, row) =>
              writable &&
              row.status === 'pending' && (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setAccepting(row)}>
                    {t('assist.accept')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setReturning(row)}>
                    {t('assist.return')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <AssistIntakeModal open={intake} onClose={() => setIntake(false)} />
      <AcceptModal request={accepting} onClose={() => setAccepting(null)} />
      <ReasonModal
        open={returning !== null}
        title={t('assist.returnTitle')}
        loading={giveBack.isPending}
        onCancel={() => setReturning(null)}
        onSubmit={(reason) => returning && giveBack.mutate({ id: returning.id, reason })}
      />
    </Card>
  );
}
