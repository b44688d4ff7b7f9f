import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Drawer, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { COMMAND_KEY, commandLabel, type Finding, useInvalidateCommand } from './command-queries.ts';
import { FindingsTable } from './supervision.page.tsx';
import { TaskDrawer } from './task-drawer.tsx';

const KINDS = ['commendation', 'circulated_criticism', 'admonishment', 'accountability'] as const;
const KIND_COLORS: Record<string, string> = {
  commendation: 'green',
  circulated_criticism: 'orange',
  admonishment: 'gold',
  accountability: 'red',
};

interface RecordValues {
  kind: (typeof KINDS)[number];
  basis: string;
  findingId?: string;
  decidedBy: string;
  decidedOn: Dayjs;
}

function AddRecordModal({ unitId, findings, open, onClose }: { unitId: string; findings: Finding[]; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecordValues>();
  const invalidate = useInvalidateCommand();
  const add = useMutation({
    mutationFn: (v: RecordValues) =>
      unwrap(
        api.POST('/api/accountability/records', {
          body: {
            orgUnitId: unitId,
            kind: v.kind,
            basis: v.basis.trim(),
            decidedBy: v.decidedBy.trim(),
            decidedOn: v.decidedOn.format('YYYY-MM-DD'),
            ...(v.findingId ? { findingId: v.findingId } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('accountability.added'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['kind', 'basis', 'findingId', 'decidedBy', 'decidedOn']),
  });
  return (
    <Modal
      open={open}
      title={t('accountability.add')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => add.mutate(v))}
      confirmLoading={add.isPending}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'circulated_criticism', decidedOn: dayjs() }}>
        <Form.Item name="kind" label={t('accountability.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: commandLabel(t, 'accountability.kind', k) }))} />
        </Form.Item>
        <Form.Item name="findingId" label={t('accountability.finding')}>
          <Select allowClear options={findings.map((f) => ({ value: f.id, label: f.description }))} />
        </Form.Item>
        <Form.Item name="basis" label={t('accountability.basis')} rules={[{ required: true, max: 1000, whitespace: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="decidedBy" label={t('accountability.decidedBy')} rules={[{ required: true, max: 100, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('accountability.decidedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One unit's record (SUP-002…004): commendations and accountability with their basis, and every finding it was to rectify. */
function UnitDrawer({ unitId, onClose }: { unitId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [adding, setAdding] = useState(false);
  const [taskId, setTaskId] = useState<string | null>(null);
  const unit = useQuery({
    queryKey: [...COMMAND_KEY, 'accountability', unitId],
    queryFn: () => unwrap(api.GET('/api/accountability/units/{id}', { params: { path: { id: unitId ?? '' } } })),
    enabled: unitId !== null,
  });
  const d = unit.data;
  return (
    <Drawer
      open={unitId !== null}
      width={900}
      title={t('accountability.detail', { name: d?.unit.name ?? '' })}
      onClose={onClose}
      destroyOnHidden
    >
      {d && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          {can('supervision.write') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="accountability-add">
              {t('accountability.add')}
            </Button>
          )}
          <List
            header={<Typography.Text strong>{t('accountability.records')}</Typography.Text>}
            dataSource={d.records}
            locale={{ emptyText: t('accountability.none') }}
            renderItem={(r) => (
              <List.Item>
                <Space>
                  <Tag color={KIND_COLORS[r.kind]}>{commandLabel(t, 'accountability.kind', r.kind)}</Tag>
                  {r.decidedOn} · {r.decidedBy}：{r.basis}
                </Space>
              </List.Item>
            )}
          />
          <FindingsTable findings={d.findings} canRecheck={false} onRecheck={() => {}} onOpenTask={setTaskId} />
          <AddRecordModal unitId={d.unit.id} findings={d.findings} open={adding} onClose={() => setAdding(false)} />
          <TaskDrawer taskId={taskId} onClose={() => setTaskId(null)} />
        </Space>
      )}
    </Drawer>
  );
}

/** 问责记录: units in my scope with findings, overdue tasks or records, each opening to its full record. */
export function AccountabilityPage() {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(null);
  const ledger = useQuery({ queryKey: [...COMMAND_KEY, 'ledger'], queryFn: () => unwrap(api.GET('/api/accountability')) });
  return (
    <Card title={t('menu.accountability')}>
      <Table
        rowKey={(r) => r.unit.id}
        loading={ledger.isFetching}
        dataSource={ledger.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('accountability.none') }}
        data-testid="ledger-table"
        columns={[
          {
            title: t('accountability.unit'),
            key: 'unit',
            render: (_: unknown, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setUnitId(r.unit.id)}>
                {r.unit.name}
              </Button>
            ),
          },
          { title: t('accountability.jurisdiction'), key: 'jurisdiction', render: (_: unknown, r) => r.unit.jurisdictionName },
          { title: t('accountability.findings'), dataIndex: 'findings' },
          { title: t('accountability.openFindings'), dataIndex: 'openFindings' },
          {
            title: t('accountability.overdueTasks'),
            dataIndex: 'overdueTasks',
            render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
          },
          {
            title: t('accountability.records'),
            dataIndex: 'records',
            render: (records: Record<string, number>) => (
              <Space wrap>
                {Object.entries(records).map(([kind, n]) => (
                  <Tag key={kind} color={KIND_COLORS[kind]}>
                    {commandLabel(t, 'accountability.kind', kind)} {n}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <UnitDrawer unitId={unitId} onClose={() => setUnitId(null)} />
    </Card>
  );
}
