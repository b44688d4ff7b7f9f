import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Radio, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { appealStatusLabel, ColourTag } from './code-labels.tsx';
import { CODES_KEY } from './code-panel.tsx';

type Status = 'open' | 'upheld' | 'rejected';

interface DecisionForm {
  decision: 'upheld' | 'rejected';
  reason: string;
  toColour?: 'green' | 'yellow' | 'red';
  validHours?: number;
}

function DecideModal({ appealId, onClose }: { appealId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<DecisionForm>();
  const decision = Form.useWatch('decision', form);
  const decide = useMutation({
    mutationFn: (body: DecisionForm) => unwrap(api.POST('/api/appeals/{id}/decide', { params: { path: { id: appealId ?? '' } }, body })),
    onSuccess: async (result) => {
      showSuccess(t(result.codeChangeId ? 'appeal.decidedPendingApproval' : 'appeal.decided'));
      await client.invalidateQueries({ queryKey: CODES_KEY });
      onClose();
    },
  });
  return (
    <Modal
      open={appealId !== null}
      title={t('appeal.decide')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={{ 'data-testid': 'appeal-decide-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ decision: 'upheld', toColour: 'green' }}
        onFinish={(v) => decide.mutate(v)}
      >
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'upheld', label: t('appeal.uphold') },
              { value: 'rejected', label: t('appeal.dismiss') },
            ]}
          />
        </Form.Item>
        {decision !== 'rejected' && (
          <>
            <Form.Item name="toColour" label={t('code.toColour')} rules={[{ required: true }]}>
              <Select
                data-testid="appeal-decide-colour"
                options={(['green', 'yellow', 'red'] as const).map((c) => ({ value: c, label: t(`code.colour.${c}`) }))}
              />
            </Form.Item>
            <Form.Item name="validHours" label={t('code.validHours')}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('code.decisionReason')} rules={[{ required: true, min: 2, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="appeal-decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Appeals against a colour in my scope: nearest deadline first, overdue flagged; the decision and its reason reach the person. */
export function AppealsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [status, setStatus] = useState<Status>('open');
  const [deciding, setDeciding] = useState<string | null>(null);
  const appeals = useQuery({
    queryKey: [...CODES_KEY, 'appeals', status],
    queryFn: () => unwrap(api.GET('/api/appeals', { params: { query: { status } } })),
  });
  return (
    <Card
      title={t('menu.appeals')}
      extra={
        <Select<Status>
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={(['open', 'upheld', 'rejected'] as const).map((s) => ({ value: s, label: appealStatusLabel(t, s) }))}
        />
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={appeals.isPending}
        data-testid="appeals"
        dataSource={appeals.data?.items ?? []}
        locale={{ emptyText: t('code.none') }}
        columns={[
          { title: t('code.person'), render: (_, a) => `${a.personName} ${a.idMasked}` },
          { title: t('code.tab'), dataIndex: 'colourAppealed', render: (c: string) => <ColourTag colour={c} t={t} /> },
          { title: t('appeal.reason'), render: (_, a) => (a.viaProxy ? `[${t('appeal.viaProxy')}] ${a.reason}` : a.reason) },
          {
            title: t('appeal.deadline'),
            render: (_, a) => (
              <>
                {formatTime(a.deadlineAt, 'MM-DD HH:mm')} {a.overdue && <Tag color="red">{t('appeal.overdue')}</Tag>}
              </>
            ),
          },
          { title: t('common.status'), dataIndex: 'status', render: (s: string) => appealStatusLabel(t, s) },
          { title: t('code.decisionReason'), dataIndex: 'decisionReason' },
          {
            title: t('common.actions'),
            render: (_, a) =>
              a.status === 'open' && can('appeal.decide') ? (
                <Button size="small" type="primary" onClick={() => setDeciding(a.id)} data-testid="appeal-decide">
                  {t('appeal.decide')}
                </Button>
              ) : null,
          },
        ]}
      />
      <DecideModal appealId={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}
