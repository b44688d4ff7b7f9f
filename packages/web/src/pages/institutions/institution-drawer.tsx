import { useMutation } from '@tanstack/react-query';
import { Button, Descriptions, Divider, Drawer, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { AbsenceForm, HealthCheckForm, IncidentForm, SaleForm, SalesTable, VisitCountForm } from './institution-forms.tsx';
import { type InstitutionDay, useInstitutionDay, useInvalidateInstitutions } from './institution-queries.ts';

const key = (k: string) => k as MessageKey;
const STATE_COLOR: Record<string, string> = { done: 'green', due: 'blue', missed: 'red', event: 'default' };
type Duty = InstitutionDay['duties'][number];

function DutyTable({ day }: { day: InstitutionDay }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const invalidate = useInvalidateInstitutions();
  const mark = useMutation({
    mutationFn: (dutyId: string) =>
      unwrap(
        api.POST('/api/institutions/{id}/duty-records', { params: { path: { id: day.id } }, body: { dutyId, day: day.day, done: true } }),
      ),
    onSuccess: () => {
      showSuccess(t('inst.recorded'));
      void invalidate();
    },
    onError: showError,
  });
  return (
    <Table<Duty>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={day.duties}
      data-testid="duty-table"
      columns={[
        {
          title: t('inst.duty'),
          dataIndex: 'id',
          render: (_: unknown, d) => (
            <span data-testid={`duty-${d.id}`} data-state={d.state}>
              {language === 'en' ? d.en : d.zh} <Typography.Text type="secondary">{d.requirement}</Typography.Text>{' '}
              <ClauseRef basis={d.clause} />
            </span>
          ),
        },
        { title: t('inst.frequency'), dataIndex: 'frequency', render: (v: string) => t(key(`inst.frequency.${v}`)) },
        {
          title: t('inst.state'),
          dataIndex: 'state',
          render: (v: string) => <Tag color={STATE_COLOR[v]}>{t(key(`inst.state.${v}`))}</Tag>,
        },
        {
          title: '',
          key: 'mark',
          render: (_: unknown, d) =>
            can('institution.report') && (d.state === 'due' || d.state === 'missed') ? (
              <Button size="small" onClick={() => mark.mutate(d.id)} loading={mark.isPending && mark.variables === d.id}>
                {t('inst.markDone')}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

function SchoolSection({ day }: { day: InstitutionDay }) {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <>
      <Divider titlePlacement="start">{t('inst.checks')}</Divider>
      <Descriptions size="small" column={3} data-testid="checks">
        {day.healthChecks.map((c) => (
          <Descriptions.Item key={c.session} label={t(key(`inst.session.${c.session}`))}>
            {t('inst.present')} {c.present} · {t('inst.absent')} {c.absent} · {t('inst.feverish')} {c.feverish}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {can('institution.report') && <HealthCheckForm id={day.id} />}
      <Divider titlePlacement="start">{t('inst.absences')}</Divider>
      {can('institution.report') && <AbsenceForm id={day.id} />}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        dataSource={day.absences}
        locale={{ emptyText: t('inst.none') }}
        data-testid="absence-table"
        columns={[
          { title: '', dataIndex: 'day' },
          { title: t('inst.pupil'), dataIndex: 'name' },
          { title: t('inst.className'), dataIndex: 'className', render: (v: string | null) => v ?? '—' },
          { title: t('inst.reason'), dataIndex: 'reason', render: (v: string) => t(key(`inst.reason.${v}`)) },
          { title: t('inst.temperature'), dataIndex: 'temperature', render: (v: number | null) => v ?? '—' },
          { title: t('inst.traceBy'), dataIndex: 'traceBy', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
          {
            title: t('inst.natTask'),
            dataIndex: 'natTaskId',
            render: (v: string | null) => (v ? <Tag color="orange">{t('inst.natIssued')}</Tag> : '—'),
          },
        ]}
      />
    </>
  );
}

function KindSections({ day }: { day: InstitutionDay }) {
  const { t } = useI18n();
  const { can } = useSession();
  if (day.kind === 'school' || day.kind === 'kindergarten') return <SchoolSection day={day} />;
  if (day.kind === 'pharmacy')
    return (
      <>
        <Divider titlePlacement="start">{t('inst.sales')}</Divider>
        {can('institution.report') && <SaleForm id={day.id} />}
        <div style={{ marginTop: 12 }}>
          <SalesTable institutionId={day.id} />
        </div>
      </>
    );
  if (day.kind === 'medical_institution' && can('institution.report'))
    return (
      <>
        <Divider titlePlacement="start">{t('inst.visits')}</Divider>
        <VisitCountForm id={day.id} />
      </>
    );
  return null;
}

/** One institution's day: duties at the level in force, the kind's records, incidents. */
export function InstitutionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const day = useInstitutionDay(id);
  const d = day.data;
  return (
    <Drawer open={id !== null} onClose={onClose} width={980} title={d?.name} data-testid="institution-drawer" destroyOnClose>
      {d && (
        <>
          <Typography.Paragraph>
            <Tag>{t(key(`inst.kind.${d.kind}`))}</Tag> {d.jurisdictionName} ·{' '}
            {d.levelInForce ? t('inst.level', { level: d.levelInForce }) : t('inst.noLevel')}
          </Typography.Paragraph>
          <Divider titlePlacement="start">{t('inst.day', { day: d.day })}</Divider>
          <DutyTable day={d} />
          <KindSections day={d} />
          <Divider titlePlacement="start">{t('inst.incidents')}</Divider>
          {can('institution.incident') && <IncidentForm id={d.id} />}
          {d.incidents.map((i) => (
            <Typography.Paragraph key={i.id} style={{ marginTop: 8 }}>
              {formatTime(i.foundAt, 'YYYY-MM-DD HH:mm')} {t(key(`inst.finding.${i.finding}`))}: {i.steps.length} {t('inst.steps')}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </Drawer>
  );
}
