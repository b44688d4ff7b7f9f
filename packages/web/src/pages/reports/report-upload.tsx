import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { XlsxDropzone, xlsxBody } from '../../components/xlsx-import.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { openFile, useInvalidateReports } from './report-queries.ts';

interface CellError {
  row: number;
  column: string;
  field: string;
  code: string;
  message: string;
}

interface UploadProps {
  templateId: string;
  unitId: string;
  period: string;
  onDone: () => void;
}

/**
 * A table filled in offline (issue 15 item 2): the blank table to download, the filled one to upload; a wrong
 * column or cell refuses the whole table and each error is listed at its row and column.
 */
export function TableUpload({ templateId, unitId, period, onDone }: UploadProps) {
  const { t } = useI18n();
  const invalidate = useInvalidateReports();
  const [errors, setErrors] = useState<CellError[]>([]);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    setErrors([]);
    try {
      const saved = await unwrap(
        api.POST('/api/reports/submissions/upload', {
          params: { query: { templateId, unitId, period } },
          ...xlsxBody(await file.arrayBuffer()),
        }),
      );
      showSuccess(saved.status === 'draft' ? t('report.draftSaved') : t('report.submitted'));
      await invalidate();
      onDone();
    } catch (error) {
      const found = error instanceof ApiError ? (error.details as { errors?: CellError[] } | undefined)?.errors : undefined;
      if (found) setErrors(found);
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('report.upload')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => openFile(`/api/reports/templates/${templateId}/blank.xlsx`, true)}
          data-testid="report-blank"
        >
          {t('report.downloadBlank')}
        </Button>
        <XlsxDropzone disabled={busy} hint={t('report.uploadHint')} onFile={(file) => void upload(file)} testId="report-upload" />
        {errors.length > 0 && (
          <>
            <Typography.Text strong>{t('report.uploadErrors')}</Typography.Text>
            <Table<CellError>
              size="small"
              rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
              dataSource={errors}
              pagination={false}
              data-testid="report-upload-errors"
              columns={[
                { title: t('roster.row'), dataIndex: 'row', width: 70 },
                { title: t('roster.column'), dataIndex: 'column', width: 160 },
                { title: t('roster.message'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
