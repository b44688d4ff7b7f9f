import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { type AssignableUser, asShape, type Timeline as TimelineData, type TimelineEvent } from '../../api/key-person-types.ts';
import { formatTime } from '../../components/time.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { EpisodeStatus, useEpisodeDrawer } from './episode-detail.drawer.tsx';
import { categoryLabel, RESULT_COLORS, textOf } from './key-person-labels.ts';
import { KEY_PERSONS_KEY, useAssignableUsers } from './key-person-queries.ts';
import { signerName } from './signer-select.tsx';

type Episode = TimelineData['episodes'][number];

const EVENT_COLORS: Record<string, string> = {
  registered: 'blue',
  released: 'green',
  signed: 'green',
  converted: 'purple',
  transferRequested: 'gray',
  transferAccepted: 'gray',
  transferReturned: 'gray',
};

/** One line about an event, from the details the server stored with it. */
function eventLine(t: Translate, event: TimelineEvent, users: readonly AssignableUser[] | undefined) {
  const d = event.details;
  switch (event.kind) {
    case 'registered':
      return t('keyPerson.eventRegistered', { category: categoryLabel(t, textOf(d.category)), releaseDate: textOf(d.releaseDate) || '—' });
    case 'test':
      return (
        <Space size={4}>
          {labelOf(t, 'keyPerson.testKind', textOf(d.testKind))}
          <Tag color={RESULT_COLORS[textOf(d.result)] ?? 'default'}>{labelOf(t, 'keyPerson.testResult', textOf(d.result))}</Tag>
          <Typography.Text type="secondary">{formatTime(textOf(d.sampledAt), 'MM-DD HH:mm')}</Typography.Text>
        </Space>
      );
    case 'observation': {
      const symptoms = Array.isArray(d.symptoms) ? d.symptoms.map((s) => labelOf(t, 'keyPerson.symptom', textOf(s))) : [];
      const temperature = typeof d.temperature === 'number' ? t('alert.temperature', { temperature: d.temperature.toFixed(1) }) : '';
      return (
        <Space size={4}>
          {temperature}
          {symptoms.length > 0 ? <Tag color="red">{symptoms.join('、')}</Tag> : t('keyPerson.noSymptoms')}
        </Space>
      );
    }
    case 'signed':
    case 'released':
      return t('keyPerson.eventSigned', { role: labelOf(t, 'keyPerson.signatory', textOf(d.role)) });
    case 'assigned':
      return t('keyPerson.eventAssigned', {
        cadre: signerName(users, textOf(d.assignedCadreId)) ?? '—',
        medic: signerName(users, textOf(d.assignedMedicId)) ?? '—',
      });
    case 'converted':
      return t('keyPerson.eventConverted', { category: categoryLabel(t, textOf(d.to)), reason: textOf(d.reason) });
    case 'transferReturned':
      return textOf(d.reason);
    default:
      return null;
  }
}

/** 管控记录: every episode of a person and every event of each, oldest first; an episode opens in its drawer. */
export function PersonTimeline({ personId }: { personId: string }) {
  const { t } = useI18n();
  const drawer = useEpisodeDrawer();
  const timeline = useQuery({
    queryKey: [...KEY_PERSONS_KEY, 'timeline', personId],
    queryFn: () => unwrap(api.GET('/api/key-persons/persons/{id}/timeline', { params: { path: { id: personId } } })),
  });
  const signers = useAssignableUsers(timeline.data?.episodes.at(-1)?.jurisdictionId);
  if (!timeline.data) return <Spin />;
  const { episodes } = timeline.data;
  const events = asShape<TimelineEvent[]>(timeline.data.events);
  if (episodes.length === 0) return <Empty description={t('keyPerson.noTimeline')} />;
  const categoryOf = (episodeId: string) => categoryLabel(t, episodes.find((e) => e.id === episodeId)?.category);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="person-timeline">
      <Table<Episode>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={episodes}
        onRow={(row) => ({ onClick: () => drawer.open(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('keyPerson.category'), dataIndex: 'category', render: (c: string) => <Tag color="blue">{categoryLabel(t, c)}</Tag> },
          { title: t('keyPerson.start'), dataIndex: 'startDate' },
          { title: t('keyPerson.plannedRelease'), dataIndex: 'plannedReleaseDate', render: (d: string | null) => d ?? '—' },
          {
            title: t('keyPerson.status'),
            key: 'status',
            render: (_, row) => <EpisodeStatus status={row.status} releasedAt={row.releasedAt} />,
          },
        ]}
      />
      <Timeline
        items={events.map((event) => ({
          key: event.id,
          color: EVENT_COLORS[event.kind] ?? 'blue',
          content: (
            <div data-testid="timeline-event" data-kind={event.kind}>
              <Space size={8} wrap>
                <Typography.Text type="secondary">{formatTime(event.at, 'YYYY-MM-DD HH:mm')}</Typography.Text>
                <Typography.Text strong>{labelOf(t, 'keyPerson.event', event.kind)}</Typography.Text>
                <Typography.Text type="secondary">{categoryOf(event.episodeId)}</Typography.Text>
              </Space>
              <div>{eventLine(t, event, signers.data)}</div>
            </div>
          ),
        }))}
      />
      {drawer.drawer}
    </Space>
  );
}
