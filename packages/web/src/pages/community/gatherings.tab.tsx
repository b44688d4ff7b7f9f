import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, message, Select, Table, Tag } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.zh-CN.ts';
import { Reasons } from '../key-persons/reasons.tsx';
import { COMMUNITY_KEY, useRefreshCommunity } from './community-queries.ts';

const KINDS = ['wedding', 'funeral', 'banquet', 'other'] as const;
type Kind = (typeof KINDS)[number];
type Filing = { kind: Kind; eventDate: string; simplified: boolean; attendees: number; organizer: string };
type Reason = { rule: string; source: string; clause: string; says: string };

/** Gatherings filed with the work team (COMM-031/032, SC-44): the rules decide at once, and both outcomes are kept. */
export function GatheringsTab({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [form] = Form.useForm<Filing>();
  const list = useQuery({
    queryKey: [...COMMUNITY_KEY, 'gatherings', communityId],
    queryFn: () => unwrap(api.GET('/api/community/gatherings', { params: { query: { jurisdictionId: communityId } } })),
  });
  const file = async (values: Filing) => {
    try {
      await unwrap(
        api.POST('/api/community/gatherings', { body: { ...values, simplified: values.simplified ?? false, jurisdictionId: communityId } }),
      );
      form.resetFields();
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <>
      <Form
        form={form}
        layout="inline"
        onFinish={file}
        style={{ marginBottom: 16 }}
        initialValues={{ kind: 'funeral', simplified: true, attendees: 10 }}
      >
        <Form.Item name="kind" label={t('community.gathering.kind')} rules={[{ required: true }]}>
          <Select
            style={{ width: 150 }}
            options={KINDS.map((k) => ({ value: k, label: t(`community.gathering.kind.${k}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="eventDate" label={t('community.gathering.eventDate')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="attendees" label={t('community.gathering.attendees')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="organizer" label={t('community.gathering.organizer')} rules={[{ required: true }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="simplified" valuePropName="checked">
          <Checkbox>{t('community.gathering.simplified')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="gathering-file">
          {t('community.gathering.file')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="gatherings-table"
        columns={[
          { title: t('community.gathering.eventDate'), dataIndex: 'eventDate' },
          { title: t('community.gathering.kind'), render: (_, g) => t(`community.gathering.kind.${g.kind}` as MessageKey) },
          { title: t('community.gathering.attendees'), dataIndex: 'attendees' },
          { title: t('community.gathering.organizer'), dataIndex: 'organizer' },
          {
            title: t('community.gathering.decision'),
            render: (_, g) => (
              <Tag color={g.decision === 'filed' ? 'green' : 'red'}>{t(`community.gathering.decision.${g.decision}` as MessageKey)}</Tag>
            ),
          },
          { title: '', render: (_, g) => <Reasons reasons={(g.because ?? []) as Reason[]} testId="gathering-reasons" /> },
        ]}
      />
    </>
  );
}
