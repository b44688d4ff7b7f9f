import { EVENT_KINDS, EVENT_PERMIT_STATES } from '@fangkong/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import { useSession } from '../../auth/session.tsx';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { INSTITUTION_KEY, useInstitutions, useInvalidateInstitutions } from './institution-queries.ts';

const key = (k: string) => k as MessageKey;
type EventItem = paths['/api/event-permits']['get']['responses'][200]['content']['application/json']['items'][number];
type Status = (typeof EVENT_PERMIT_STATES)[number];
type Filing = {
  institutionId: string;
  kind: (typeof EVENT_KINDS)[number];
  title: string;
  organizer: string;
  eventDate: string;
  attendees: number;
  plan: string;
  urgent?: boolean;
};
const FIELDS = ['institutionId', 'jurisdictionId', 'kind', 'title', 'organizer', 'eventDate', 'attendees', 'plan'] as const;
const STATUS_COLOR: Record<Status, string> = { pending: 'blue', approved: 'green', refused: 'red' };

/** PUB-005: one plan per meeting or exam, filed by the organizing institution (its jurisdiction is the event's). */
function EventForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<Filing>();
  const institutions = useInstitutions(undefined);
  const invalidate = useInvalidateInstitutions();
  const items = institutions.data?.items ?? [];
  const file = useMutation({
    mutationFn: (v: Filing) => {
      const place = items.find((i) => i.id === v.institutionId);
      return unwrap(
        api.POST('/api/event-permits', { body: { ...v, urgent: v.urgent ?? false, jurisdictionId: place?.jurisdictionId ?? '' } }),
      );
    },
    onSuccess: () => {
      showSuccess(t('records.event.filed'));
      form.resetFields();
      void invalidate();
    },
    onError: (e) => applyFormError(form, e, FIELDS),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ kind: 'exam', attendees: 100 }}
      onFinish={(v) => file.mutate(v)}
      style={{ marginBottom: 12, rowGap: 8 }}
      data-testid="event-form"
    >
      <Form.Item name="institutionId" label={t('records.event.institution')} rules={[{ required: true }]}>
        <Select
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={items.map((i) => ({ value: i.id, label: i.name }))}
          data-testid="event-institution"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('records.event.kind')}>
        <Select
          style={{ width: 100 }}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(key(`records.event.kind.${k}`)) }))}
          data-testid="event-kind"
        />
      </Form.Item>
      <Form.Item name="title" label={t('records.event.title')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 160 }} data-testid="event-title" />
      </Form.Item>
      <Form.Item name="organizer" label={t('records.event.organizer')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 140 }} data-testid="event-organizer" />
      </Form.Item>
      <Form.Item name="eventDate" label={t('records.event.date')} rules={[{ required: true }]}>
        <Input type="date" data-testid="event-date" />
      </Form.Item>
      <Form.Item name="attendees" label={t('records.event.attendees')} rules={[{ required: true }]}>
        <InputNumber min={1} data-testid="event-attendees" />
      </Form.Item>
      <Form.Item name="plan" label={t('records.event.plan')} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea style={{ width: 280 }} autoSize data-testid="event-plan" />
      </Form.Item>
      <Form.Item name="urgent" valuePropName="checked">
        <Checkbox data-testid="event-urgent">{t('records.event.urgent')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={file.isPending} data-testid="event-submit">
        {t('records.event.file')}
      </Button>
    </Form>
  );
}

function Decide({ event }: { event: EventItem }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const invalidate = useInvalidateInstitutions();
  const decide = useMutation({
    mutationFn: (approve: boolean) =>
      unwrap(
        api.POST('/api/event-permits/{id}/decide', {
          params: { path: { id: event.id } },
          body: { approve, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: () => {
      showSuccess(t('records.event.decided'));
      void invalidate();
    },
    onError: showError,
  });
  return (
    <Space>
      <Input
        size="small"
        style={{ width: 140 }}
        placeholder={t('records.event.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button
        size="small"
        type="primary"
        disabled={!event.advice.approvable}
        loading={decide.isPending && decide.variables}
        onClick={() => decide.mutate(true)}
        data-testid="event-approve"
      >
        {t('records.event.approve')}
      </Button>
      <Button
        size="small"
        danger
        loading={decide.isPending && !decide.variables}
        onClick={() => decide.mutate(false)}
        data-testid="event-refuse"
      >
        {t('records.event.refuse')}
      </Button>
    </Space>
  );
}

/** PUB-005 / ZONE-012: filings in scope with the rules' advice; the town decides the pending ones. */
export function EventPermitsTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const list = useQuery({
    queryKey: [INSTITUTION_KEY, 'events', status],
    queryFn: () => unwrap(api.GET('/api/event-permits', { params: { query: status === 'all' ? {} : { status } } })),
  });
  return (
    <>
      {can('institution.report') && <EventForm />}
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as Status | 'all')}
        options={(['all', ...EVENT_PERMIT_STATES] as const).map((s) => ({ value: s, label: t(key(`records.event.status.${s}`)) }))}
        data-testid="event-status"
      />
      <Table<EventItem>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        data-testid="event-table"
        columns={[
          { title: t('records.event.date'), dataIndex: 'eventDate' },
          { title: t('records.event.kind'), dataIndex: 'kind', render: (v: string) => t(key(`records.event.kind.${v}`)) },
          { title: t('records.event.title'), dataIndex: 'title' },
          { title: t('records.event.organizer'), dataIndex: 'organizer' },
          { title: t('records.event.attendees'), dataIndex: 'attendees' },
          {
            title: t('records.event.status'),
            dataIndex: 'status',
            render: (v: Status, e) => (
              <span data-testid="event-state" data-state={v}>
                <Tag color={STATUS_COLOR[v]}>{t(key(`records.event.status.${v}`))}</Tag>
                {e.decisionNote}
              </span>
            ),
          },
          {
            title: t('records.event.advice'),
            key: 'advice',
            render: (_: unknown, e) => (
              <Space size={4} wrap>
                <Tag color={e.advice.approvable ? 'green' : 'orange'}>
                  {t(e.advice.approvable ? 'records.event.approvable' : 'records.event.notApprovable')}
                </Tag>
                {t(key(`records.event.rule.${e.advice.because.rule}`))}
                {e.advice.because.grade ? ` (${e.advice.because.grade})` : ''}
                <ClauseRef basis={e.advice.because.clause} />
              </Space>
            ),
          },
          {
            title: '',
            key: 'decide',
            render: (_: unknown, e) => (can('institution.manage') && e.status === 'pending' ? <Decide event={e} /> : null),
          },
        ]}
      />
    </>
  );
}
