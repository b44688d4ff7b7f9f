import { FEVER_CLINIC_DISPOSITIONS, type FeverClinicDisposition, type FeverClinicResult, isFeverClinicItem } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, List, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { feverLabel, resultsOfItem, useVisit } from './fever-clinic-queries.ts';
import { useInvalidateTesting } from './testing-queries.ts';

type Visit = NonNullable<ReturnType<typeof useVisit>['data']>;
type Order = Visit['orders'][number];

const RESULT_COLORS: Record<string, string> = {
  positive: 'red',
  abnormal: 'orange',
  indeterminate: 'orange',
  negative: 'green',
  normal: 'green',
};
const isDisposition = (value: string): value is FeverClinicDisposition => (FEVER_CLINIC_DISPOSITIONS as readonly string[]).includes(value);

/** Records an item's result (audited); lists and the visit refresh. */
function useRecord(visitId: string) {
  const { t } = useI18n();
  const invalidate = useInvalidateTesting();
  return useMutation({
    mutationFn: ({ item, result }: { item: string; result: FeverClinicResult }) => {
      if (!isFeverClinicItem(item)) throw new Error(item);
      return unwrap(
        api.PUT('/api/testing/fever-clinic/visits/{id}/orders/{item}', { params: { path: { id: visitId, item } }, body: { result } }),
      );
    },
    onSuccess: () => {
      showSuccess(t('feverClinic.recorded'));
      void invalidate();
    },
    onError: showError,
  });
}

/** The four orders: result (pick one to record while the visit is open; a lab-resulted tube keeps the lab's), where it came from, when. */
function OrdersTable({ visit, editable }: { visit: Visit; editable: boolean }) {
  const { t } = useI18n();
  const record = useRecord(visit.id);
  const resultCell = (order: Order) => {
    const tag = order.result ? (
      <Tag color={RESULT_COLORS[order.result]} data-testid={`fever-result-${order.item}`}>
        {feverLabel(t, 'result', order.result)}
      </Tag>
    ) : (
      <Typography.Text type="secondary">{t('feverClinic.result.pending')}</Typography.Text>
    );
    if (!editable || order.resultSource === 'lab') return tag;
    return (
      <Select
        size="small"
        style={{ width: 140 }}
        value={resultsOfItem(order.item).find((r) => r === order.result)}
        placeholder={t('feverClinic.record')}
        data-testid={`fever-record-${order.item}`}
        disabled={record.isPending}
        onChange={(result: FeverClinicResult) => record.mutate({ item: order.item, result })}
        options={resultsOfItem(order.item).map((r) => ({ value: r, label: feverLabel(t, 'result', r) }))}
      />
    );
  };
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="fever-orders"
      title={() => t('feverClinic.items')}
      dataSource={visit.orders}
      columns={[
        { title: t('feverClinic.item'), dataIndex: 'item', render: (item: string) => feverLabel(t, 'item', item) },
        { title: t('feverClinic.result'), key: 'result', render: (_, order) => resultCell(order) },
        { title: t('testing.barcode'), dataIndex: 'barcode', render: (b: string | null) => b ?? '—' },
        { title: '', dataIndex: 'resultSource', render: (s: string | null) => feverLabel(t, 'source', s) },
        { title: t('feverClinic.recordedAt'), dataIndex: 'recordedAt', render: (at: string | null) => formatTime(at, 'MM-DD HH:mm') },
      ]}
    />
  );
}

/** The outcomes the results allow (only those), why, and the close button. */
function CloseSection({ visit }: { visit: Visit }) {
  const { t } = useI18n();
  const invalidate = useInvalidateTesting();
  const [choice, setChoice] = useState<FeverClinicDisposition | undefined>();
  const close = useMutation({
    mutationFn: (disposition: FeverClinicDisposition) =>
      unwrap(api.POST('/api/testing/fever-clinic/visits/{id}/close', { params: { path: { id: visit.id } }, body: { disposition } })),
    onSuccess: () => {
      showSuccess(t('feverClinic.closed'));
      void invalidate();
    },
    onError: showError,
  });
  const { missing, allowed } = visit.outcomes;
  const choices = allowed.filter(isDisposition);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('feverClinic.missing', { items: missing.map((i) => feverLabel(t, 'item', i)).join('、') })}
        />
      )}
      {missing.length === 0 && choices.length === 0 && <Alert type="error" showIcon title={t('feverClinic.noneAllowed')} />}
      <Radio.Group value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="fever-dispositions">
        {choices.map((d) => (
          <Radio key={d} value={d} data-testid={`fever-disposition-${d}`}>
            {feverLabel(t, 'disposition', d)}
          </Radio>
        ))}
      </Radio.Group>
      <Button
        type="primary"
        disabled={!choice || missing.length > 0 || !choices.includes(choice)}
        loading={close.isPending}
        onClick={() => choice && close.mutate(choice)}
        data-testid="fever-close"
      >
        {t('feverClinic.close')}
      </Button>
    </Space>
  );
}

function Reasons({ visit }: { visit: Visit }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('feverClinic.because')}</Typography.Text>}
      dataSource={visit.outcomes.because}
      renderItem={(reason) => (
        <List.Item>
          <Typography.Text type="secondary">
            {reason.source} {reason.clause}
            {reason.configured ? t('feverClinic.configured') : ''}：
          </Typography.Text>
          {reason.says}
        </List.Item>
      )}
    />
  );
}

/** One visit: the patient, the four tests and their results, and the outcome (allowed ones only), with the clauses. */
export function FeverClinicVisitDrawer({ visitId, onClose }: { visitId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const visit = useVisit(visitId);
  const v = visit.data;
  const open = v?.status === 'open';
  return (
    <Drawer open={visitId !== null} onClose={onClose} size="large" title={t('feverClinic.detail')} data-testid="fever-drawer">
      {v && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('feverClinic.person')}>{`${v.personName} · ${v.idMasked ?? ''}`}</Descriptions.Item>
            <Descriptions.Item label={t('feverClinic.clinic')}>{v.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('feverClinic.arrivedAt')}>{formatTime(v.arrivedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('feverClinic.temperature')}>{v.temperatureCelsius ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('feverClinic.status')}>
              <Tag data-testid="fever-status">{feverLabel(t, 'status', v.status)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('feverClinic.disposition')}>
              {v.disposition ? feverLabel(t, 'disposition', v.disposition) : '—'}
              {v.episodeId && <Tag color="purple">{t('feverClinic.episode')}</Tag>}
            </Descriptions.Item>
            {v.closedAt && (
              <Descriptions.Item label={t('feverClinic.closedBy')}>
                {`${v.closedByName ?? ''} ${formatTime(v.closedAt, 'YYYY-MM-DD HH:mm')}`}
              </Descriptions.Item>
            )}
          </Descriptions>
          <OrdersTable visit={v} editable={open && can('testing.sample')} />
          {open && can('testing.sample') && <CloseSection visit={v} />}
          <Reasons visit={v} />
        </Space>
      )}
    </Drawer>
  );
}
