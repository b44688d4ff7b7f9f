import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Space, Tabs, Tag, Timeline } from 'antd';
import { useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ContactsPanel } from '../tracing/contacts-panel.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseClocks } from './case-clocks.tsx';
import { caseLabel } from './case-labels.ts';
import { InvestigationTab } from './investigation-tab.tsx';
import { TrajectoryTab } from './trajectory-tab.tsx';

function ReportCardTab({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const card = useQuery({
    queryKey: ['cases', caseId, 'card'],
    queryFn: () => unwrap(api.GET('/api/cases/{id}/report-card', { params: { path: { id: caseId } } })),
  });
  if (!card.data) return null;
  const { completeness } = card.data;
  const label = (key: string) => caseLabel(t, 'case.card', key);
  const pdf = `/api/cases/${caseId}/report-card.pdf?purpose=${encodeURIComponent(t('case.reportCard.purpose'))}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {completeness.complete ? (
        <Alert type="success" message={t('case.reportCard.complete')} />
      ) : (
        <Alert type="warning" message={`${t('case.reportCard.missing')}: ${completeness.missing.map(label).join('、')}`} />
      )}
      <Button href={pdf} target="_blank" data-testid="report-card-pdf">
        {t('case.reportCard.print')}
      </Button>
      <Descriptions bordered size="small" column={2}>
        {Object.entries(card.data.card).map(([k, v]) => (
          <Descriptions.Item key={k} label={label(k)}>
            {v === null || v === undefined ? '—' : String(v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Space>
  );
}

/** One case: classification history, clocks, report card, investigation, trajectory; contacts from the tracing module (ContactsPanel). */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const detail = useQuery({ queryKey: ['cases', id], queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })) });
  const c = detail.data;
  if (!c) return <Card loading={detail.isPending} />;
  const inv = c.investigation;
  return (
    <Card
      title={`${t('case.detail')} ${c.caseNumber}`}
      extra={can('case.write') && c.status === 'open' && <CaseActions caseId={c.id} reported={c.reportedAt !== null} />}
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('case.name')}>{c.person.name}</Descriptions.Item>
        <Descriptions.Item label={t('case.idMasked')}>{c.person.idMasked}</Descriptions.Item>
        <Descriptions.Item label={t('case.jurisdiction')}>{c.person.jurisdictionName}</Descriptions.Item>
        <Descriptions.Item label={t('case.classification')}>
          <Tag>{caseLabel(t, 'case.classification', c.classification)}</Tag>
          {c.clinicalType && caseLabel(t, 'case.clinicalType', c.clinicalType)}
        </Descriptions.Item>
        <Descriptions.Item label={t('case.onsetDate')}>{c.onsetDate ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.discoveredAt')}>{formatTime(c.discoveredAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('case.reportedAt')}>{formatTime(c.reportedAt, 'YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('case.source')}>{caseLabel(t, 'case.source', c.source)}</Descriptions.Item>
        <Descriptions.Item label={t('case.status')}>{caseLabel(t, 'case.status', c.status)}</Descriptions.Item>
        <Descriptions.Item label={t('case.clocks')}>
          <CaseClocks clocks={c.clocks} />
        </Descriptions.Item>
        {c.routing && (
          <Descriptions.Item label={t('case.routing')}>
            <Space size={4} data-testid="case-routing">
              <Tag color="purple">{caseLabel(t, 'case.routing', c.routing.target)}</Tag>
              {c.routing.because.map((b) => (
                <ClauseRef key={b.rule} basis={b} />
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'history',
            label: t('case.history'),
            children: (
              <Timeline
                items={c.history.map((h) => ({
                  color: h.kind === 'correction' ? 'orange' : 'blue',
                  children: `${formatTime(h.changedAt, 'YYYY-MM-DD HH:mm')} ${caseLabel(t, 'case.history', h.kind)}: ${h.from ? `${caseLabel(t, 'case.classification', h.from)} → ` : ''}${caseLabel(t, 'case.classification', h.to)}${h.reason ? ` (${h.reason})` : ''}`,
                }))}
              />
            ),
          },
          {
            key: 'investigation',
            label: t('case.investigation'),
            children: inv ? (
              <InvestigationTab caseId={c.id} onsetDate={c.onsetDate} investigation={inv} key={`${inv.state}${c.onsetDate}`} />
            ) : (
              <Empty />
            ),
          },
          {
            key: 'trajectory',
            label: `${t('case.trajectory')}${inv ? ` (${inv.trajectoryPoints})` : ''}`,
            children: (
              <TrajectoryTab
                caseId={c.id}
                editable={can('investigation.write') && inv?.state !== 'completed'}
                canSeal={can('investigation.write')}
              />
            ),
          },
          ...(can('case.write') ? [{ key: 'card', label: t('case.reportCard'), children: <ReportCardTab caseId={c.id} /> }] : []),
          { key: 'contacts', label: t('case.contacts'), children: <ContactsPanel caseId={c.id} /> },
        ]}
      />
    </Card>
  );
}
