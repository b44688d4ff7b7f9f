import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { commandLabel } from '../command/command-queries.ts';
import { Reasons } from '../key-persons/reasons.tsx';
import { AssessmentFields } from './assessment-fields.tsx';

type Overview = Awaited<ReturnType<typeof fetchOverview>>;
type Reassessment = NonNullable<Overview['reassessment']>;
const fetchOverview = (id: string) => unwrap(api.GET('/api/response-levels/{id}', { params: { path: { id }, query: {} } }));

const STATE_COLOURS: Record<Reassessment['state'], string> = { ok: 'green', due_soon: 'gold', overdue: 'red' };
const CONCLUSIONS = ['maintain', 'propose_change'] as const;

interface Values {
  conclusion: (typeof CONCLUSIONS)[number];
  note: string;
  factors: Record<string, string>;
  records: Record<string, string>;
}

/** The experts' re-assessment form (LVL-011): the three factor groups, the trend and the effect, the conclusion. */
function ReassessModal({
  overview,
  records,
  open,
  onClose,
}: {
  overview: Overview;
  records: readonly string[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const record = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/response-levels/{id}/reassessments', {
          params: { path: { id: overview.jurisdiction.id } },
          body: {
            conclusion: values.conclusion,
            note: values.note,
            assessment: { factors: values.factors ?? {}, records: values.records ?? {} },
          },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['response-level'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['conclusion', 'note']),
  });
  return (
    <Modal
      open={open}
      title={t('response.reassess.record')}
      width={880}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'reassess-submit', loading: record.isPending }}
    >
      <Form form={form} layout="vertical" onFinish={(values) => record.mutate(values)} initialValues={{ conclusion: 'maintain' }}>
        <Form.Item name="conclusion" label={t('response.reassess.conclusion')}>
          <Radio.Group
            options={CONCLUSIONS.map((c) => ({ value: c, label: t(`response.reassess.conclusion.${c}`) }))}
            data-testid="reassess-conclusion"
          />
        </Form.Item>
        <Form.Item name="note" label={t('response.reassess.note')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid="reassess-note" />
        </Form.Item>
        <AssessmentFields factors={overview.assessmentForm.factors} records={records} testIdPrefix="reassess" />
      </Form>
    </Modal>
  );
}

/** LVL-011: when the level in force is next to be re-assessed, the clause, the re-assessments made, and the form. */
export function ReassessmentCard({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const r = overview.reassessment;
  if (!r) return null;
  return (
    <Card
      size="small"
      title={t('response.reassess.title')}
      data-testid="response-reassessment"
      data-state={r.state}
      extra={
        can('response.propose') && (
          <Button size="small" onClick={() => setOpen(true)} data-testid="reassess-open">
            {t('response.reassess.record')}
          </Button>
        )
      }
    >
      <Space wrap>
        <Tag color={STATE_COLOURS[r.state]}>{t(`response.reassess.state.${r.state}`)}</Tag>
        {t('response.reassess.due', { date: formatTime(r.dueAt, 'YYYY-MM-DD HH:mm') })}
        {r.lastAssessedAt
          ? t('response.reassess.last', { date: formatTime(r.lastAssessedAt, 'YYYY-MM-DD HH:mm') })
          : t('response.reassess.never')}
      </Space>
      <Reasons reasons={r.because} testId="reassessment-reasons" />
      {r.history.length > 0 && (
        <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('response.history')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={r.history}
              columns={[
                {
                  title: t('response.reassess.conclusion'),
                  render: (_, h) => commandLabel(t, 'response.reassess.conclusion', h.conclusion),
                },
                { title: t('response.reassess.note'), dataIndex: 'note' },
                { title: '', render: (_, h) => formatTime(h.assessedAt, 'YYYY-MM-DD HH:mm'), width: 150 },
              ]}
            />
          </Descriptions.Item>
        </Descriptions>
      )}
      <ReassessModal overview={overview} records={r.records} open={open} onClose={() => setOpen(false)} />
    </Card>
  );
}
