import { Button, Descriptions, Drawer, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  asShape,
  type EpisodeDetail,
  type EpisodeTask,
  type Observation,
  type Plan,
  type ScheduleItem,
} from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { AssignmentModal } from './assignment.modal.tsx';
import { ConversionModal } from './conversion.modal.tsx';
import { categoryLabel, STATUS_COLORS } from './key-person-labels.ts';
import { useAssignableUsers, useEditionNames, useEpisode } from './key-person-queries.ts';
import { ObservationsTable } from './observations.table.tsx';
import { PlanView } from './plan-view.tsx';
import { type CheckToRecord, RecordCheckModal } from './record-check.modal.tsx';
import { RecordTestModal, type TestToRecord } from './record-test.modal.tsx';
import { ReleasePanel } from './release.panel.tsx';
import { ScheduleTable } from './schedule.table.tsx';
import { signerName } from './signer-select.tsx';
import { TransferModal } from './transfer.modal.tsx';

type Dialog = 'assignment' | 'transfer' | 'conversion' | null;

/** Status of an episode; a released one still under home health monitoring says both. */
export function EpisodeStatus({ status, releasedAt }: { status: string; releasedAt: string | null }) {
  const { t } = useI18n();
  return (
    <Space size={4} data-testid="episode-status" data-status={status} data-released={releasedAt ? 'true' : 'false'}>
      <Tag color={STATUS_COLORS[status] ?? 'default'}>{labelOf(t, 'keyPerson.status', status)}</Tag>
      {releasedAt && status !== 'released' && <Tag color="green">{t('keyPerson.releasedTag')}</Tag>}
    </Space>
  );
}

function Summary({ episode }: { episode: EpisodeDetail }) {
  const { t } = useI18n();
  const signers = useAssignableUsers(episode.jurisdictionId);
  const names = useEditionNames(episode.editionId, episode.profileId);
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      data-testid="episode-summary"
      items={[
        { key: 'category', label: t('keyPerson.category'), children: categoryLabel(t, episode.category) },
        {
          key: 'status',
          label: t('keyPerson.status'),
          children: <EpisodeStatus status={episode.status} releasedAt={episode.releasedAt} />,
        },
        { key: 'type', label: t('keyPerson.managementType'), children: labelOf(t, 'keyPerson.managementType', episode.managementType) },
        { key: 'start', label: t('keyPerson.start'), children: episode.startDate },
        { key: 'release', label: t('keyPerson.plannedRelease'), children: episode.plannedReleaseDate ?? '—' },
        { key: 'end', label: t('keyPerson.plannedEnd'), children: episode.plannedEndDate ?? '—' },
        {
          key: 'site',
          label: t('keyPerson.site'),
          children: episode.siteName ? `${episode.siteName}${episode.roomCode ? ` · ${episode.roomCode}` : ''}` : '—',
        },
        {
          key: 'edition',
          label: t('keyPerson.edition'),
          children: names.profile ? `${names.edition} · ${names.profile}` : names.edition,
        },
        {
          key: 'cadre',
          label: t('keyPerson.assignedCadre'),
          children: signerName(signers.data, episode.assignedCadreId) ?? t('keyPerson.notAssigned'),
        },
        {
          key: 'medic',
          label: t('keyPerson.assignedMedic'),
          children: signerName(signers.data, episode.assignedMedicId) ?? t('keyPerson.notAssigned'),
        },
      ]}
    />
  );
}

