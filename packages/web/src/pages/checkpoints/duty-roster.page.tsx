import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Modal, message, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { CHECKPOINTS_KEY, useCheckpoints } from './checkpoint-queries.ts';
import { useCheckpointText } from './checkpoint-text.ts';

type Shift = { shiftDate: string; shift: 'day' | 'night'; staff: { name: string }[]; problems: { minimum: number; onDuty: number }[] };

function EditShift({ checkpointId, shift, onClose }: { checkpointId: string; shift: Shift | null; onClose: () => void }) {
  const t = useCheckpointText();
  const queryClient = useQueryClient();
  const [names, setNames] = useState('');
  const save = async () => {
    if (!shift) return;
    const staff = names
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((name) => ({ name }));
    try {
      await unwrap(
        api.PUT('/api/checkpoints/{id}/shifts', {
          params: { path: { id: checkpointId } },
          body: { shiftDate: shift.shiftDate, shift: shift.shift, staff },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: CHECKPOINTS_KEY });
      onClose();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Modal
      open={shift !== null}
      title={shift ? `${shift.shiftDate} ${t(shift.shift)}` : ''}
      onOk={save}
      onCancel={onClose}
      okText={t('save')}
      afterOpenChange={(open) => open && setNames((shift?.staff ?? []).map((s) => s.name).join('\n'))}
      destroyOnHidden
    >
      <Input.TextArea
        rows={6}
        value={names}
        placeholder={t('staffNames')}
        onChange={(e) => setNames(e.target.value)}
        data-testid="shift-staff"
      />
    </Modal>
  );
}

/** A week of day and night shifts per checkpoint, each checked against the staffing minimum (seed 001 §三(二)1). */
export function DutyRosterPage() {
  const t = useCheckpointText();
  const { can } = useSession();
  const checkpoints = useCheckpoints();
  const [chosen, setChosen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Shift | null>(null);
  const checkpointId = chosen ?? checkpoints.data?.items[0]?.id ?? null;
  const roster = useQuery({
    queryKey: [...CHECKPOINTS_KEY, 'shifts', checkpointId],
    queryFn: () => unwrap(api.GET('/api/checkpoints/{id}/shifts', { params: { path: { id: checkpointId ?? '' }, query: { days: 7 } } })),
    enabled: checkpointId !== null,
  });
  return (
    <Card
      title={t('rosterTitle')}
      extra={
        <Select
          style={{ minWidth: 240 }}
          value={checkpointId}
          onChange={setChosen}
          options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      }
    >
      <Table<Shift>
        size="small"
        rowKey={(s) => `${s.shiftDate}-${s.shift}`}
        loading={roster.isPending && checkpointId !== null}
        dataSource={roster.data?.shifts ?? []}
        pagination={false}
        data-testid="roster-table"
        columns={[
          { title: t('date'), dataIndex: 'shiftDate' },
          { title: t('shift'), dataIndex: 'shift', render: (shift: string) => t(shift) },
          { title: t('staff'), render: (_, s) => s.staff.map((m) => m.name).join('、') || '—' },
          {
            title: t('staffing'),
            render: (_, s) =>
              s.problems.length === 0 ? (
                <Tag color="green">{t('enough')}</Tag>
              ) : (
                s.problems.map((p) => (
                  <Tag color="red" key={p.minimum}>
                    {t('short', { minimum: p.minimum, onDuty: p.onDuty })}
                  </Tag>
                ))
              ),
          },
          ...(can('checkpoint.manage')
            ? [
                {
                  title: '',
                  render: (_: unknown, s: Shift) => (
                    <Button size="small" onClick={() => setEditing(s)}>
                      {t('edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {checkpointId && <EditShift checkpointId={checkpointId} shift={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
