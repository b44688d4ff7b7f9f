import { useMutation } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { environmentLabel, specimenLabel, useSample } from './environment-queries.ts';
import { testingLabel, useInvalidateTesting } from './testing-queries.ts';

export const RESULT_COLORS: Record<string, string> = { positive: 'red', negative: 'green', indeterminate: 'orange' };
export const RISK_COLORS: Record<string, string> = { atRisk: 'red', cleared: 'green', none: 'default' };

/** Asks what was done, then closes the task (audited). */
function CloseTaskModal({ taskId, onDone }: { taskId: string | null; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const invalidate = useInvalidateTesting();
  const close = useMutation({
    mutationFn: (note: string) =>
      unwrap(api.POST('/api/testing/environment/tasks/{id}/close', { params: { path: { id: taskId ?? '' } }, body: { note } })),
    onSuccess: () => {
      showSuccess(t('environment.taskClosed'));
      void invalidate();
      onDone();
    },
    onError: showError,
  });
  return (
    <Modal
      open={taskId !== null}
      title={t('environment.closeTask')}
      onCancel={onDone}
      onOk={() => form.submit()}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={(values) => close.mutate(values.note.trim())}>
        <Form.Item name="note" label={t('environment.closeNote')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} data-testid="environment-close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One sample: what it is, its result, what the result set off and why (clauses), its tasks and who was told. */
export function EnvironmentSampleDrawer({ sampleId, onClose }: { sampleId: string | null; onClose: () => void }) {
  const { t, language } = useI18n();
  const sample = useSample(sampleId);
  const [closing, setClosing] = useState<string | null>(null);
  const s = sample.data;
  return (
    <Drawer open={sampleId !== null} onClose={onClose} size="large" title={t('environment.detail')} data-testid="environment-drawer">
      {s && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('environment.place')}>{s.placeName}</Descriptions.Item>
            <Descriptions.Item label={t('testing.barcode')}>{s.barcode}</Descriptions.Item>
            <Descriptions.Item label={t('environment.specimenKind')}>{specimenLabel(language, s.specimenKind)}</Descriptions.Item>
            <Descriptions.Item label={t('environment.goodsDescription')}>{s.goodsDescription ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('environment.originCountry')}>{s.imported ? s.originCountry : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('environment.batchNumber')}>{s.batchNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('environment.sampledAt')}>{formatTime(s.sampledAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('environment.sampledBy')}>{s.sampledByName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('testing.result')}>
              {s.result ? (
                <Tag color={RESULT_COLORS[s.result]} data-testid="environment-result">
                  {testingLabel(t, 'result', s.result)}
                </Tag>
              ) : (
                t('environment.result.pending')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('environment.risk')}>
              {s.placeRisk && (
                <Tag color={RISK_COLORS[s.placeRisk.decision]} data-testid="environment-place-risk">
                  {environmentLabel(t, 'risk', s.placeRisk.decision)}
                </Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          {s.followUp.decision.length > 0 && (
            <List
              size="small"
              header={<Typography.Text strong>{t('environment.followUp')}</Typography.Text>}
              dataSource={s.followUp.because}
              renderItem={(reason) => (
                <List.Item>
                  <Typography.Text type="secondary">
                    {reason.source} {reason.clause}
                    {reason.configured ? t('environment.configured') : ''}：
                  </Typography.Text>
                  {reason.says}
                </List.Item>
              )}
            />
          )}
          {s.tasks.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              data-testid="environment-tasks"
              title={() => t('environment.tasks')}
              dataSource={s.tasks}
              columns={[
                { title: t('environment.tasks'), dataIndex: 'kind', render: (kind: string) => environmentLabel(t, 'task', kind) },
                {
                  title: t('environment.state'),
                  dataIndex: 'status',
                  render: (status: string) => <Tag>{environmentLabel(t, 'taskStatus', status)}</Tag>,
                },
                { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, 'MM-DD HH:mm') },
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_, task) =>
                    task.closable ? (
                      <Button size="small" type="link" onClick={() => setClosing(task.id)} data-testid="environment-close-task">
                        {t('environment.closeTask')}
                      </Button>
                    ) : (
                      String(task.details.closeNote ?? '')
                    ),
                },
              ]}
            />
          )}
          {s.alerts.length > 0 && (
            <Space wrap>
              <Typography.Text>{t('environment.alerts')}：</Typography.Text>
              {s.alerts.map((alert) => (
                <Tag key={alert.id} color="red">
                  {environmentLabel(t, 'audience', alert.audience)}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      )}
      <CloseTaskModal taskId={closing} onDone={() => setClosing(null)} />
    </Drawer>
  );
}
