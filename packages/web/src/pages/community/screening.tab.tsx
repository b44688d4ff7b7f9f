import { Alert, Button, Input, message, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { hasMessage } from '../../i18n/labels.ts';
import { useEpisodeDrawer } from '../key-persons/episode-detail.drawer.tsx';
import { categoryLabel } from '../key-persons/key-person-labels.ts';
import { Reasons } from '../key-persons/reasons.tsx';
import { type HouseholdRow, type RoundDetail, useRefreshCommunity, useRound, useRounds } from './community-queries.ts';
import { VisitModal } from './visit.modal.tsx';

const STATE_COLOUR: Record<string, string> = { screened: 'green', not_home: 'orange', to_visit: 'default' };
const stateKey = (state: string) =>
  state === 'screened' ? 'community.state.screened' : state === 'not_home' ? 'community.state.notHome' : 'community.state.toVisit';

function RoundProgress({ round }: { round: RoundDetail }) {
  const { t } = useI18n();
  const { complete, ...p } = round.progress;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="round-progress">
      <Typography.Text strong>{t('community.progress', p)}</Typography.Text>
      <Progress percent={p.households === 0 ? 0 : Math.round((p.screened / p.households) * 100)} />
      <Typography.Text type="secondary">
        {`${t('community.progress.remaining', p)} · ${t('community.progress.notHome', p)} · ${t('community.progress.found', p)}`}
      </Typography.Text>
      {complete && <Alert type="success" showIcon message={t('community.progress.complete')} />}
    </Space>
  );
}

/** SC-54: the transport mode the rules set on a fever patient's record; an unknown mode shows as itself. */
function transportLabel(t: Translate, mode: string): string {
  const key = `community.found.transport.${mode}`;
  return hasMessage(key) ? t(key) : mode;
}

function FoundTable({ round }: { round: RoundDetail }) {
  const { t } = useI18n();
  const drawer = useEpisodeDrawer();
  return (
    <>
      <Typography.Title level={5}>{t('community.found')}</Typography.Title>
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={round.found}
        locale={{ emptyText: t('community.found.none') }}
        data-testid="found-table"
        columns={[
          { title: t('community.visit.name'), dataIndex: 'name' },
          {
            title: t('keyPerson.category'),
            render: (_, f) => (
              <>
                {f.category && <Tag color="red">{categoryLabel(t, f.category)}</Tag>}
                {f.taskId && (
                  <Tag color="orange" data-testid="found-follow-up">
                    {t('community.found.followUp')}
                  </Tag>
                )}
                {f.transportMode && (
                  <Tag color="blue" data-testid="found-transport">
                    {transportLabel(t, f.transportMode)}
                  </Tag>
                )}
                {f.dateWindow?.listed && (
                  <Tag color="volcano" data-testid="found-date-window">
                    {t('community.found.dateWindow', { from: f.dateWindow.window?.from ?? '' })}
                  </Tag>
                )}
              </>
            ),
          },
          { title: '', render: (_, f) => <Reasons reasons={f.because} testId="found-reasons" /> },
          {
            title: '',
            render: (_, f) =>
              f.episodeId && (
                <Button size="small" onClick={() => drawer.open(f.episodeId)} data-testid="found-open">
                  {t('community.found.open')}
                </Button>
              ),
          },
        ]}
      />
      {drawer.drawer}
    </>
  );
}

function StartRound({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [name, setName] = useState(t('community.round.defaultName'));
  const start = async () => {
    try {
      await unwrap(api.POST('/api/community/rounds', { body: { jurisdictionId: communityId, name } }));
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Space>
      <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('community.round.name')} />
      <Button type="primary" disabled={!name.trim()} onClick={start} data-testid="round-start">
        {t('community.round.start')}
      </Button>
    </Space>
  );
}

function RoundView({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const round = useRound(roundId);
  const refresh = useRefreshCommunity();
  const [visiting, setVisiting] = useState<HouseholdRow | null>(null);
  if (!round.data) return null;
  const open = round.data.status === 'open';
  const close = async () => {
    try {
      await unwrap(api.POST('/api/community/rounds/{id}/close', { params: { path: { id: roundId } } }));
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <RoundProgress round={round.data} />
      <Table<HouseholdRow>
        size="small"
        rowKey="id"
        dataSource={round.data.households}
        pagination={{ pageSize: 20 }}
        data-testid="households-table"
        columns={[
          { title: t('community.household'), render: (_, h) => h.address ?? h.name },
          { title: t('community.members'), render: (_, h) => h.members.map((m) => m.name).join('、') },
          {
            title: t('community.state'),
            render: (_, h) => (
              <Tag color={STATE_COLOUR[h.state]} data-testid="household-state">
                {t(stateKey(h.state))}
              </Tag>
            ),
          },
          {
            title: '',
            render: (_, h) =>
              open &&
              h.state !== 'screened' && (
                <Button size="small" type="primary" onClick={() => setVisiting(h)} data-testid="household-visit">
                  {t('community.visit')}
                </Button>
              ),
          },
        ]}
      />
      <FoundTable round={round.data} />
      {open && (
        <Button onClick={close} data-testid="round-close">
          {t('community.round.close')}
        </Button>
      )}
      {visiting && <VisitModal roundId={roundId} household={visiting} onClose={() => setVisiting(null)} />}
    </Space>
  );
}

/** Door-to-door screening (COMM-040): the current round, its households and what was found. */
export function ScreeningTab({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const rounds = useRounds(communityId);
  const [chosen, setChosen] = useState<string | null>(null);
  const items = rounds.data?.items ?? [];
  const current = chosen ?? items.find((r) => r.status === 'open')?.id ?? items[0]?.id ?? null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Space wrap>
        {items.length > 0 && (
          <Select
            style={{ minWidth: 260 }}
            value={current}
            onChange={setChosen}
            data-testid="round-select"
            options={items.map((r) => ({
              value: r.id,
              label: `${r.name}（${r.startedOn}，${r.status === 'open' ? t('community.round.open') : t('community.round.closed')}）`,
            }))}
          />
        )}
        {!items.some((r) => r.status === 'open') && <StartRound communityId={communityId} />}
      </Space>
      {current ? <RoundView roundId={current} /> : <Typography.Text type="secondary">{t('community.round.none')}</Typography.Text>}
    </Space>
  );
}
