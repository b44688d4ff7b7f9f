import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { useHouseholds } from '../checkpoints/checkpoint-queries.ts';
import { COMMUNITY_KEY, useRefreshCommunity } from './community-queries.ts';

const key = (k: string) => k as MessageKey;
const KINDS = ['unregistered_outsider', 'refused_measure'] as const;
const MEASURES = ['temperature_check', 'medical_screening', 'medical_observation', 'registration'] as const;
const STATE_COLOUR: Record<string, string> = { open: 'orange', found: 'green', not_found: 'default', referred: 'red' };
type Kind = (typeof KINDS)[number];
type NewReport = { kind: Kind; description: string; whereabouts: string; subjectName?: string; refusedMeasure?: (typeof MEASURES)[number] };
type Report = NonNullable<ReturnType<typeof useReports>['data']>['items'][number];

function useReports(communityId: string) {
  return useQuery({
    queryKey: [...COMMUNITY_KEY, 'reports', communityId],
    queryFn: () => unwrap(api.GET('/api/community/reports', { params: { query: { jurisdictionId: communityId } } })),
  });
}

/** SC-38 / SC-39: staff record an unregistered outsider (the town tracks them) or a refusal (for the police). */
function ReportForm({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [form] = Form.useForm<NewReport>();
  const kind = Form.useWatch('kind', form) ?? 'unregistered_outsider';
  const record = useMutation({
    mutationFn: (v: NewReport) => unwrap(api.POST('/api/community/reports', { body: { ...v, jurisdictionId: communityId } })),
    onSuccess: (r) => {
      showSuccess(t(r.kind === 'refused_measure' ? 'communityReport.recordedRefusal' : 'communityReport.recordedOutsider'));
      form.resetFields();
      void refresh();
    },
    onError: (e) => applyFormError(form, e, ['description', 'whereabouts', 'subjectName', 'refusedMeasure']),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ kind: 'unregistered_outsider' }}
      onFinish={(v) => record.mutate(v)}
      style={{ marginBottom: 12, rowGap: 8 }}
      data-testid="report-form"
    >
      <Form.Item name="kind">
        <Radio.Group
          optionType="button"
          options={KINDS.map((k) => ({ value: k, label: t(key(`communityReport.kind.${k}`)) }))}
          data-testid="report-kind"
        />
      </Form.Item>
      {kind === 'refused_measure' && (
        <Form.Item name="refusedMeasure" label={t('communityReport.measure')} rules={[{ required: true }]}>
          <Select
            style={{ width: 140 }}
            options={MEASURES.map((m) => ({ value: m, label: t(key(`communityReport.measure.${m}`)) }))}
            data-testid="report-measure"
          />
        </Form.Item>
      )}
      <Form.Item
        name="subjectName"
        label={t('communityReport.subject')}
        rules={[{ required: kind === 'refused_measure', whitespace: true }]}
      >
        <Input style={{ width: 100 }} maxLength={40} data-testid="report-subject" />
      </Form.Item>
      <Form.Item name="whereabouts" label={t('communityReport.whereabouts')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 140 }} maxLength={200} data-testid="report-whereabouts" />
      </Form.Item>
      <Form.Item name="description" label={t('communityReport.description')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 200 }} maxLength={500} data-testid="report-description" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="report-submit">
        {t('communityReport.record')}
      </Button>
    </Form>
  );
}

type Found = { householdId: string; name: string; idType: 'resident_id'; idNumber: string; phone?: string; fromPlace: string };
type Referral = { policeStation: string; policeReference?: string; note?: string };

