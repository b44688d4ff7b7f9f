import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { type InterviewRow, type OpinionRow, useInformationAction, useInterviews, useOpinions } from './information-api.ts';

const KINDS = ['rumour', 'complaint', 'query'] as const;
const SOURCES = ['online', 'hotline', 'wechat', 'media', 'grid', 'other'] as const;
const OUTCOMES = ['clarified', 'resolved', 'referred', 'unfounded'] as const;

interface OpinionValues {
  kind: (typeof KINDS)[number];
  source: (typeof SOURCES)[number];
  summary: string;
  location?: string;
}

function LogOpinion() {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OpinionValues>();
  const log = useInformationAction((values: OpinionValues) =>
    unwrap(api.POST('/api/opinions', { body: { jurisdictionId: jurisdiction?.id ?? '', ...values } })),
  );
  if (!jurisdiction) return <Alert type="info" message={t('information.pickJurisdiction')} />;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="opinion-log">
        {t('opinion.log')}
      </Button>
      <Modal open={open} title={`${t('opinion.log')} · ${jurisdiction.name}`} onCancel={() => setOpen(false)} onOk={() => form.submit()}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'rumour', source: 'wechat' }}
          onFinish={(values) =>
            log.mutate(values, {
              onSuccess: () => {
                form.resetFields();
                setOpen(false);
              },
              onError: (error) => applyFormError(form, error, ['summary', 'location']),
            })
          }
        >
          <Form.Item name="kind" label={t('opinion.kind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`opinion.kind.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="source" label={t('opinion.source')}>
            <Select options={SOURCES.map((s) => ({ value: s, label: t(`opinion.source.${s}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="summary" label={t('opinion.summary')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="location" label={t('opinion.location')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Deadline({ at, overdue }: { at: string; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <span>
      {formatTime(at, 'MM-DD HH:mm')} {overdue && <Tag color="red">{t('opinion.overdue')}</Tag>}
    </span>
  );
}

function OpinionActions({ item }: { item: OpinionRow }) {
  const { t } = useI18n();
  const [response, setResponse] = useState('');
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('clarified');
  const [open, setOpen] = useState(false);
  const act = useInformationAction(() =>
    item.status === 'open'
      ? unwrap(api.POST('/api/opinions/{id}/respond', { params: { path: { id: item.id } }, body: { response } }))
      : unwrap(api.POST('/api/opinions/{id}/close', { params: { path: { id: item.id } }, body: { outcome } })),
  );
  if (item.status === 'closed') return item.outcome ? <Tag>{t(`opinion.outcome.${item.outcome}` as MessageKey)}</Tag> : null;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`opinion-act-${item.id}`}>
        {item.status === 'open' ? t('opinion.respond') : t('opinion.close')}
      </Button>
      <Modal
        open={open}
        title={item.summary}
        onCancel={() => setOpen(false)}
        onOk={() => act.mutate(undefined, { onSuccess: () => setOpen(false) })}
      >
        {item.status === 'open' ? (
          <Input.TextArea rows={3} value={response} onChange={(e) => setResponse(e.target.value)} placeholder={t('opinion.response')} />
        ) : (
          <Select
            style={{ width: '100%' }}
            value={outcome}
            onChange={setOutcome}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`opinion.outcome.${o}` as MessageKey) }))}
          />
        )}
      </Modal>
    </>
  );
}

/** Rumours, complaints and queries with their response and closure clocks (INFO-004). */
export function OpinionsPanel() {
  const { t } = useI18n();
  const { can } = useSession();
  const opinions = useOpinions();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('opinion.write') && <LogOpinion />}
      <Table
        rowKey="id"
        size="small"
        loading={opinions.isPending}
        dataSource={opinions.data?.items ?? []}
        data-testid="opinion-items"
        columns={[
          { title: t('opinion.kind'), dataIndex: 'kind', render: (k: string) => t(`opinion.kind.${k}` as MessageKey) },
          { title: t('opinion.source'), dataIndex: 'source', render: (s: string) => t(`opinion.source.${s}` as MessageKey) },
          { title: t('opinion.summary'), dataIndex: 'summary' },
          { title: t('information.jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('information.status'), dataIndex: 'status', render: (s: string) => t(`opinion.status.${s}` as MessageKey) },
          { title: t('opinion.respondBy'), render: (_, item) => <Deadline at={item.respondBy} overdue={item.responseOverdue} /> },
          { title: t('opinion.closeBy'), render: (_, item) => <Deadline at={item.closeBy} overdue={item.closeOverdue} /> },
          { title: t('opinion.response'), dataIndex: 'response' },
          { title: '', render: (_, item) => (can('opinion.write') ? <OpinionActions item={item} /> : null) },
        ]}
      />
    </Space>
  );
}

interface InterviewValues {
  outlet: string;
  topic: string;
  interviewee: string;
}

function RequestInterview() {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<InterviewValues>();
  const request = useInformationAction((values: InterviewValues) =>
    unwrap(api.POST('/api/information/interviews', { body: { jurisdictionId: jurisdiction?.id ?? '', ...values } })),
  );
  if (!jurisdiction) return <Alert type="info" message={t('information.pickJurisdiction')} />;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('information.requestInterview')}
      </Button>
      <Modal open={open} title={t('information.requestInterview')} onCancel={() => setOpen(false)} onOk={() => form.submit()}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            request.mutate(values, {
              onSuccess: () => {
                form.resetFields();
                setOpen(false);
              },
              onError: (error) => applyFormError(form, error, ['outlet', 'topic', 'interviewee']),
            })
          }
        >
          {(['outlet', 'topic', 'interviewee'] as const).map((field) => (
            <Form.Item key={field} name={field} label={t(`information.${field}`)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}

function Decide({ item }: { item: InterviewRow }) {
  const { t } = useI18n();
  const decide = useInformationAction((approve: boolean) =>
    unwrap(
      api.POST('/api/information/interviews/{id}/decision', {
        params: { path: { id: item.id } },
        body: { approve, note: approve ? '' : t('information.interview.rejected') },
      }),
    ),
  );
  return (
    <Space>
      <Button size="small" onClick={() => decide.mutate(true)}>
        {t('information.interview.approve')}
      </Button>
      <Button size="small" danger onClick={() => decide.mutate(false)}>
        {t('information.interview.reject')}
      </Button>
    </Space>
  );
}

/** Media interview requests, pending until the township headquarters approves (INFO-002). */
export function InterviewsPanel() {
  const { t } = useI18n();
  const { can, me } = useSession();
  const interviews = useInterviews();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('information.publish') && <RequestInterview />}
      <Table
        rowKey="id"
        size="small"
        loading={interviews.isPending}
        dataSource={interviews.data?.items ?? []}
        columns={[
          { title: t('information.outlet'), dataIndex: 'outlet' },
          { title: t('information.topic'), dataIndex: 'topic' },
          { title: t('information.interviewee'), dataIndex: 'interviewee' },
          { title: t('information.jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('information.status'), dataIndex: 'status', render: (s: string) => t(`information.interview.${s}` as MessageKey) },
          {
            title: '',
            render: (_, item) =>
              item.status === 'pending' && can('information.approve') && item.requestedBy !== me.id ? <Decide item={item} /> : null,
          },
        ]}
      />
    </Space>
  );
}