function TasksTable({ tasks }: { tasks: readonly EpisodeTask[] }) {
  const { t } = useI18n();
  return (
    <Table<EpisodeTask>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...tasks]}
      locale={{ emptyText: t('keyPerson.noTasks') }}
      data-testid="tasks-table"
      columns={[
        { title: t('keyPerson.task'), dataIndex: 'kind', render: (kind: string) => labelOf(t, 'keyPerson.task', kind) },
        { title: t('common.status'), dataIndex: 'status' },
        { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}

function Body({ episode, onOpen }: { episode: EpisodeDetail; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [test, setTest] = useState<TestToRecord | null>(null);
  const [check, setCheck] = useState<CheckToRecord | null>(null);
  const active = episode.status === 'active';
  const writable = can('keyPerson.write') && active;
  const plan = asShape<Plan>(episode.plan);
  const schedule = asShape<ScheduleItem[]>(episode.schedule);
  const observations = asShape<Observation[]>(episode.observations);
  const names = useEditionNames(episode.editionId, episode.profileId);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Summary episode={episode} />
      {writable && (
        <Space wrap>
          <Button
            type="primary"
            onClick={() => setCheck({ episodeId: episode.id, personName: episode.personName })}
            data-testid="episode-record-check"
          >
            {t('keyPerson.recordCheck')}
          </Button>
          <Button onClick={() => setDialog('assignment')} data-testid="episode-assign">
            {t('keyPerson.editAssignment')}
          </Button>
          <Button onClick={() => setDialog('transfer')} data-testid="episode-transfer">
            {t('keyPerson.transfer')}
          </Button>
          <Button onClick={() => setDialog('conversion')} data-testid="episode-convert">
            {t('keyPerson.convert')}
          </Button>
        </Space>
      )}
      <Tabs
        data-testid="episode-tabs"
        items={[
          {
            key: 'plan',
            label: t('keyPerson.tab.plan'),
            children: (
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <ScheduleTable
                  items={schedule}
                  onRecord={writable ? (item) => setTest({ ...item, personName: episode.personName }) : null}
                />
                <PlanView plan={plan} editionName={names.edition} profileName={names.profile} showTests={false} testId="episode-plan" />
              </Space>
            ),
          },
          {
            key: 'observations',
            label: <span data-testid="episode-tab-observations">{t('keyPerson.tab.observations')}</span>,
            children: <ObservationsTable observations={observations} threshold={plan.monitoring?.feverThresholdCelsius ?? 37.3} />,
          },
          {
            key: 'release',
            label: <span data-testid="episode-tab-release">{t('keyPerson.tab.release')}</span>,
            children: <ReleasePanel episode={episode} />,
          },
          {
            key: 'tasks',
            label: t('keyPerson.tab.tasks'),
            children: <TasksTable tasks={asShape<EpisodeTask[]>(episode.tasks)} />,
          },
        ]}
      />
      <RecordTestModal test={test} onClose={() => setTest(null)} />
      <RecordCheckModal check={check} onClose={() => setCheck(null)} />
      <AssignmentModal episode={episode} open={dialog === 'assignment'} onClose={() => setDialog(null)} />
      <TransferModal episodeId={episode.id} open={dialog === 'transfer'} onClose={() => setDialog(null)} />
      <ConversionModal
        episodeId={episode.id}
        current={episode.category}
        open={dialog === 'conversion'}
        onClose={() => setDialog(null)}
        onConverted={(id) => {
          setDialog(null);
          onOpen(id);
        }}
      />
    </Space>
  );
}

interface Props {
  episodeId: string | null;
  onClose: () => void;
  /** Opens another episode in the same drawer (after a category conversion). */
  onOpen: (id: string) => void;
}

/** One episode of management: summary, schedule with results, checks, release and tasks. */
export function EpisodeDetailDrawer({ episodeId, onClose, onOpen }: Props) {
  const { t } = useI18n();
  const episode = useEpisode(episodeId);
  const data = episode.data && episode.data.id === episodeId ? episode.data : null;
  return (
    <Drawer
      open={episodeId !== null}
      onClose={onClose}
      size={980}
      destroyOnHidden
      data-testid="episode-drawer"
      title={
        data ? (
          <Space>
            <span data-testid="episode-person-name">{data.personName}</span>
            <Typography.Text type="secondary">{data.idMasked}</Typography.Text>
            <Tag color="blue">{categoryLabel(t, data.category)}</Tag>
          </Space>
        ) : (
          t('keyPerson.detail')
        )
      }
    >
      {data ? <Body episode={data} onOpen={onOpen} /> : <Spin />}
    </Drawer>
  );
}

/** The drawer with its own open state, for pages that open episodes from a row. */
export function useEpisodeDrawer(initialId: string | null = null) {
  const [openId, setOpenId] = useState<string | null>(initialId);
  const drawer = <EpisodeDetailDrawer episodeId={openId} onClose={() => setOpenId(null)} onOpen={setOpenId} />;
  return { open: setOpenId, drawer };
}
