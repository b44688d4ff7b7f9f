import { Space, Table, Tag } from 'antd';
import type { Observation } from '../../api/key-person-types.ts';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';

/** Checks newest first; a temperature at or above the threshold is red, symptoms are tags. */
export function ObservationsTable({ observations, threshold }: { observations: readonly Observation[]; threshold: number }) {
  const { t } = useI18n();
  return (
    <Table<Observation>
      size="small"
      rowKey="id"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={[...observations].sort((a, b) => b.observedAt.localeCompare(a.observedAt))}
      locale={{ emptyText: t('keyPerson.noObservations') }}
      data-testid="observations-table"
      columns={[
        { title: t('keyPerson.observedAt'), dataIndex: 'observedAt', render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm') },
        {
          title: t('keyPerson.temperature'),
          dataIndex: 'temperature',
          render: (value: number | null) =>
            value === null ? (
              '—'
            ) : (
              <span style={value >= threshold ? { color: '#cf1322', fontWeight: 600 } : undefined}>{value.toFixed(1)}</span>
            ),
        },
        {
          title: t('keyPerson.symptoms'),
          dataIndex: 'symptoms',
          render: (symptoms: string[]) =>
            symptoms.length === 0 ? (
              t('keyPerson.noSymptoms')
            ) : (
              <Space size={[4, 4]} wrap>
                {symptoms.map((s) => (
                  <Tag key={s} color="red">
                    {labelOf(t, 'keyPerson.symptom', s)}
                  </Tag>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}
