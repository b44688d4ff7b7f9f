import { Card, Progress, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { feverLabel, PAGE_SIZE, useClinics, useVisits, type VisitStatus } from './fever-clinic-queries.ts';
import { FeverClinicRegisterCard } from './fever-clinic-register.card.tsx';
import { FeverClinicVisitDrawer } from './fever-clinic-visit.drawer.tsx';

/** 就诊记录: visits of the clinics in scope (open first by default), names masked; a row opens the visit. */
function VisitsCard({ jurisdictionId, onOpen }: { jurisdictionId?: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<VisitStatus | undefined>('open');
  const [placeId, setPlaceId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const clinics = useClinics();
  const visits = useVisits({ jurisdictionId, placeId, status, page });
  return (
    <Card
      title={t('feverClinic.visits')}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('feverClinic.allClinics')}
            value={placeId}
            onChange={(value?: string) => {
              setPlaceId(value);
              setPage(1);
            }}
            options={(clinics.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="fever-filter-clinic"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('feverClinic.allStatuses')}
            value={status}
            onChange={(value?: VisitStatus) => {
              setStatus(value);
              setPage(1);
            }}
            options={(['open', 'closed'] as const).map((s) => ({ value: s, label: feverLabel(t, 'status', s) }))}
            data-testid="fever-filter-status"
          />
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="id"
        data-testid="fever-visits"
        loading={visits.isFetching}
        dataSource={visits.data?.items ?? []}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: visits.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('feverClinic.arrivedAt'), dataIndex: 'arrivedAt', render: (at: string) => formatTime(at, 'MM-DD HH:mm') },
          { title: t('feverClinic.person'), dataIndex: 'personName' },
          { title: t('feverClinic.clinic'), dataIndex: 'placeName' },
          { title: t('feverClinic.temperature'), dataIndex: 'temperatureCelsius', render: (c: number | null) => c ?? '—' },
          {
            title: t('feverClinic.progress'),
            key: 'progress',
            render: (_, row) => <Progress size="small" steps={row.ordered} percent={(row.resulted / Math.max(row.ordered, 1)) * 100} />,
          },
          {
            title: t('feverClinic.status'),
            key: 'status',
            render: (_, row) =>
              row.disposition ? (
                <Tag color={row.disposition === 'symptomatic_treatment' ? 'green' : 'red'}>
                  {feverLabel(t, 'disposition', row.disposition)}
                </Tag>
              ) : (
                <Tag color="blue">{feverLabel(t, 'status', row.status)}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** 发热门诊筛查 (TEST-009, KP-K03): reception with the four tests ordered, results, and the outcome. */
export function FeverClinicPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const jurisdictionId = useScope().jurisdiction?.id;
  const [tab, setTab] = useState(can('testing.sample') ? 'register' : 'visits');
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="fever-tabs"
        items={[
          ...(can('testing.sample')
            ? [
                {
                  key: 'register',
                  label: t('feverClinic.register'),
                  children: <FeverClinicRegisterCard jurisdictionId={jurisdictionId} onRegistered={setOpen} />,
                },
              ]
            : []),
          { key: 'visits', label: t('feverClinic.visits'), children: <VisitsCard jurisdictionId={jurisdictionId} onOpen={setOpen} /> },
        ]}
      />
      <FeverClinicVisitDrawer visitId={open} onClose={() => setOpen(null)} />
    </>
  );
}
