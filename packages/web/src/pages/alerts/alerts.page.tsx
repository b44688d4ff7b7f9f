import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES, type AlertKind, type AlertSeverity, type AlertStatus } from '@fangkong/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import type { AlertItem } from '../../api/key-person-types.ts';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { camelId, hasMessage, labelOf } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { useEpisodeDrawer } from '../key-persons/episode-detail.drawer.tsx';
import { textOf } from '../key-persons/key-person-labels.ts';
import { ALERTS_KEY, useInvalidateKeyPersons } from '../key-persons/key-person-queries.ts';
import { supplyLabel } from '../supplies/supplies-queries.ts';
import { useAreaOptions } from '../testing/jurisdiction-options.ts';
import { testingLabel } from '../testing/testing-queries.ts';
import { ReasonModal } from '../users/reason.modal.tsx';

const PAGE_SIZE = 50;
const SEVERITY_COLORS: Record<AlertSeverity, string> = { critical: 'red', high: 'orange', medium: 'gold', low: 'blue' };

/** Who an alert is about: the masked name, with how many others share the tube. */
function whoOf(t: Translate, alert: AlertItem): string {
  const name = alert.personNameMasked;
  if (!name) return t('alert.someone');
  const others = (alert.members ?? 1) - 1;
  return others > 0 ? t('alert.andOthers', { name, n: alert.members ?? 0 }) : name;
}

/** What happened and to whom, in a line (issue 18 item 8): never the raw kind code. */
export function alertTitle(t: Translate, alert: AlertItem): string {
  const key = `alert.title.${camelId(alert.kind)}`;
  const tube = alert.tubeCode ?? '—';
  const params = { who: whoOf(t, alert), tube, tubePart: alert.tubeCode ? t('alert.tubePart', { tube }) : '' };
  return hasMessage(key) ? t(key, params) : t('alert.title.other', params);
}

interface Filters {
  kind?: AlertKind;
  status?: AlertStatus;
  severity?: AlertSeverity;
  jurisdictionId?: string;
}

/** What an alert is about, in a line, from the details the server stored with it. */
function describe(t: Translate, alert: AlertItem): string {
  const d = alert.details;
  switch (alert.kind) {
    case 'fever':
    case 'symptom': {
      const symptoms = Array.isArray(d.symptoms) ? d.symptoms.map((s) => labelOf(t, 'keyPerson.symptom', textOf(s))) : [];
      const fever = d.fever === true && !symptoms.includes(t('keyPerson.symptom.fever')) ? [t('keyPerson.symptom.fever')] : [];
      return [...fever, ...symptoms].join('、');
    }
    case 'overdue_test':
      return `${labelOf(t, 'keyPerson.testKind', textOf(d.testKind))} · ${t('alert.dueDate', { date: textOf(d.dueDate) })}`;
    case 'overdue_check':
      return t('alert.missedDay', { date: textOf(d.date ?? d.day) });
    case 'capacity':
      return t('alert.capacity', { site: textOf(d.siteName), occupied: textOf(d.occupied), beds: textOf(d.beds) });
    case 'result_corrected':
    case 'episode_basis_changed':
      return t('alert.resultCorrected', {
        barcode: textOf(d.barcode),
        from: testingLabel(t, 'result', textOf(d.from)),
        to: testingLabel(t, 'result', textOf(d.to)),
      });
    case 'environment_positive':
      return t('alert.environment', { place: textOf(d.placeName), barcode: textOf(d.barcode) });
    case 'report_due':
    case 'report_late': {
      const tables = Array.isArray(d.templates) ? d.templates.map((x) => textOf((x as { name?: unknown }).name)) : [];
      return t('alert.report', { unit: textOf(d.unitName), templates: tables.join('、'), due: formatTime(textOf(d.dueAt), 'HH:mm') });
    }
    case 'info_daily_due':
    case 'info_daily_late':
      return t('alert.infoDaily', { place: textOf(d.jurisdictionName), day: textOf(d.day), due: formatTime(textOf(d.dueAt), 'HH:mm') });
    case 'opinion_overdue':
      return t('alert.opinion', {
        summary: textOf(d.summary),
        stage: t(d.stage === 'close' ? 'alert.opinion.stage.close' : 'alert.opinion.stage.respond'),
        due: formatTime(textOf(d.dueAt), 'MM-DD HH:mm'),
      });
    case 'disinfection_overdue':
      return t('alert.disinfection', {
        place: textOf(d.placeName),
        kind: supplyLabel(t, 'supply.place', textOf(d.placeKind)),
        required: textOf(d.required),
        done: textOf(d.doneThisPeriod),
      });
    case 'response_reassess_due':
    case 'response_reassess_overdue':
      return t('alert.reassess', {
        place: textOf(d.jurisdictionName),
        level: textOf(d.level),
        due: formatTime(textOf(d.dueAt), 'MM-DD HH:mm'),
      });
    case 'stock_low':
    case 'stock_expiry':
      return t('alert.stock', { holder: textOf(d.holderName), item: supplyLabel(t, 'supply.item', textOf(d.item)) });
    default:
      return '';
  }
}

