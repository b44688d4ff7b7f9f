import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { COMMUNITY_KEY, useRefreshCommunity } from './community-queries.ts';

const key = (k: string) => k as MessageKey;
type Entry = { subject: 'person' | 'vehicle'; name?: string; plate?: string; purpose: string; masked: boolean; temperature: number };
const FIELDS = ['subject', 'name', 'plate', 'purpose', 'masked', 'temperature', 'escortUserId'] as const;

/** COMM-012 / SC-37: an outsider or outside vehicle let in with a mask, a temperature and the signed-in staff as escort. */
function EntryForm({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const { me } = useSession();
  const refresh = useRefreshCommunity();
  const [form] = Form.useForm<Entry>();
  const subject = Form.useWatch('subject', form) ?? 'person';
  const record = useMutation({
    mutationFn: (v: Entry) =>
      unwrap(
        api.POST('/api/community/entry-ledger', {
          body: {
            jurisdictionId: communityId,
            subject: v.subject,
            purpose: v.purpose,
            masked: v.masked ?? false,
            temperature: v.temperature,
            escortUserId: me.id,
            ...(v.subject === 'person' ? { name: v.name } : { plate: v.plate }),
          },
        }),
      ),
    onSuccess: () => {
      showSuccess(t('ledger.recorded'));
      form.resetFields();
      void refresh();
    },
    onError: (e) => applyFormError(form, e, FIELDS),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ subject: 'person', masked: true }}
      onFinish={(v) => record.mutate(v)}
      style={{ marginBottom: 12, rowGap: 8 }}
      data-testid="ledger-form"
    >
      <Form.Item name="subject" label={t('ledger.subject')}>
        <Radio.Group
          optionType="button"
          options={(['person', 'vehicle'] as const).map((s) => ({ value: s, label: t(key(`ledger.subject.${s}`)) }))}
          data-testid="ledger-subject"
        />
      </Form.Item>
      {subject === 'person' ? (
        <Form.Item name="name" label={t('ledger.name')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 110 }} data-testid="ledger-name" />
        </Form.Item>
      ) : (
        <Form.Item name="plate" label={t('ledger.plate')} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 110 }} data-testid="ledger-plate" />
        </Form.Item>
      )}
      <Form.Item name="purpose" label={t('ledger.purpose')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 160 }} data-testid="ledger-purpose" />
      </Form.Item>
      <Form.Item name="temperature" label={t('ledger.temperature')} rules={[{ required: true }]}>
        <InputNumber min={34} max={43} step={0.1} data-testid="ledger-temperature" />
      </Form.Item>
      <Form.Item name="masked" valuePropName="checked">
        <Checkbox data-testid="ledger-masked">{t('ledger.masked')}</Checkbox>
      </Form.Item>
      <Form.Item name="escortUserId" style={{ marginInlineEnd: 12 }}>
        <Typography.Text type="secondary">{t('ledger.escortSelf', { name: me.displayName })}</Typography.Text>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="ledger-submit">
        {t('ledger.record')}
      </Button>
    </Form>
  );
}

/** The entrance ledger of a community for a day, with every entry still open; those open past their day are flagged (SC-37). */
export function EntryLedgerTab({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [day, setDay] = useState('');
  const ledger = useQuery({
    queryKey: [...COMMUNITY_KEY, 'entry-ledger', communityId, day],
    queryFn: () =>
      unwrap(api.GET('/api/community/entry-ledger', { params: { query: { jurisdictionId: communityId, ...(day ? { day } : {}) } } })),
  });
  const close = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/community/entry-ledger/{id}/close', { params: { path: { id } } })),
    onSuccess: () => void refresh(),
    onError: showError,
  });
  const data = ledger.data;
  return (
    <>
      <EntryForm communityId={communityId} />
      <Space style={{ marginBottom: 12 }}>
        {t('ledger.day')}
        <Input type="date" value={day || data?.day || ''} onChange={(e) => setDay(e.target.value)} data-testid="ledger-day" />
        {data && (
          <Typography.Text type={data.flagged > 0 ? 'danger' : 'secondary'} data-testid="ledger-summary">
            {t('ledger.summary', { open: data.open, flagged: data.flagged })}
          </Typography.Text>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={ledger.isPending}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="ledger-table"
        columns={[
          { title: t('ledger.enteredAt'), dataIndex: 'enteredAt', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
          { title: t('ledger.subject'), dataIndex: 'subject', render: (v: string) => t(key(`ledger.subject.${v}`)) },
          { title: `${t('ledger.name')} / ${t('ledger.plate')}`, key: 'who', render: (_: unknown, e) => e.name ?? e.plate ?? '—' },
          { title: t('ledger.purpose'), dataIndex: 'purpose' },
          { title: t('ledger.temperature'), dataIndex: 'temperature' },
          { title: t('ledger.escort'), dataIndex: 'escortName' },
          {
            title: t('ledger.leftAt'),
            key: 'left',
            render: (_: unknown, e) =>
              e.leftAt ? (
                formatTime(e.leftAt, 'MM-DD HH:mm')
              ) : (
                <Space>
                  <Tag color={e.flagged ? 'red' : 'blue'} data-testid="ledger-state" data-state={e.flagged ? 'flagged' : 'open'}>
                    {t(e.flagged ? 'ledger.flagged' : 'ledger.open')}
                  </Tag>
                  <Button
                    size="small"
                    loading={close.isPending && close.variables === e.id}
                    onClick={() => close.mutate(e.id)}
                    data-testid="ledger-close"
                  >
                    {t('ledger.close')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
