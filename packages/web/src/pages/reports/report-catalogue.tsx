import { DownloadOutlined } from '@ant-design/icons';
import type { ReportTemplateDefinition } from '@fangkong/core';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DatedExportModal } from '../../components/dated-export.modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { TemplateItem } from './report-queries.ts';

/** Who reports on a template, in words. */
function reporterOf(t: ReturnType<typeof useI18n>['t'], d: ReportTemplateDefinition): string {
  if (d.kind === 'generated') return t('report.generated');
  return d.reporter.kind === 'place' ? t('report.reporter.school') : t('report.reporter.village');
}

/**
 * 报表目录 (Annex A): every template with who reports, how often, by when, whether a zero report and a signature
 * apply, its version and basis; the tables the platform makes itself (人员解除隔离表, 核酸检测日报) open their export.
 */
export function ReportCatalogue({ templates }: { templates: readonly TemplateItem[] }) {
  const { t, language } = useI18n();
  const [exporting, setExporting] = useState<TemplateItem | null>(null);
  const exportPath = exporting ? (exporting.definition as unknown as ReportTemplateDefinition).platformExport?.path : undefined;
  return (
    <>
      <Table<TemplateItem>
        size="small"
        rowKey="id"
        dataSource={[...templates]}
        pagination={false}
        scroll={{ x: true }}
        data-testid="report-catalogue"
        columns={[
          {
            title: t('report.template'),
            key: 'name',
            render: (_, row) => {
              const d = row.definition as unknown as ReportTemplateDefinition;
              return (
                <Space size={4} wrap>
                  <span data-testid="catalogue-name">{language === 'en' ? d.nameEn : d.name}</span>
                  {d.annex && <Tag>{d.annex}</Tag>}
                  {d.group && <Tag>{t(`report.group.${d.group}` as 'report.group.triple_1300')}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('report.reporter'),
            key: 'reporter',
            render: (_, row) => reporterOf(t, row.definition as unknown as ReportTemplateDefinition),
          },
          {
            title: t('report.deadline'),
            key: 'deadline',
            render: (_, row) => {
              const d = row.definition as unknown as ReportTemplateDefinition;
              return d.kind === 'submitted' ? `${t('report.frequency.daily')} ${d.deadline.time}` : t('report.frequency.daily');
            },
          },
          {
            title: '',
            key: 'flags',
            render: (_, row) => {
              const d = row.definition as unknown as ReportTemplateDefinition;
              if (d.kind !== 'submitted') return null;
              return (
                <Space size={4} wrap>
                  {d.zeroReport.allowed && <Tag color="cyan">{t('report.zeroAllowed')}</Tag>}
                  {d.signature.required && <Tag color="purple">{t('report.signatureRequired')}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('report.version'),
            key: 'version',
            render: (_, row) => (
              <Space size={4}>
                v{row.version}
                {row.local && <Tag color="orange">{t('report.localVersion')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('report.basis'),
            key: 'basis',
            render: (_, row) => {
              const d = row.definition as unknown as ReportTemplateDefinition;
              return (
                <Typography.Text type="secondary">
                  {d.basis.source} {d.basis.clause}
                </Typography.Text>
              );
            },
          },
          {
            title: t('report.platformExport'),
            key: 'export',
            render: (_, row) =>
              row.canExportPlatform && (
                <Button size="small" icon={<DownloadOutlined />} onClick={() => setExporting(row)} data-testid="catalogue-export">
                  {t('common.download')}
                </Button>
              ),
          },
        ]}
      />
      <DatedExportModal
        open={exporting !== null}
        onClose={() => setExporting(null)}
        title={exporting?.name ?? ''}
        purposes={['report.purpose.upward', 'keyPerson.exportPurpose.dailyReport']}
        urlFor={(date, purpose) => `${exportPath ?? ''}?${new URLSearchParams({ date, purpose })}`}
      />
    </>
  );
}
