import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ImportOutcome, useImportJob, XlsxDropzone, xlsxBody } from '../../components/xlsx-import.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { useInvalidateKeyPersons } from './key-person-queries.ts';

/** Uploads the file as the request body without waiting for the import; the page then polls its progress. */
async function startImport(file: File, jurisdictionId: string) {
  return unwrap(
    api.POST('/api/key-persons/imports', {
      params: { query: { jurisdictionId, fileName: file.name, wait: false } },
      ...xlsxBody(await file.arrayBuffer()),
    }),
  );
}

const readJob = (id: string) => unwrap(api.GET('/api/key-persons/imports/{id}', { params: { path: { id } } }));

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
  const job = useImportJob('roster-import', jobId, readJob, invalidate);
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
        <XlsxDropzone
          disabled={!jurisdiction || upload.isPending}
          hint={t('roster.uploadHint')}
          onFile={(file) => upload.mutate(file)}
          testId="roster-upload"
        />
        {job.data && <ImportOutcome job={job.data} createdLabel={t('roster.created')} existingLabel={t('roster.existing')} />}
      </Space>
    </Card>
  );
}
