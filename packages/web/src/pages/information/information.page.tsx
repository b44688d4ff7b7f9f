import { Alert, Button, Card, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { type ReleaseItem, type ReleaseStep, releaseStep, useInformationAction, useReleases } from './information-api.ts';
import { InterviewsPanel, OpinionsPanel } from './opinions-panel.tsx';
import { ReleaseDraftModal } from './release-draft.modal.tsx';

const STATUS_COLOUR: Record<ReleaseItem['status'], string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'blue',
  published: 'green',
  withdrawn: 'default',
  rejected: 'red',
};
/** Steps that need words: the approver's note, or the reason for sending back or withdrawing. */
const WITH_TEXT: ReleaseStep[] = ['approve', 'reject', 'withdraw'];

/** What the caller may do with an item now; the server decides the rest (drafter ≠ approver, the chain's level). */
function stepsFor(item: ReleaseItem, can: (p: 'information.publish' | 'information.approve') => boolean, userId: string): ReleaseStep[] {
  const steps: ReleaseStep[] = [];
  if (can('information.publish') && (item.status === 'draft' || item.status === 'rejected')) steps.push('submit');
  if (can('information.approve') && item.status === 'submitted' && item.draftedBy !== userId) steps.push('approve', 'reject');
  if (can('information.publish') && item.status === 'approved') steps.push('publish');
  if (can('information.publish') && item.status === 'published') steps.push('withdraw');
  return steps;
}

function Chain({ item }: { item: ReleaseItem }) {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={0}>
      {item.chain.map((step) => (
        <span key={step.level}>
          {t(`information.level.${step.level}` as MessageKey)}
          {step.approval ? ` ✓ ${step.approval.name} ${formatTime(step.approval.at, 'MM-DD HH:mm')}` : ' …'}
        </span>
      ))}
    </Space>
  );
}

function ReleasesTable() {
  const { t } = useI18n();
  const { can, me } = useSession();
  const releases = useReleases();
  const [pending, setPending] = useState<{ item: ReleaseItem; step: ReleaseStep } | null>(null);
  const [text, setText] = useState('');
  const act = useInformationAction((input: { id: string; step: ReleaseStep; text: string }) =>
    releaseStep(input.id, input.step, input.text),
  );
  const run = (item: ReleaseItem, step: ReleaseStep) => {
    if (WITH_TEXT.includes(step)) {
      setText('');
      setPending({ item, step });
    } else act.mutate({ id: item.id, step, text: '' });
  };
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={releases.isPending}
        dataSource={releases.data?.items ?? []}
        data-testid="information-releases"
        expandable={{
          expandedRowRender: (item) => <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Paragraph>,
        }}
        columns={[
          { title: t('information.title'), dataIndex: 'title' },
          { title: t('information.kind'), dataIndex: 'kind', render: (k: string) => t(`information.kind.${k}` as MessageKey) },
          { title: t('information.jurisdiction'), dataIndex: 'jurisdictionName' },
          {
            title: t('information.status'),
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOUR[item.status]} data-testid={`release-status-${item.id}`}>
                  {t(`information.status.${item.status}` as MessageKey)}
                </Tag>
                {item.signalId && <Tag color="volcano">{t('information.signalTag')}</Tag>}
                {item.nextLevel && t('information.awaiting', { level: t(`information.level.${item.nextLevel}` as MessageKey) })}
                {item.dailyState && <Tag>{t(`information.daily.${item.dailyState}` as MessageKey)}</Tag>}
                {item.reason && <Typography.Text type="secondary">{item.reason}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('information.chain'), render: (_, item) => <Chain item={item} /> },
          { title: t('information.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => formatTime(v, 'MM-DD HH:mm') },
          {
            title: '',
            render: (_, item) => (
              <Space wrap>
                {stepsFor(item, can, me.id).map((step) => (
                  <Button key={step} size="small" data-testid={`release-${step}-${item.id}`} onClick={() => run(item, step)}>
                    {t(`information.${step}` as MessageKey)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={pending !== null}
        title={pending ? `${t(`information.${pending.step}` as MessageKey)} · ${pending.item.title}` : ''}
        onCancel={() => setPending(null)}
        okButtonProps={{ 'data-testid': 'release-step-confirm', loading: act.isPending }}
        onOk={() => pending && act.mutate({ id: pending.item.id, step: pending.step, text }, { onSuccess: () => setPending(null) })}
      >
        <Input.TextArea
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={pending?.step === 'approve' ? t('information.note') : t('information.reason')}
          data-testid="release-step-text"
        />
      </Modal>
    </>
  );
}

/** 信息发布与舆情 (REQUIREMENTS §13): drafts through the approval chain, interviews, public opinion. */
export function InformationPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { jurisdiction } = useScope();
  // From the dashboard's early-warning list (INFO-007): /information?signal=<id> opens a warning drafted from it.
  const [params, setParams] = useSearchParams();
  const signalId = params.get('signal') ?? undefined;
  const [drafting, setDrafting] = useState(signalId !== undefined);
  const closeDraft = () => {
    setDrafting(false);
    if (signalId) setParams({}, { replace: true });
  };
  return (
    <Card title={t('menu.information')}>
      <Tabs
        items={[
          {
            key: 'releases',
            label: t('information.releases'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {can('information.publish') &&
                  (jurisdiction ? (
                    <Button type="primary" onClick={() => setDrafting(true)} data-testid="information-new">
                      {t('information.new')}
                    </Button>
                  ) : (
                    <Alert type="info" message={t('information.pickJurisdiction')} />
                  ))}
                <ReleasesTable />
                {jurisdiction && <ReleaseDraftModal jurisdiction={jurisdiction} open={drafting} onClose={closeDraft} signalId={signalId} />}
              </Space>
            ),
          },
          { key: 'interviews', label: t('information.interviews'), children: <InterviewsPanel /> },
          { key: 'opinions', label: t('information.opinions'), children: <OpinionsPanel /> },
        ]}
      />
    </Card>
  );
}
