import { InboxOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Col, Progress, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect } from 'react';
import type { ImportJob } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { labelOf } from '../i18n/labels.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type RowError = ImportJob['errors'][number];

export const importFinished = (status: string | undefined) => status === 'done' || status === 'failed';

/** The request options that send a file as the raw .xlsx body (the generated client would otherwise send JSON). */
export function xlsxBody(body: ArrayBuffer) {
  return { body: body as never, bodySerializer: (raw: unknown) => raw as ArrayBuffer, headers: { 'content-type': XLSX_MIME } };
}

/** Polls a job until it is done or failed; `onEnd` runs once when it ends (to refresh the lists it changed). */
export function useImportJob<J extends ImportJob>(key: string, id: string | null, read: (id: string) => Promise<J>, onEnd: () => void) {
  const job = useQuery({
    queryKey: [key, id],
    queryFn: () => read(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) => (importFinished(query.state.data?.status) ? false : 500),
  });
  const ended = importFinished(job.data?.status);
  useEffect(() => {
    if (ended) onEnd();
  }, [ended, onEnd]);
  return job;
}

interface DropzoneProps {
  disabled: boolean;
  hint: string;
  onFile: (file: File) => void;
  testId: string;
}

/** The drop area for one .xlsx file; the file goes to `onFile` instead of antd's own upload. */
export function XlsxDropzone({ disabled, hint, onFile, testId }: DropzoneProps) {
  const { t } = useI18n();
  return (
    <Upload.Dragger
      accept=".xlsx"
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
      data-testid={testId}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('roster.upload')}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
  );
}

interface OutcomeProps {
  job: ImportJob;
  /** What a created and an existing row mean for this roster. */
  createdLabel: string;
  existingLabel: string;
}

/** A job's progress bar, its counts, and every row's problem with its row and column. */
export function ImportOutcome({ job, createdLabel, existingLabel }: OutcomeProps) {
  const { t } = useI18n();
  const done = importFinished(job.status);
  const percent = job.total === 0 ? (done ? 100 : 0) : Math.round((job.processed / job.total) * 100);
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
        status={job.status === 'failed' ? 'exception' : done ? 'success' : 'active'}
        data-testid="import-progress"
      />
      <Row gutter={16}>
        <Col span={6}>
          <Statistic title={t('roster.total')} value={job.total} />
        </Col>
        <Col span={6}>
          <Statistic
            title={createdLabel}
            value={job.created}
            styles={{ content: { color: '#389e0d' } }}
            data-testid="import-created"
            data-value={job.created}
          />
        </Col>
        <Col span={6}>
          <Statistic title={existingLabel} value={job.existing} data-testid="import-existing" data-value={job.existing} />
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
