import { DownloadOutlined, EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { ReportColumn, SubmittedTemplate } from '@fangkong/core';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type Language, type Translate, useI18n } from '../../i18n/i18n.tsx';
import { PurposeModal, SignModal } from './report-modals.tsx';
import {
  definitionOf,
  labelIn,
  openFile,
  type SubmissionDetail,
  statusLabel,
  useInvalidateReports,
  useSubmission,
} from './report-queries.ts';

/** A cell as the table shows it: a choice by its label in the page's language. */
export function cellText(language: Language, column: ReportColumn, value: unknown): string {
  if (value === null || value === undefined) return '';
  const choice = column.choices?.find((c) => c.value === value);
  return choice ? labelIn(language, choice) : String(value);
}

function Figures({ template, s }: { template: SubmittedTemplate; s: SubmissionDetail }) {
  const { language } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered data-testid="submission-figures">
      {template.figures.map((f) => (
        <Descriptions.Item key={f.key} label={labelIn(language, f)}>
          <span data-testid={`figure-${f.key}`}>{s.figures[f.key] ?? '—'}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Rows({ template, s }: { template: SubmittedTemplate; s: SubmissionDetail }) {
  const { t, language } = useI18n();
  if (template.columns.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {s.rowsMasked && <Typography.Text type="secondary">{t('report.masked')}</Typography.Text>}
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        dataSource={s.rows}
        pagination={false}
        scroll={{ x: true }}
        columns={template.columns.map((c) => ({
          title: labelIn(language, c),
          key: c.key,
          render: (_: unknown, row: Record<string, unknown>) => cellText(language, c, row[c.key]),
        }))}
      />
    </Space>
  );
}

function Signature({ s, t }: { s: SubmissionDetail; t: Translate }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="submission-signature">
      <Descriptions.Item label={t('report.state')}>
        <Space>
          <Tag color={s.status === 'draft' ? 'gold' : 'blue'} data-testid="submission-status" data-status={s.status}>
            {statusLabel(t, s.status)}
          </Tag>
          {s.zero && <Tag color="cyan">{t('report.zero')}</Tag>}
          {s.late && <Tag color="orange">{t('report.late')}</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('report.dueAt')}>{formatTime(s.dueAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label={t('report.submittedAt')}>{formatTime(s.submittedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label={t('report.signer')}>{s.signerName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('report.signedAt')}>{formatTime(s.signedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
      <Descriptions.Item label={t('report.sealHolder')}>{s.sealHolder ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** What leaves the platform from the drawer: the printable signed PDF and the seed's table in Excel, each for a stated purpose. */
function Files({ id }: { id: string }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<'pdf' | 'xlsx' | null>(null);
  const url = (format: 'pdf' | 'xlsx', purpose: string) =>
    `/api/reports/submissions/${id}/${format === 'pdf' ? 'print.pdf' : 'table.xlsx'}?${new URLSearchParams({ purpose })}`;
  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setAsking('pdf')} data-testid="submission-pdf">
        {t('report.printPdf')}
      </Button>
      <Button icon={<DownloadOutlined />} onClick={() => setAsking('xlsx')} data-testid="submission-xlsx">
        {t('report.exportXlsx')}
      </Button>
      <PurposeModal
        open={asking !== null}
        title={asking === 'pdf' ? t('report.printPdf') : t('report.exportXlsx')}
        onClose={() => setAsking(null)}
        onPurpose={(purpose) => asking && openFile(url(asking, purpose), asking === 'xlsx')}
      />
    </>
  );
}

/** One report: its figures and rows, who signed when with the seal holder, its revisions; sign a draft; print or export it. */
export function SubmissionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const detail = useSubmission(id);
  const invalidate = useInvalidateReports();
  const [signing, setSigning] = useState(false);
  const s = detail.data;
  const template = s ? definitionOf(s.definition) : null;
  const sign = async (signature: { password: string; sealHolder?: string }) => {
    await unwrap(api.POST('/api/reports/submissions/{id}/sign', { params: { path: { id: id ?? '' } }, body: signature }));
    setSigning(false);
    showSuccess(t('report.signed'));
    await invalidate();
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={s ? `${s.templateName} · ${s.unit.name} · ${s.period}` : ''}
      destroyOnHidden
    >
      {s && template && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="submission-drawer">
          <Space wrap>
            {s.status === 'draft' && can('report.sign') && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="submission-sign">
                {t('report.sign')}
              </Button>
            )}
            <Files id={s.id} />
          </Space>
          {s.status === 'draft' && <Alert type="warning" showIcon message={t('report.draftHint')} />}
          <Signature s={s} t={t} />
          <Figures template={template} s={s} />
          <Rows template={template} s={s} />
          {s.notes && <Typography.Paragraph>{s.notes}</Typography.Paragraph>}
          <Typography.Title level={5}>{t('report.revisions')}</Typography.Title>
          <Timeline
            items={s.revisions.map((r) => ({
              color: r.status === 'superseded' ? 'gray' : 'blue',
              children: `${t('report.revision')} ${r.revision} · ${statusLabel(t, r.status)} · ${formatTime(r.submittedAt ?? r.createdAt, 'YYYY-MM-DD HH:mm')}${r.correctionReason ? ` · ${r.correctionReason}` : ''}`,
            }))}
          />
          <SignModal open={signing} seal={template.signature.seal} onClose={() => setSigning(false)} onSign={sign} />
        </Space>
      )}
    </Drawer>
  );
}
