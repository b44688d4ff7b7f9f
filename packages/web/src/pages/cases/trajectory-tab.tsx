import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import type { TrajectoryPoint } from '../../api/types.ts';
import { showSuccess } from '../../components/feedback.tsx';
import { DISPLAY_ZONE, formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseClocks } from './case-clocks.tsx';
import { caseLabel } from './case-labels.ts';

const SOURCES = ['interview', 'venue_scan', 'checkpoint_scan', 'manual'] as const;

interface PointValues {
  placeText: string;
  span: [Dayjs, Dayjs];
  source: (typeof SOURCES)[number];
  note?: string;
}

/** A time picked on the page is a time in Asia/Shanghai, whatever the browser's zone. */
const shanghaiInstant = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DD HH:mm'), DISPLAY_ZONE).toISOString();

function AddPointModal({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<PointValues>();
  const add = useMutation({
    mutationFn: (v: PointValues) =>
      unwrap(
        api.POST('/api/cases/{id}/trajectory', {
          params: { path: { id: caseId } },
          body: {
            placeText: v.placeText.trim(),
            fromAt: shanghaiInstant(v.span[0]),
            toAt: shanghaiInstant(v.span[1]),
            source: v.source,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('case.trajectory.added'));
      form.resetFields();
      onClose();
      await client.invalidateQueries({ queryKey: ['cases', caseId] });
    },
  });
  return (
    <Modal
      open={open}
      title={t('case.trajectory.add')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => add.mutate(v))}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'trajectory-add-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ source: 'interview' }}>
        <Form.Item name="placeText" label={t('case.trajectory.place')} rules={[{ required: true, min: 2, max: 200 }]}>
          <Input data-testid="trajectory-place" />
        </Form.Item>
        <Form.Item name="span" label={t('case.trajectory.span')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="trajectory-span"
          />
        </Form.Item>
        <Form.Item name="source" label={t('case.source')} rules={[{ required: true }]}>
          <Select options={SOURCES.map((s) => ({ value: s, label: caseLabel(t, 'case.trajectory.source', s) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('case.trajectory.note')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemovePoint({ caseId, point }: { caseId: string; point: TrajectoryPoint }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/cases/{id}/trajectory/{pointId}/remove', { params: { path: { id: caseId, pointId: point.id } }, body: { reason } }),
      ),
    onSuccess: async () => {
      showSuccess(t('case.trajectory.removed'));
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['cases', caseId] });
    },
  });
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t('case.trajectory.remove')}
      </Button>
      <Modal
        open={open}
        title={`${t('case.trajectory.remove')} · ${point.placeText ?? ''}`}
        onCancel={() => setOpen(false)}
        onOk={() => remove.mutate()}
        okButtonProps={{ disabled: reason.trim().length < 2, danger: true }}
        confirmLoading={remove.isPending}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input placeholder={t('case.trajectory.removeReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
      </Modal>
    </>
  );
}

type SpotAction = 'sealed' | 'disinfected' | 'lifted';

/** The steps a spot may take next: sealing and disinfection in any order, lifting after both. */
function nextActions(p: TrajectoryPoint): SpotAction[] {
  if (p.liftedAt) return [];
  const steps: SpotAction[] = [];
  if (!p.sealedAt) steps.push('sealed');
  if (!p.disinfectedAt) steps.push('disinfected');
  if (p.sealedAt && p.disinfectedAt) steps.push('lifted');
  return steps;
}

/** The place as an outbreak spot (疫点, CASE-002, CASE-011): its 24-hour clocks and the next steps. */
function SpotCell({ caseId, point, editable }: { caseId: string; point: TrajectoryPoint; editable: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const record = useMutation({
    mutationFn: (action: SpotAction) =>
      unwrap(
        api.POST('/api/cases/{id}/trajectory/{pointId}/spot', { params: { path: { id: caseId, pointId: point.id } }, body: { action } }),
      ),
    onSuccess: async () => {
      showSuccess(t('case.spot.recorded'));
      await client.invalidateQueries({ queryKey: ['cases', caseId] });
    },
  });
  return (
    <Space direction="vertical" size={4} data-testid="spot-cell">
      {point.liftedAt ? (
        <Tag color="green">{`${t('case.spot.lifted')} ${formatTime(point.liftedAt, 'MM-DD HH:mm')}`}</Tag>
      ) : (
        <CaseClocks clocks={point.spotClocks} />
      )}
      {editable && (
        <Space size={4} wrap>
          {nextActions(point).map((action) => (
            <Button
              key={action}
              size="small"
              loading={record.isPending}
              onClick={() => record.mutate(action)}
              data-testid={`spot-${action}`}
            >
              {caseLabel(t, 'case.spot.do', action)}
            </Button>
          ))}
          {point.placeId && !point.liftedAt && <Link to={`/environment-sampling?placeId=${point.placeId}`}>{t('case.spot.sample')}</Link>}
        </Space>
      )}
    </Space>
  );
}

/** The trajectory (活动轨迹, CASE-002): read with a purpose (audited), points added and removed with a reason. */
export function TrajectoryTab({ caseId, editable, canSeal }: { caseId: string; editable: boolean; canSeal: boolean }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const points = useQuery({
    queryKey: ['cases', caseId, 'trajectory'],
    queryFn: () =>
      unwrap(api.GET('/api/cases/{id}/trajectory', { params: { path: { id: caseId }, query: { purpose: t('case.trajectory.purpose') } } })),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editable && (
        <Button onClick={() => setAdding(true)} data-testid="trajectory-add">
          {t('case.trajectory.add')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={points.isFetching}
        dataSource={points.data?.items ?? []}
        data-testid="trajectory-table"
        columns={[
          { title: t('case.trajectory.place'), dataIndex: 'placeText', render: (v: string | null, p) => p.placeName ?? v ?? '—' },
          { title: t('case.trajectory.from'), dataIndex: 'fromAt', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
          { title: t('case.trajectory.to'), dataIndex: 'toAt', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
          { title: t('case.source'), dataIndex: 'source', render: (v: string) => caseLabel(t, 'case.trajectory.source', v) },
          { title: t('case.trajectory.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
          {
            title: t('case.spot'),
            key: 'spot',
            render: (_: unknown, p: TrajectoryPoint) => <SpotCell caseId={caseId} point={p} editable={canSeal} />,
          },
          ...(editable
            ? [{ title: '', key: 'remove', render: (_: unknown, p: TrajectoryPoint) => <RemovePoint caseId={caseId} point={p} /> }]
            : []),
        ]}
      />
      <AddPointModal caseId={caseId} open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}
