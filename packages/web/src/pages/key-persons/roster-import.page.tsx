import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { ImportProgress } from '../../api/key-person-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { useInvalidateKeyPersons } from './key-person-queries.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type RowError = ImportProgress['errors'][number];
const finished = (status: string | undefined) => status === 'done' || status === 'failed';

/** Uploads the file as the request body without waiting for the import; the page then polls its progress. */
async function startImport(file: File, jurisdictionId: string): Promise<ImportProgress> {
  const body = await file.arrayBuffer();
  return unwrap(
    api.POST('/api/key-persons/imports', {
      params: { query: { jurisdictionId, fileName: file.name, wait: false } },
      body: body as never,
      bodySerializer: (raw: unknown) => raw as ArrayBuffer,
      headers: { 'content-type': XLSX_MIME },
    }),
  );
}

function Outcome({ job }: { job: ImportProgress }) {
  const { t } = useI18n();
  const percent = job.total === 0 ? (finished(job.status) ? 100 : 0) : Math.round((job.processed / job.total) * 100);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-outcome" data-status={job.status}>
      <Space>
        <Typography.Text strong>{t('roster.progress')}</Typography.Text>
        <Tag color={job.status === 'done' ? 'green' : job.status === 'failed' ? 'red' : 'blue'} data-testid="import-status">
          {labelOf(t, 'keyPerson.importStatus', job.status)}
        </Tag>
        {job.fileName && <Typography.Text type="secondary">{job.fileName}</Typography.Text>}
      </Space>
      <Progress
        percent={percent}
        status={job.status === 'failed' ? 'exception' : finished(job.status) ? 'success' : 'active'}
        data-testid="import-progress"
      />
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('roster.total')} value={job.total} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('roster.created')}
            value={job.created}
            styles={{ content: { color: '#389e0d' } }}
            data-testid="import-created"
            data-value={job.created}
          />
        </Col>
        <Col span={6}>
          <Statistic title={t('roster.existing')} value={job.existing} data-testid="import-existing" data-value={job.existing} />
        </Col>
        <Col span={6}>
          <Statistic
            title={t('roster.failed')}
            value={job.failed}
            styles={{ content: { color: job.failed > 0 ? '#cf1322' : undefined } }}
            data-testid="import-failed"
            data-value={job.failed}
          />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('roster.errors')}
      </Typography.Title>
      <Table<RowError>
        size="small"
        rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
        dataSource={job.errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('roster.noErrors') }}
        data-testid="import-errors"
        columns={[
          { title: t('roster.row'), dataIndex: 'row', width: 80 },
          { title: t('roster.column'), dataIndex: 'column', width: 220 },
          { title: t('roster.message'), dataIndex: 'message' },
        ]}
      />
    </Space>
  );
}

/** 名单导入: the template, an upload into the picked community, a progress bar, then counts and every row's problem. */
export function RosterImportPage() {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [jobId, setJobId] = useState<string | null>(null);
  const invalidate = useInvalidateKeyPersons();
  const upload = useMutation({
    mutationFn: (file: File) => startImport(file, jurisdiction?.id ?? ''),
    onSuccess: (job) => setJobId(job.id),
  });
  // Not under KEY_PERSONS_KEY: the lists are refreshed when the job ends, and that must not restart this poll.
  const job = useQuery({
    queryKey: ['roster-import', jobId],
    queryFn: () => unwrap(api.GET('/api/key-persons/imports/{id}', { params: { path: { id: jobId ?? '' } } })),
    enabled: jobId !== null,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 500),
  });
  const ended = finished(job.data?.status);
  useEffect(() => {
    if (ended) void invalidate();
  }, [ended, invalidate]);
  return (
    <Card
      title={t('roster.title')}
      extra={
        <Button icon={<DownloadOutlined />} href="/api/key-persons/imports/template" data-testid="roster-template">
          {t('roster.template')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('roster.intro')}
        </Typography.Paragraph>
        {jurisdiction ? (
          <Space>
            <Typography.Text>{t('roster.into')}</Typography.Text>
            <Tag color="blue" data-testid="roster-jurisdiction">
              {jurisdiction.name} · {labelOf(t, 'jurisdiction.level', jurisdiction.level)}
            </Tag>
          </Space>
        ) : (
          <Alert type="warning" showIcon title={t('keyPerson.pickScopeFirst')} />
        )}
        <Upload.Dragger
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={!jurisdiction || upload.isPending}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
          data-testid="roster-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('roster.upload')}</p>
          <p className="ant-upload-hint">{t('roster.uploadHint')}</p>
        </Upload.Dragger>
        {job.data && <Outcome job={job.data} />}
      </Space>
    </Card>
  );
}
