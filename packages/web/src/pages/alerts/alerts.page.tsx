import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { AlertItem } from '../../api/key-person-types.ts';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type Translate, useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useEpisodeDrawer } from '../key-persons/episode-detail.drawer.tsx';
import { textOf } from '../key-persons/key-person-labels.ts';
import { ALERTS_KEY, useInvalidateKeyPersons } from '../key-persons/key-person-queries.ts';
import { testingLabel } from '../testing/testing-queries.ts';
import { ReasonModal } from '../users/reason.modal.tsx';

const PAGE_SIZE = 50;
const KIND_COLORS: Record<string, string> = {
  fever: 'red',
  symptom: 'red',
  positive_result: 'magenta',
  indeterminate_result: 'orange',
  overdue_test: 'orange',
  overdue_check: 'gold',
  capacity: 'purple',
  result_corrected: 'blue',
  episode_basis_changed: 'volcano',
  environment_positive: 'magenta',
};

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
    default:
      return '';
  }
}

/** Open alerts in my scope, newest first: open the person's episode, or resolve with a reason. */
export function AlertsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<AlertItem | null>(null);
  const drawer = useEpisodeDrawer();
  const invalidate = useInvalidateKeyPersons();
  const alerts = useQuery({
    queryKey: [...ALERTS_KEY, 'list', page],
    queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: { page, pageSize: PAGE_SIZE } } })),
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
          { title: t('common.createdAt'), dataIndex: 'createdAt', width: 160, render: (at: string) => formatTime(at, 'YYYY-MM-DD HH:mm') },
          {
            title: t('alert.kind'),
            dataIndex: 'kind',
            render: (kind: string) => (
              <Tag color={KIND_COLORS[kind] ?? 'default'} data-testid="alert-kind" data-kind={kind}>
                {labelOf(t, 'alert.kind', kind)}
              </Tag>
            ),
          },
          {
            title: t('keyPerson.person'),
            key: 'person',
            render: (_, row) =>
              row.episodeId && row.personName ? (
                <Typography.Link onClick={() => row.episodeId && drawer.open(row.episodeId)} data-testid="alert-person">
                  {row.personName}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
          { title: t('alert.details'), key: 'details', render: (_, row) => describe(t, row) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, row) => (
              <Button type="link" size="small" onClick={() => setResolving(row)} data-testid="alert-resolve">
                {t('alert.resolve')}
              </Button>
            ),
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
