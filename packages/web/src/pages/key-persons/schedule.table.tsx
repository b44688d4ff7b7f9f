import { Button, Table, Tag } from 'antd';
import type { ScheduleItem } from '../../api/key-person-types.ts';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { RESULT_COLORS, shanghaiToday } from './key-person-labels.ts';
import type { TestToRecord } from './record-test.modal.tsx';

interface Props {
  items: readonly ScheduleItem[];
  /** Null when the caller may not record (read-only role, or the episode is no longer active). */
  onRecord: ((test: TestToRecord) => void) | null;
}

/** Due today or earlier and not yet answered: never sampled, or sampled with the result still pending. */
const recordable = (item: ScheduleItem, today: string) =>
  item.dueDate <= today && (item.status === 'due' || (item.status === 'done' && item.result === 'pending'));

/** Tests and follow-ups of an episode with their due dates; an item due today or earlier can have its result recorded. */
export function ScheduleTable({ items, onRecord }: Props) {
  const { t } = useI18n();
  const today = shanghaiToday();
  return (
    <Table<ScheduleItem>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...items]}
      data-testid="schedule-table"
      onRow={(item) => ({ 'data-testid': 'schedule-row', 'data-due': item.dueDate, 'data-status': item.status }) as object}
      columns={[
        {
          title: t('keyPerson.item'),
          key: 'item',
          render: (_, item) =>
            item.kind === 'test'
              ? labelOf(t, 'keyPerson.testKind', item.testKind)
              : `${labelOf(t, 'keyPerson.itemKind', item.kind)}${item.testKind ? ` · ${labelOf(t, 'keyPerson.testKind', item.testKind)}` : ''}`,
        },
        {
          title: t('keyPerson.dueDate'),
          dataIndex: 'dueDate',
          render: (due: string, item) => <span style={item.status === 'due' && due < today ? { color: '#cf1322' } : undefined}>{due}</span>,
        },
        {
          title: t('common.status'),
          dataIndex: 'status',
          render: (status: string) => (
            <Tag color={status === 'done' ? 'green' : 'default'}>{labelOf(t, 'keyPerson.itemStatus', status)}</Tag>
          ),
        },
        { title: t('keyPerson.sampledAt'), dataIndex: 'sampledAt', render: (at: string | null) => formatTime(at, 'YYYY-MM-DD HH:mm') },
        {
          title: t('keyPerson.testResult'),
          dataIndex: 'result',
          render: (result: string | null) =>
            result ? (
              <Tag color={RESULT_COLORS[result] ?? 'default'} data-testid="schedule-result" data-result={result}>
                {labelOf(t, 'keyPerson.testResult', result)}
              </Tag>
            ) : null,
        },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, item) =>
            onRecord && item.kind === 'test' && recordable(item, today) ? (
              <Button
                type="link"
                size="small"
                data-testid="schedule-record"
                onClick={() => onRecord({ itemId: item.id, dueDate: item.dueDate, testKind: item.testKind })}
              >
                {t('keyPerson.recordResult')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
