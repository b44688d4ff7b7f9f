import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Modal, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shanghaiToday } from '../key-persons/key-person-labels.ts';
import { COMMAND_KEY, commandLabel, type HeadquartersDetail, type RosterEntry, useInvalidateCommand } from './command-queries.ts';

const SHIFTS = ['day', 'night'] as const;
const WEEK = 7;

/** Everyone on the headquarters' rosters: leadership, groups and expert groups. */
export function everyone(hq: HeadquartersDetail): RosterEntry[] {
  return [...hq.leadership, ...hq.groups.flatMap((g) => g.roster), ...hq.expertGroups.flatMap((e) => e.members)];
}

interface Slot {
  dutyDate: string;
  shift: (typeof SHIFTS)[number];
}

function DutyModal({ hq, slot, onClose }: { hq: HeadquartersDetail; slot: Slot | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ leader?: string; officers: string[] }>();
  const invalidate = useInvalidateCommand();
  const save = useMutation({
    mutationFn: (v: { leader?: string; officers: string[] }) =>
      unwrap(
        api.PUT('/api/command/headquarters/{id}/duty', {
          params: { path: { id: hq.id } },
          body: {
            dutyDate: slot?.dutyDate ?? '',
            shift: slot?.shift ?? 'day',
            ...(v.leader ? { leaderRosterMemberId: v.leader } : {}),
            officerRosterMemberIds: v.officers ?? [],
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('command.duty.saved'));
      onClose();
      await invalidate();
    },
  });
  const options = everyone(hq).map((e) => ({ value: e.id, label: `${e.name}（${commandLabel(t, 'command.role', e.role)}）` }));
  return (
    <Modal
      open={slot !== null}
      title={slot ? `${slot.dutyDate} ${commandLabel(t, 'command.shift', slot.shift)}` : ''}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => save.mutate(v))}
      confirmLoading={save.isPending}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ officers: [] }}>
        <Form.Item name="leader" label={t('command.duty.leader')}>
          <Select allowClear showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="officers" label={t('command.duty.officers')}>
          <Select mode="multiple" optionFilterProp="label" options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A week of 24-hour duty (ORG-065): day and night shifts with the leader and officers, and the days left uncovered. */
export function DutyTab({ hq, canEdit }: { hq: HeadquartersDetail; canEdit: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Slot | null>(null);
  const from = shanghaiToday();
  const to = dayjs(from)
    .add(WEEK - 1, 'day')
    .format('YYYY-MM-DD');
  const duty = useQuery({
    queryKey: [...COMMAND_KEY, 'duty', hq.id, from],
    queryFn: () => unwrap(api.GET('/api/command/headquarters/{id}/duty', { params: { path: { id: hq.id }, query: { from, to } } })),
  });
  const items = duty.data?.items ?? [];
  const rows = Array.from({ length: WEEK }, (_, i) => dayjs(from).add(i, 'day').format('YYYY-MM-DD')).flatMap((dutyDate) =>
    SHIFTS.map((shift) => {
      const on = items.filter((d) => d.dutyDate === dutyDate && (d.shift === shift || d.shift === 'full_day'));
      return {
        key: `${dutyDate}-${shift}`,
        dutyDate,
        shift,
        leader: on.filter((d) => d.dutyRole === 'leader').map((d) => `${d.name} ${d.phone ?? ''}`.trim()),
        officers: on.filter((d) => d.dutyRole === 'officer').map((d) => `${d.name} ${d.phone ?? ''}`.trim()),
      };
    }),
  );
  const uncovered = duty.data?.uncovered ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={uncovered.length > 0 ? 'warning' : 'success'}
        showIcon
        message={uncovered.length > 0 ? t('command.duty.uncovered', { days: uncovered.join('、') }) : t('command.duty.covered')}
      />
      <Table
        size="small"
        pagination={false}
        loading={duty.isFetching}
        dataSource={rows}
        columns={[
          { title: t('command.duty.date'), dataIndex: 'dutyDate' },
          { title: t('command.duty.shift'), dataIndex: 'shift', render: (v: string) => commandLabel(t, 'command.shift', v) },
          { title: t('command.duty.leader'), dataIndex: 'leader', render: (v: string[]) => v.join('、') || '—' },
          { title: t('command.duty.officers'), dataIndex: 'officers', render: (v: string[]) => v.join('、') || '—' },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, row: Slot) => (
                    <Button size="small" type="link" onClick={() => setEditing({ dutyDate: row.dutyDate, shift: row.shift })}>
                      {t('command.duty.set')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DutyModal hq={hq} slot={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
