import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Input, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { LabCorrectionCard } from './lab-correction.card.tsx';
import { LabCorrectionsQueue } from './lab-corrections.queue.tsx';
import { useInvalidateTesting } from './testing-queries.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Source {
  body: ArrayBuffer;
  fileName: string;
  mime: string;
}

function sendFile(source: Source, labName: string) {
  return unwrap(
    api.POST('/api/testing/lab-results/imports', {
      params: { query: { wait: true, fileName: source.fileName, ...(labName.trim().length >= 2 ? { labName: labName.trim() } : {}) } },
      body: source.body as never,
      bodySerializer: (raw: unknown) => raw as ArrayBuffer,
      headers: { 'content-type': source.mime },
    }),
  );
}

/** The labs the platform knows (GET /api/testing/labs), offered as the 送检实验室 input's choices; a new lab can still be typed. */
function KnownLabs() {
  const labs = useQuery({ queryKey: ['testing', 'labs'], queryFn: () => unwrap(api.GET('/api/testing/labs')) });
  return (
    <datalist id="known-labs" data-testid="known-labs">
      {(labs.data?.items ?? []).map((lab) => (
        <option key={lab.name} value={lab.name} />
      ))}
    </datalist>
  );
}

function Turnaround() {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['testing', 'turnaround'], queryFn: () => unwrap(api.GET('/api/testing/turnaround')) });
  return (
    <Card title={t('testing.turnaround')}>
      <Table
        data-testid="turnaround-table"
        size="small"
        rowKey={(row) => `${row.labName}/${row.pointId ?? ''}/${row.setting}`}
        loading={report.isPending}
        pagination={false}
        dataSource={report.data?.rows ?? []}
        columns={[
          { title: t('testing.labName'), dataIndex: 'labName' },
          { title: t('testing.point'), dataIndex: 'pointName' },
          { title: t('testing.setting'), dataIndex: 'setting' },
          { title: t('testing.results'), dataIndex: 'results' },
          { title: t('testing.avgHours'), dataIndex: 'averageHours', render: (h: number | null) => h?.toFixed(1) },
          { title: t('testing.maxHours'), dataIndex: 'maxHours', render: (h: number | null) => h?.toFixed(1) },
          { title: t('testing.limit'), dataIndex: 'limitHours' },
          {
            title: t('testing.overLimit'),
            dataIndex: 'overLimit',
            render: (n: number) => <Tag color={n > 0 ? 'red' : 'green'}>{n}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

/** 实验室结果: a lab's CSV or Excel file (or pasted CSV), the per-row errors and counts, result corrections, and turnaround. */
export function TestingLabResultsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const [labName, setLabName] = useState('');
  const [pasted, setPasted] = useState('');
  const invalidate = useInvalidateTesting();
  const send = useMutation({
    mutationFn: (source: Source) => sendFile(source, labName),
    onSuccess: () => void invalidate(),
    onError: (error) => message.error(error.message),
  });
  const job = send.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('testing.labResults')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space>
            <Typography.Text>{t('testing.labName')}</Typography.Text>
            <Input
              data-testid="lab-name"
              style={{ width: 240 }}
              value={labName}
              list="known-labs"
              placeholder={t('testing.labNamePick')}
              onChange={(e) => setLabName(e.target.value)}
            />
            <KnownLabs />
            <Typography.Text type="secondary">{t('testing.labNameHint')}</Typography.Text>
            <Button icon={<DownloadOutlined />} href="/api/testing/lab-results/template" data-testid="lab-template">
              {t('testing.labTemplate')}
            </Button>
          </Space>
          <Upload.Dragger
            accept=".csv,.xlsx"
            showUploadList={false}
            data-testid="lab-upload"
            beforeUpload={(file) => {
              void file
                .arrayBuffer()
                .then((body) =>
                  send.mutate({ body, fileName: file.name, mime: file.name.toLowerCase().endsWith('.xlsx') ? XLSX_MIME : 'text/csv' }),
                );
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{t('testing.upload')}</p>
          </Upload.Dragger>
          <Typography.Text type="secondary">{t('testing.paste')}</Typography.Text>
          <Input.TextArea
            data-testid="lab-paste"
            rows={4}
            value={pasted}
            placeholder={'条码,结果,检测时间\nT-000001,阴性,2022-07-10 14:30'}
            onChange={(e) => setPasted(e.target.value)}
          />
          <Button
            type="primary"
            data-testid="lab-send"
            disabled={!pasted.trim()}
            loading={send.isPending}
            onClick={() =>
              send.mutate({ body: new TextEncoder().encode(pasted).buffer as ArrayBuffer, fileName: 'pasted.csv', mime: 'text/csv' })
            }
          >
            {t('testing.send')}
          </Button>
        </Space>
      </Card>
      {job && (
        <Card title={t('testing.imported')} data-testid="lab-outcome" data-status={job.status}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title={t('testing.total')} value={job.total} />
              </Col>
              <Col span={6}>
                <span data-testid="lab-created" data-value={job.created}>
                  <Statistic title={t('testing.createdRows')} value={job.created} styles={{ content: { color: '#389e0d' } }} />
                </span>
              </Col>
              <Col span={6}>
                <Statistic title={t('testing.existingRows')} value={job.existing} />
              </Col>
              <Col span={6}>
                <span data-testid="lab-failed" data-value={job.failed}>
                  <Statistic
                    title={t('testing.failedRows')}
                    value={job.failed}
                    styles={{ content: { color: job.failed ? '#cf1322' : undefined } }}
                  />
                </span>
              </Col>
            </Row>
            <Alert
              type={job.followUp.controlTasks > 0 ? 'warning' : 'info'}
              showIcon
              data-testid="lab-follow-up"
              title={t('testing.followUp', {
                control: job.followUp.controlTasks,
                cases: job.followUp.caseCandidates,
                alerts: job.followUp.alerts,
              })}
            />
            {job.errors.length > 0 && (
              <Table
                data-testid="lab-errors"
                size="small"
                rowKey={(e) => `${e.row}/${e.column}/${e.code}`}
                pagination={{ pageSize: 20 }}
                dataSource={job.errors}
                columns={[
                  { title: t('testing.row'), dataIndex: 'row' },
                  { title: t('testing.column'), dataIndex: 'column' },
                  { title: t('testing.error'), dataIndex: 'message' },
                ]}
              />
            )}
          </Space>
        </Card>
      )}
      <LabCorrectionCard mayRequest />
      <LabCorrectionsQueue />
      {can('testing.read') && <Turnaround />}
    </Space>
  );
}
