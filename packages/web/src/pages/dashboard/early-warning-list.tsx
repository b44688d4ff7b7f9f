import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { fetchSignals, type Signal } from './dashboard-api.ts';

const STATUS_COLOUR: Record<string, string> = { open: 'red', acknowledged: 'orange', closed: 'default' };
const OUTCOMES = ['confirmed_event', 'false_alarm', 'under_watch'] as const;

function CloseModal({ signal, onClose }: { signal: Signal | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ outcome: (typeof OUTCOMES)[number]; note: string }>();
  const client = useQueryClient();
  const close = useMutation({
    mutationFn: (values: { outcome: (typeof OUTCOMES)[number]; note: string }) =>
      unwrap(api.POST('/api/early-warning/signals/{id}/close', { params: { path: { id: signal?.id ?? '' } }, body: values })),
    onSuccess: () => {
      showSuccess(t('warning.closed'));
      void client.invalidateQueries({ queryKey: ['early-warning'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
      form.resetFields();
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal open={signal !== null} title={t('warning.close')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={close.isPending}>
      <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)}>
        <Form.Item name="outcome" label={t('warning.outcome')} rules={[{ required: true }]}>
          <Select
            data-testid="warning-outcome"
            options={OUTCOMES.map((o) => ({ value: o, label: t(`warning.outcome.${o}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('warning.note')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="warning-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The early-warning signals of the jurisdiction (CASE-007): the figures that raised each, take on, close with an outcome. */
export function EarlyWarningList({ jurisdictionId }: { jurisdictionId: string | undefined }) {
  const { t } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const [closing, setClosing] = useState<Signal | null>(null);
  const signals = useQuery({ queryKey: ['early-warning', jurisdictionId], queryFn: () => fetchSignals(jurisdictionId) });
  const acknowledge = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/early-warning/signals/{id}/acknowledge', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      showSuccess(t('warning.acknowledged'));
      void client.invalidateQueries({ queryKey: ['early-warning'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
    onError: showError,
  });
  const handles = can('warning.handle');
  const navigate = useNavigate();
  return (
    <Card size="small" title={t('warning.title')} data-testid="early-warning-list">
      <Table<Signal>
        size="small"
        rowKey="id"
        loading={signals.isPending}
        dataSource={signals.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('warning.none') }}
        onRow={(s) => ({ 'data-testid': `signal-${s.series}`, 'data-status': s.status }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (s) => {
            const baseline = (s.evidence as { baseline?: { day: string; count: number }[] }).baseline ?? [];
            return (
              <Typography.Text type="secondary">
                {t('warning.baseline', { days: baseline.map((b) => `${b.day.slice(5)}: ${b.count}`).join(', ') })}
              </Typography.Text>
            );
          },
        }}
        columns={[
          { title: t('warning.day'), dataIndex: 'day' },
          { title: t('warning.series'), render: (_, s) => t(`sentinel.${s.series}` as MessageKey) },
          { title: t('warning.count'), dataIndex: 'count' },
          { title: t('warning.threshold', { method: 'EARS' }), render: (_, s) => `${s.threshold.toFixed(1)} (${s.method})` },
          {
            title: t('warning.status'),
            render: (_, s) => (
              <Tag color={STATUS_COLOUR[s.status]}>
                {t(`warning.status.${s.status}` as MessageKey)}
                {s.outcome ? ` · ${t(`warning.outcome.${s.outcome}` as MessageKey)}` : ''}
              </Tag>
            ),
          },
          {
            title: t('warning.releases'),
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                {s.warnings.map((w) => (
                  <Typography.Link key={w.id} onClick={() => navigate('/information')} data-testid="signal-warning">
                    {w.title} · {t(`information.status.${w.status}` as MessageKey)}
                  </Typography.Link>
                ))}
                {can('information.publish') && (
                  <Button size="small" data-testid="warning-draft-release" onClick={() => navigate(`/information?signal=${s.id}`)}>
                    {t('warning.draftRelease')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, s) =>
              handles && s.status !== 'closed' ? (
                <Space>
                  {s.status === 'open' && (
                    <Button
                      size="small"
                      type="primary"
                      data-testid="warning-acknowledge"
                      loading={acknowledge.isPending}
                      onClick={() => acknowledge.mutate(s.id)}
                    >
                      {t('warning.acknowledge')}
                    </Button>
                  )}
                  <Button size="small" data-testid="warning-close" onClick={() => setClosing(s)}>
                    {t('warning.close')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <CloseModal signal={closing} onClose={() => setClosing(null)} />
    </Card>
  );
}
