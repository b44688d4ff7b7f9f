import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Space, Table, Tag } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatTime, testingLabel } from './testing-queries.ts';

const RESULT_COLOUR: Record<string, string> = { negative: 'green', positive: 'red', indeterminate: 'orange' };

/** A person's samples and results (pooled marked as such), negative within 24/48/72 h, and the certificate of a resulted sample. */
export function PersonResultsPanel({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const results = useQuery({
    queryKey: ['testing', 'person', personId, 'results'],
    queryFn: () => unwrap(api.GET('/api/testing/persons/{id}/results', { params: { path: { id: personId } } })),
  });
  const certificate = useMutation({
    mutationFn: (sampleId: string) =>
      unwrap(api.POST('/api/testing/samples/{id}/certificate', { params: { path: { id: sampleId } }, parseAs: 'blob' })),
    onSuccess: (pdf) => window.open(URL.createObjectURL(pdf as Blob), '_blank'),
    onError: (error) => message.error(error.message),
  });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="person-results">
      <Space wrap>
        {(results.data?.negativeWithin ?? []).map((w) => (
          <Tag key={w.hours} color={w.negative ? 'green' : 'default'}>
            {t('testing.negativeWithin', { hours: w.hours })}: {w.negative ? '✓' : '✗'}
          </Tag>
        ))}
      </Space>
      <Table
        size="small"
        rowKey="sampleId"
        loading={results.isPending}
        pagination={{ pageSize: 10 }}
        dataSource={results.data?.results ?? []}
        columns={[
          { title: t('testing.sampledAt'), dataIndex: 'sampledAt', render: formatTime },
          { title: t('testing.campaign'), dataIndex: 'campaignName' },
          {
            title: t('testing.barcode'),
            render: (_: unknown, r) => (r.pooled ? `${r.barcode} · ${t('testing.pool', { n: r.poolSize })}` : r.barcode),
          },
          {
            title: t('testing.result'),
            dataIndex: 'result',
            render: (r: string | null) => (r ? <Tag color={RESULT_COLOUR[r]}>{testingLabel(t, 'result', r)}</Tag> : '—'),
          },
          { title: t('testing.resultAt'), dataIndex: 'resultAt', render: formatTime },
          {
            key: 'certificate',
            render: (_: unknown, r) =>
              r.result && (
                <Button
                  size="small"
                  icon={<FilePdfOutlined />}
                  loading={certificate.isPending && certificate.variables === r.sampleId}
                  onClick={() => certificate.mutate(r.sampleId)}
                >
                  {t('testing.certificate')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
