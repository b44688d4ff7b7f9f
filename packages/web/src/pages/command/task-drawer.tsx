import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Image, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, commandLabel, TASK_STATE_COLORS, type TaskDetail, type TaskItem, useInvalidateCommand } from './command-queries.ts';

const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

export function TaskStateTag({ task }: { task: Pick<TaskItem, 'state' | 'late'> }) {
  const { t } = useI18n();
  const label = task.state === 'done' && task.late ? t('task.lateDone') : commandLabel(t, 'task.state', task.state);
  return (
    <Tag color={TASK_STATE_COLORS[task.state]} data-testid="task-state" data-state={task.state}>
      {label}
    </Tag>
  );
}

export function unitsText(t: ReturnType<typeof useI18n>['t'], units: TaskItem['units']) {
  return units.map((u) => `${u.name}（${commandLabel(t, 'task.unitRole', u.role)}）`).join('、') || '—';
}

/** Sends the file as the raw body (the generated client would send JSON). */
async function uploadEvidence(taskId: string, file: File) {
  return unwrap(
    api.POST('/api/tasks/{id}/evidence', {
      params: { path: { id: taskId }, query: { fileName: file.name } },
      body: (await file.arrayBuffer()) as never,
      bodySerializer: (raw: unknown) => raw as ArrayBuffer,
      headers: { 'content-type': file.type },
    }),
  );
}

function EvidenceList({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      dataSource={task.evidence}
      locale={{ emptyText: t('task.noEvidence') }}
      data-testid="task-evidence"
      renderItem={(e) => {
        const url = `/api/tasks/${task.id}/evidence/${e.id}`;
        return (
          <List.Item>
            <Space>
              {e.contentType.startsWith('image/') && <Image width={48} src={url} alt={e.fileName} />}
              <a href={url}>{e.fileName}</a>
              <Typography.Text type="secondary">
                {Math.ceil(e.sizeBytes / 1024)} KiB · {e.uploadedByName ?? '—'} · {formatTime(e.uploadedAt, 'MM-DD HH:mm')}
              </Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

function CloseForm({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note: string }>();
  const invalidate = useInvalidateCommand();
  const upload = useMutation({
    mutationFn: (file: File) => uploadEvidence(task.id, file),
    onSuccess: async (saved) => {
      showSuccess(t('task.uploaded', { name: saved.fileName }));
      await invalidate();
    },
    onError: showError,
  });
  const close = useMutation({
    mutationFn: (note: string) => unwrap(api.POST('/api/tasks/{id}/close', { params: { path: { id: task.id } }, body: { note } })),
    onSuccess: async () => {
      showSuccess(t('task.closed'));
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['note']),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept={EVIDENCE_TYPES.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="task-upload">
          {t('task.uploadEvidence')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{t('task.evidenceHint')}</Typography.Text>
      <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v.note.trim())}>
        <Form.Item name="note" label={t('task.closeNote')} rules={[{ required: true, max: 1000, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="task-close-note" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={close.isPending} disabled={task.evidence.length === 0} data-testid="task-close">
          {t('task.close')}
        </Button>
      </Form>
    </Space>
  );
}

/** One task: who has it, by when, its evidence; the assignee's side (or the issuer) uploads evidence and closes it. */
export function TaskDrawer({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const task = useQuery({
    queryKey: [...COMMAND_KEY, 'task', taskId],
    queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id: taskId ?? '' } } })),
    enabled: taskId !== null,
  });
  const d = task.data;
  return (
    <Drawer open={taskId !== null} width={640} title={d?.title ?? t('task.detail')} onClose={onClose} destroyOnHidden>
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('task.state')}>
              <TaskStateTag task={d} />
            </Descriptions.Item>
            <Descriptions.Item label={t('task.dueAt')}>{formatTime(d.dueAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
            <Descriptions.Item label={t('task.source')}>{commandLabel(t, 'task.source', d.sourceKind)}</Descriptions.Item>
            <Descriptions.Item label={t('task.jurisdiction')}>{d.jurisdictionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('task.group')}>{d.workingGroupName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('task.units')}>{unitsText(t, d.units)}</Descriptions.Item>
            <Descriptions.Item label={t('task.assignee')}>{d.assigneeName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('task.description')}>{d.description ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('task.createdBy')}>{d.createdByName ?? '—'}</Descriptions.Item>
            {d.closedAt && (
              <Descriptions.Item label={t('task.closedBy')}>
                {d.closedByName ?? '—'} · {formatTime(d.closedAt, 'YYYY-MM-DD HH:mm')} · {d.closingNote}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('task.evidence')}</Typography.Title>
            <EvidenceList task={d} />
          </div>
          {d.closable && <CloseForm task={d} />}
        </Space>
      )}
    </Drawer>
  );
}
