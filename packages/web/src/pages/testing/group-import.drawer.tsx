import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Drawer, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ImportOutcome, useImportJob, XlsxDropzone, xlsxBody } from '../../components/xlsx-import.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ScopedJurisdiction } from '../../jurisdictions/scope.tsx';
import type { GroupCoverage, GroupId } from './group-queries.ts';
import { groupLabel, useGroupCoverage } from './group-queries.ts';
import { useInvalidateTesting } from './testing-queries.ts';

const BY_FILE = 'byFile';

/** Sends the file without waiting; the drawer then polls the job's progress. */
async function startImport(file: File, jurisdictionId: string, group: GroupId | undefined) {
  return unwrap(
    api.POST('/api/testing/group-imports', {
      params: { query: { jurisdictionId, fileName: file.name, wait: false, ...(group ? { group } : {}) } },
      ...xlsxBody(await file.arrayBuffer()),
    }),
  );
}

const readJob = (id: string) => unwrap(api.GET('/api/testing/group-imports/{id}', { params: { path: { id } } }));

interface Props {
  open: boolean;
  onClose: () => void;
  /** The group picked on the page: the upload's group unless the file names each row's group. */
  group: GroupId | undefined;
  jurisdiction: ScopedJurisdiction;
}

/** 导入应检尽检名单: template, the group of the upload, the file, then progress, counts and every row's problem. */
export function GroupImportDrawer({ open, onClose, group, jurisdiction }: Props) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string | undefined>();
  const [jobId, setJobId] = useState<string | null>(null);
  const invalidate = useInvalidateTesting();
  const groups = useGroupCoverage(jurisdiction.id).data?.groups ?? [];
  const uploadGroup = (chosen ?? group ?? BY_FILE) === BY_FILE ? undefined : ((chosen ?? group) as GroupId);
  const upload = useMutation({
    mutationFn: (file: File) => startImport(file, jurisdiction.id, uploadGroup),
    onSuccess: (job) => setJobId(job.id),
  });
  // Its own key, outside `testing`: refreshing the coverage when the job ends must not restart this poll.
  const job = useImportJob('group-import', jobId, readJob, invalidate);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('testing.groups.importTitle')}
      data-testid="group-import"
      extra={
        <Button icon={<DownloadOutlined />} href="/api/testing/group-imports/template" data-testid="group-import-template">
          {t('testing.groups.template')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('testing.groups.importIntro')}
        </Typography.Paragraph>
        <Space>
          <Typography.Text>{t('testing.groups.importGroup')}</Typography.Text>
          <Select
            style={{ width: 300 }}
            data-testid="group-import-group"
            value={uploadGroup ?? BY_FILE}
            onChange={setChosen}
            options={[
              { value: BY_FILE, label: t('testing.groups.byFile') },
              ...groups.map((g: GroupCoverage) => ({ value: g.group, label: groupLabel(t, g.group) })),
            ]}
          />
        </Space>
        <XlsxDropzone
          disabled={upload.isPending}
          hint={t('testing.groups.importHint', { name: jurisdiction.name })}
          onFile={(file) => upload.mutate(file)}
          testId="group-import-upload"
        />
        {job.data && (
          <ImportOutcome job={job.data} createdLabel={t('testing.groups.created')} existingLabel={t('testing.groups.existing')} />
        )}
      </Space>
    </Drawer>
  );
}