/** Alerts in my scope, open and most severe first, filtered by kind, state, severity and area; each links to its record. */
export function AlertsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const { jurisdiction } = useScope();
  const areas = useAreaOptions(jurisdiction);
  const navigate = useNavigate();
  const setFilter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const [resolving, setResolving] = useState<AlertItem | null>(null);
  const drawer = useEpisodeDrawer();
  const invalidate = useInvalidateKeyPersons();
  const alerts = useQuery({
    queryKey: [...ALERTS_KEY, 'list', page, filters],
    queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: { page, pageSize: PAGE_SIZE, ...filters } } })),
    placeholderData: keepPreviousData,
  });
  const resolve = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      unwrap(api.POST('/api/alerts/{id}/resolve', { params: { path: { id } }, body: { reason } })),
    onSuccess: async () => {
      setResolving(null);
      showSuccess(t('alert.resolved'));
      await invalidate();
    },
  });
  return (
    <Card title={t('menu.alerts')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<AlertKind>
          allowClear
          placeholder={t('alert.kind')}
          style={{ minWidth: 180 }}
          value={filters.kind}
          onChange={(kind) => setFilter({ kind })}
          options={ALERT_KINDS.map((k) => ({ value: k, label: labelOf(t, 'alert.kind', k) }))}
          data-testid="alert-filter-kind"
        />
        <Select<AlertStatus>
          allowClear
          placeholder={t('alert.status')}
          style={{ minWidth: 120 }}
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={ALERT_STATUSES.map((s) => ({ value: s, label: t(`alert.status.${s}`) }))}
          data-testid="alert-filter-status"
        />
        <Select<AlertSeverity>
          allowClear
          placeholder={t('alert.severity')}
          style={{ minWidth: 120 }}
          value={filters.severity}
          onChange={(severity) => setFilter({ severity })}
          options={ALERT_SEVERITIES.map((s) => ({ value: s, label: t(`alert.severity.${s}`) }))}
          data-testid="alert-filter-severity"
        />
        <Select<string>
          allowClear
          placeholder={t('alert.jurisdiction')}
          style={{ minWidth: 160 }}
          value={filters.jurisdictionId}
          onChange={(jurisdictionId) => setFilter({ jurisdictionId })}
          options={areas}
          data-testid="alert-filter-jurisdiction"
        />
      </Space>
      <Table<AlertItem>
        rowKey="id"
        size="middle"
        loading={alerts.isFetching}
        dataSource={alerts.data?.items ?? []}
        locale={{ emptyText: t('alert.none') }}
        data-testid="alerts-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: alerts.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('alert.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (severity: AlertSeverity) => (
              <Tag color={SEVERITY_COLORS[severity]} data-testid="alert-severity" data-severity={severity}>
                {t(`alert.severity.${severity}`)}
              </Tag>
            ),
          },
          {
            title: t('alert.title'),
            key: 'title',
            render: (_, row) => (
              <span data-testid="alert-title" data-kind={row.kind}>
                {alertTitle(t, row)}
              </span>
            ),
          },
          {
            title: t('alert.kind'),
            dataIndex: 'kind',
            render: (kind: string) => <Tag data-testid="alert-kind">{labelOf(t, 'alert.kind', kind)}</Tag>,
          },
          {
            title: t('alert.status'),
            dataIndex: 'status',
            width: 90,
            render: (status: string) =>
              hasMessage(`alert.status.${status}`) ? t(`alert.status.${status}` as 'alert.status.open') : status,
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm') },
          {
            title: t('keyPerson.person'),
            key: 'person',
            render: (_, row) =>
              row.episodeId && row.personNameMasked ? (
                <Typography.Link onClick={() => row.episodeId && drawer.open(row.episodeId)} data-testid="alert-person">
                  {row.personNameMasked}
                </Typography.Link>
              ) : (
                (row.personNameMasked ?? '—')
              ),
          },
          {
            title: t('alert.link'),
            key: 'link',
            render: (_, row) =>
              row.link ? (
                <Typography.Link
                  href={row.link}
                  onClick={(event) => {
                    event.preventDefault();
                    if (row.episodeId) drawer.open(row.episodeId);
                    else if (row.link) navigate(row.link);
                  }}
                  data-testid="alert-link"
                >
                  {t('alert.link')}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
          { title: t('alert.details'), key: 'details', render: (_, row) => describe(t, row) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, row) =>
              row.status === 'open' ? (
                <Button type="link" size="small" onClick={() => setResolving(row)} data-testid="alert-resolve">
                  {t('alert.resolve')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ReasonModal
        open={resolving !== null}
        title={t('alert.resolveTitle')}
        loading={resolve.isPending}
        onCancel={() => setResolving(null)}
        onSubmit={(reason) => resolving && resolve.mutate({ id: resolving.id, reason })}
      />
      {drawer.drawer}
    </Card>
  );
}
