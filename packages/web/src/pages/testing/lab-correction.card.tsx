import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CORRECTIONS_KEY, correctionStatusLabel, ResultTag } from './lab-corrections.queue.tsx';
import { testingLabel } from './testing-queries.ts';

const RESULTS = ['negative', 'positive', 'indeterminate'] as const;
type Result = (typeof RESULTS)[number];

interface RequestForm {
  result: Result;
  reason: string;
  labReference?: string;
}

/** 结果查询与更正: a tube's result by barcode, its corrections, and a request for another result (approved by a second user). */
export function LabCorrectionCard({ mayRequest }: { mayRequest: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<RequestForm>();
  const [typed, setTyped] = useState('');
  const [barcode, setBarcode] = useState('');
  const found = useQuery({
    queryKey: [...CORRECTIONS_KEY, 'lookup', barcode],
    enabled: barcode.length > 0,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/testing/lab-results/lookup', { params: { query: { barcode } } })),
  });
  const request = useMutation({
    mutationFn: (values: RequestForm) =>
      unwrap(
        api.POST('/api/testing/lab-result-corrections', { body: { barcode, ...values, labReference: values.labReference || undefined } }),
      ),
    onSuccess: async () => {
      showSuccess(t('testing.correction.requested'));
      form.resetFields();
      await client.invalidateQueries({ queryKey: CORRECTIONS_KEY });
    },
    onError: (error) => applyFormError(form, error, ['result', 'reason', 'labReference']),
  });
  const tube = found.data;
  const pending = tube?.corrections.some((c) => c.status === 'pending') ?? false;
  return (
    <Card title={t('testing.correction.title')} data-testid="lab-correction">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('testing.correction.hint')} />
        <Input.Search
          data-testid="correction-barcode"
          style={{ maxWidth: 360 }}
          placeholder={t('testing.tubeBarcode')}
          enterButton={t('testing.correction.find')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => setBarcode(value.trim())}
        />
        {found.isError && <Alert type="warning" showIcon title={found.error.message} />}
        {tube && (
          <Descriptions size="small" column={3} bordered data-testid="correction-tube" data-result={tube.result ?? ''}>
            <Descriptions.Item label={t('testing.barcode')}>
              <Space>
                {tube.barcode}
                <Tag>{tube.retest ? t('testing.correction.retest') : t('testing.correction.members', { n: tube.memberCount })}</Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('testing.result')}>
              {tube.result ? <ResultTag t={t} result={tube.result} /> : t('testing.correction.noResult')}
            </Descriptions.Item>
            <Descriptions.Item label={t('testing.labName')}>{tube.labName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('testing.resultAt')}>{formatTime(tube.testedAt, 'MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('testing.correction.correctedAt')}>{formatTime(tube.correctedAt, 'MM-DD HH:mm')}</Descriptions.Item>
          </Descriptions>
        )}
        {tube && tube.corrections.length > 0 && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => t('testing.correction.history')}
            dataSource={tube.corrections}
            columns={[
              {
                title: t('testing.correction.change'),
                render: (_, c) => (
                  <Space size={4}>
                    <ResultTag t={t} result={c.previousResult} />→<ResultTag t={t} result={c.newResult} />
                  </Space>
                ),
              },
              { title: t('testing.correction.reason'), dataIndex: 'reason' },
              { title: t('testing.status'), render: (_, c) => correctionStatusLabel(t, c.status) },
              {
                title: t('testing.correction.requestedBy'),
                render: (_, c) => `${c.requestedByName} ${formatTime(c.requestedAt, 'MM-DD HH:mm')}`,
              },
              { title: t('testing.correction.decisionReason'), dataIndex: 'decisionReason' },
            ]}
          />
        )}
        {tube?.result && mayRequest && pending && <Alert type="warning" showIcon title={t('testing.correction.pendingExists')} />}
        {tube?.result && mayRequest && !pending && (
          <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => request.mutate(values)}>
            <Form.Item name="result" label={t('testing.correction.newResult')} rules={[{ required: true }]}>
              <Select
                data-testid="correction-result"
                options={RESULTS.filter((r) => r !== tube.result).map((r) => ({ value: r, label: testingLabel(t, 'result', r) }))}
              />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('testing.correction.reason')}
              rules={[{ required: true, min: 2, max: 1000, whitespace: true }]}
            >
              <Input.TextArea rows={2} data-testid="correction-reason" placeholder={t('testing.correction.reasonPlaceholder')} />
            </Form.Item>
            <Form.Item name="labReference" label={t('testing.correction.labReference')} rules={[{ max: 100 }]}>
              <Input data-testid="correction-reference" />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="correction-submit" loading={request.isPending}>
              {t('testing.correction.submit')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