/** SC-38: the outsider found — registered in a household under home medical observation; the town's task closes. */
function FoundModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [form] = Form.useForm<Found>();
  const [q, setQ] = useState('');
  const households = useHouseholds(q);
  const found = useMutation({
    mutationFn: (v: Found) => unwrap(api.POST('/api/community/reports/{id}/found', { params: { path: { id: report.id } }, body: v })),
    onSuccess: () => {
      showSuccess(t('communityReport.foundDone'));
      void refresh();
      onClose();
    },
    onError: (e) => applyFormError(form, e, ['householdId', 'name', 'idNumber', 'phone', 'fromPlace']),
  });
  return (
    <Modal
      open
      title={t('communityReport.found')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={found.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('communityReport.foundHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ idType: 'resident_id' }}
        onFinish={(v) => found.mutate(v)}
        data-testid="found-form"
      >
        <Form.Item name="householdId" label={t('communityReport.household')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.code}）` }))}
            data-testid="found-household"
          />
        </Form.Item>
        <Form.Item name="name" label={t('communityReport.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} data-testid="found-name" />
        </Form.Item>
        <Form.Item name="idType" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label={t('communityReport.idNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={40} data-testid="found-id" />
        </Form.Item>
        <Form.Item name="phone" label={t('communityReport.phone')}>
          <Input maxLength={20} data-testid="found-phone" />
        </Form.Item>
        <Form.Item name="fromPlace" label={t('communityReport.fromPlace')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} data-testid="found-from" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** SC-38 (not found, with why) and SC-39 (referred to the police): a closing form of one or three fields. */
function CloseModal({ report, mode, onClose }: { report: Report; mode: 'not-found' | 'refer'; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [form] = Form.useForm<Referral & { note: string }>();
  const close = useMutation({
    mutationFn: (v: Referral & { note: string }) =>
      mode === 'refer'
        ? unwrap(api.POST('/api/community/reports/{id}/refer', { params: { path: { id: report.id } }, body: v }))
        : unwrap(api.POST('/api/community/reports/{id}/not-found', { params: { path: { id: report.id } }, body: { note: v.note } })),
    onSuccess: () => {
      void refresh();
      onClose();
    },
    onError: (e) => applyFormError(form, e, ['policeStation', 'policeReference', 'note']),
  });
  const title = t(mode === 'refer' ? 'communityReport.refer' : 'communityReport.notFound');
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={close.isPending} destroyOnHidden>
      {mode === 'refer' && <Alert type="warning" showIcon message={t('communityReport.referHint')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v)} data-testid="close-report-form">
        {mode === 'refer' && (
          <>
            <Form.Item name="policeStation" label={t('communityReport.policeStation')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} data-testid="report-police-station" />
            </Form.Item>
            <Form.Item name="policeReference" label={t('communityReport.policeReference')}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('communityReport.note')} rules={[{ required: mode === 'not-found', whitespace: true }]}>
          <Input maxLength={200} data-testid="report-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function outcomeOf(t: ReturnType<typeof useI18n>['t'], r: Report) {
  if (r.state === 'referred') return `${r.policeStation ?? ''}${r.policeReference ? `（${r.policeReference}）` : ''}`;
  if (r.state === 'found') return t('communityReport.underManagement');
  return r.outcomeNote ?? '';
}

/** What the community was told of: unregistered outsiders (SC-38) and refusals (SC-39), with their handling. */
export function CommunityReportsTab({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const reports = useReports(communityId);
  const [acting, setActing] = useState<{ report: Report; mode: 'found' | 'not-found' | 'refer' } | null>(null);
  const actions = (r: Report) =>
    r.kind === 'refused_measure' ? (
      <Button size="small" danger onClick={() => setActing({ report: r, mode: 'refer' })} data-testid="report-refer">
        {t('communityReport.refer')}
      </Button>
    ) : (
      <Space>
        <Button size="small" type="primary" onClick={() => setActing({ report: r, mode: 'found' })} data-testid="report-found">
          {t('communityReport.found')}
        </Button>
        <Button size="small" onClick={() => setActing({ report: r, mode: 'not-found' })} data-testid="report-not-found">
          {t('communityReport.notFound')}
        </Button>
      </Space>
    );
  return (
    <>
      <ReportForm communityId={communityId} />
      <Table
        rowKey="id"
        size="small"
        loading={reports.isPending}
        dataSource={reports.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="reports-table"
        columns={[
          { title: t('communityReport.at'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
          { title: t('communityReport.kind'), dataIndex: 'kind', render: (v: string) => t(key(`communityReport.kind.${v}`)) },
          {
            title: t('communityReport.from'),
            dataIndex: 'reportedAs',
            render: (v: string) => t(key(`communityReport.reportedAs.${v}`)),
          },
          { title: t('communityReport.subject'), dataIndex: 'subjectName', render: (v: string | null) => v ?? '—' },
          { title: t('communityReport.whereabouts'), dataIndex: 'whereabouts' },
          { title: t('communityReport.description'), dataIndex: 'description' },
          {
            title: t('communityReport.state'),
            key: 'state',
            render: (_: unknown, r) => (
              <Tag color={STATE_COLOUR[r.state]} data-testid="report-state" data-state={r.state}>
                {t(key(`communityReport.state.${r.state}`))}
              </Tag>
            ),
          },
          {
            title: t('communityReport.outcome'),
            key: 'outcome',
            render: (_: unknown, r) => (r.state === 'open' ? actions(r) : outcomeOf(t, r)),
          },
        ]}
      />
      {acting?.mode === 'found' && <FoundModal report={acting.report} onClose={() => setActing(null)} />}
      {acting && acting.mode !== 'found' && <CloseModal report={acting.report} mode={acting.mode} onClose={() => setActing(null)} />}
    </>
  );
}
