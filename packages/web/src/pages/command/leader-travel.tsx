import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, commandLabel, type HeadquartersDetail, useInvalidateCommand } from './command-queries.ts';

type TravelData = NonNullable<Awaited<ReturnType<typeof fetchTravel>>>;
type Leader = TravelData['leaders'][number];
type TravelRequest = TravelData['requests'][number];

const fetchTravel = (id: string) => unwrap(api.GET('/api/command/headquarters/{id}/leader-travel', { params: { path: { id } } }));
const STATUS_COLORS: Record<string, string> = { requested: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' };
const minute = (iso: string) => formatTime(iso, 'YYYY-MM-DD HH:mm');

interface RequestValues {
  destination: string;
  reason: string;
  window: [Dayjs, Dayjs];
}

/** 请示外出: the leader's request, filed with the superior (SUP-011). */
function RequestModal({ leader, onClose }: { leader: Leader | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RequestValues>();
  const invalidate = useInvalidateCommand();
  const file = useMutation({
    mutationFn: (v: RequestValues) =>
      unwrap(
        api.POST('/api/command/roster-members/{id}/travel-requests', {
          params: { path: { id: leader?.rosterMemberId ?? '' } },
          body: {
            destination: v.destination.trim(),
            reason: v.reason.trim(),
            departAt: v.window[0].toISOString(),
            returnAt: v.window[1].toISOString(),
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('command.travel.filed'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['destination', 'reason']),
  });
  return (
    <Modal
      open={leader !== null}
      title={t('command.travel.requestFor', { name: leader?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => file.mutate(v))}
      confirmLoading={file.isPending}
      okButtonProps={{ 'data-testid': 'travel-request-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="destination" label={t('command.travel.destination')} rules={[{ required: true, max: 100, whitespace: true }]}>
          <Input data-testid="travel-destination" />
        </Form.Item>
        <Form.Item name="window" label={t('command.travel.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('command.travel.reason')} rules={[{ required: true, max: 500, whitespace: true }]}>
          <Input.TextArea rows={2} data-testid="travel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The superior's decision: approval (optional note) or refusal (with its reason). */
function DecideModal({ request, approve, onClose }: { request: TravelRequest | null; approve: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note?: string }>();
  const invalidate = useInvalidateCommand();
  const decide = useMutation({
    mutationFn: (v: { note?: string }) =>
      unwrap(
        api.POST('/api/command/travel-requests/{id}/decision', {
          params: { path: { id: request?.id ?? '' } },
          body: { approve, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t(approve ? 'command.travel.approved' : 'command.travel.rejected'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['note']),
  });
  return (
    <Modal
      open={request !== null}
      title={t(approve ? 'command.travel.approve' : 'command.travel.reject')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => decide.mutate(v))}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'travel-decide-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('command.travel.note')} rules={[{ required: !approve, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={2} data-testid="travel-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LeadersTable({ leaders, onRequest }: { leaders: Leader[]; onRequest: (leader: Leader) => void }) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="rosterMemberId"
      size="small"
      pagination={false}
      dataSource={leaders}
      data-testid="travel-leaders"
      locale={{ emptyText: t('command.travel.noLeaders') }}
      columns={[
        { title: t('command.roster.name'), dataIndex: 'name' },
        {
          title: t('command.roster.role'),
          dataIndex: 'roles',
          render: (roles: string[]) => roles.map((r) => <Tag key={r}>{commandLabel(t, 'command.role', r)}</Tag>),
        },
        {
          title: t('command.travel.presence'),
          dataIndex: 'presence',
          render: (v: string, l: Leader) => (
            <Tag color={v === 'away' ? 'orange' : 'green'} data-testid="travel-presence">
              {v === 'away' ? t('command.travel.away', { until: minute(l.until ?? '') }) : t('command.travel.present')}
            </Tag>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, l: Leader) =>
            l.canRequest && (
              <Button size="small" type="link" onClick={() => onRequest(l)} data-testid="travel-request">
                {t('command.travel.request')}
              </Button>
            ),
        },
      ]}
    />
  );
}

function RequestsTable({ requests, onDecide }: { requests: TravelRequest[]; onDecide: (r: TravelRequest, approve: boolean) => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateCommand();
  const withdraw = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/command/travel-requests/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={{ pageSize: 10 }}
      dataSource={requests}
      data-testid="travel-requests"
      locale={{ emptyText: t('common.none') }}
      columns={[
        { title: t('command.roster.name'), dataIndex: 'name' },
        { title: t('command.travel.destination'), dataIndex: 'destination' },
        {
          title: t('command.travel.window'),
          key: 'window',
          render: (_: unknown, r: TravelRequest) => `${minute(r.departAt)} – ${minute(r.returnAt)}`,
        },
        { title: t('command.travel.reason'), dataIndex: 'reason' },
        {
          title: t('command.travel.status'),
          dataIndex: 'status',
          render: (v: string, r: TravelRequest) => (
            <Space direction="vertical" size={0}>
              <Tag color={STATUS_COLORS[v]}>{commandLabel(t, 'command.travel.status', v)}</Tag>
              {r.decisionNote && <Typography.Text type="secondary">{r.decisionNote}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_: unknown, r: TravelRequest) => (
            <Space size={0}>
              {r.canDecide && (
                <>
                  <Button size="small" type="link" onClick={() => onDecide(r, true)} data-testid="travel-approve">
                    {t('command.travel.approve')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => onDecide(r, false)}>
                    {t('command.travel.reject')}
                  </Button>
                </>
              )}
              {r.status === 'requested' && !r.canDecide && (
                <Button size="small" type="link" onClick={() => withdraw.mutate(r.id)}>
                  {t('command.travel.withdraw')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}

/** 外出报备 (SUP-011, SC-71): leaders bound to stay are away only once the superior has approved their request. */
export function LeaderTravelTab({ hq }: { hq: HeadquartersDetail }) {
  const { t } = useI18n();
  const travel = useQuery({ queryKey: [...COMMAND_KEY, 'leader-travel', hq.id], queryFn: () => fetchTravel(hq.id) });
  const [requesting, setRequesting] = useState<Leader | null>(null);
  const [deciding, setDeciding] = useState<{ request: TravelRequest; approve: boolean } | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('command.travel.rule', { clause: travel.data?.clause ?? '' })} />
      <LeadersTable leaders={travel.data?.leaders ?? []} onRequest={setRequesting} />
      <Typography.Title level={5}>{t('command.travel.requests')}</Typography.Title>
      <RequestsTable requests={travel.data?.requests ?? []} onDecide={(request, approve) => setDeciding({ request, approve })} />
      <RequestModal leader={requesting} onClose={() => setRequesting(null)} />
      <DecideModal request={deciding?.request ?? null} approve={deciding?.approve ?? true} onClose={() => setDeciding(null)} />
    </Space>
  );
}
