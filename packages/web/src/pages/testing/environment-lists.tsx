import { Button, Card, Checkbox, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useEditionName } from '../key-persons/key-person-queries.ts';
import {
  environmentLabel,
  PAGE_SIZE,
  type ResultFilter,
  type SamplingState,
  specimenLabel,
  useBatchTrace,
  useDue,
  useRisks,
  useSamples,
} from './environment-queries.ts';
import type { PickedPlace } from './environment-register.card.tsx';
import { RESULT_COLORS, RISK_COLORS } from './environment-sample.drawer.tsx';
import { testingLabel } from './testing-queries.ts';

const STATE_COLORS: Record<string, string> = { overdue: 'red', due: 'orange', covered: 'green' };

/** 定期采样: the places under a plan with their due dates, overdue first; "sample" opens the register form on the place. */
export function DueCard({ jurisdictionId, onSample }: { jurisdictionId?: string; onSample?: (place: PickedPlace) => void }) {
  const { t } = useI18n();
  const editionName = useEditionName();
  const [state, setState] = useState<SamplingState | 'all'>('all');
  const [page, setPage] = useState(1);
  const due = useDue(jurisdictionId, state === 'all' ? undefined : state, page);
  const d = due.data;
  const plans = (d?.plans ?? [])
    .map(
      (p) =>
        t('environment.planEvery', { kind: labelOf(t, 'place.kind', p.placeKind), days: p.everyDays }) +
        (p.basis.configured ? t('environment.configured') : ''),
    )
    .join('；');
  return (
    <Card
      title={t('environment.due')}
      extra={
        <Segmented<SamplingState | 'all'>
          value={state}
          onChange={(value) => {
            setState(value);
            setPage(1);
          }}
          options={(['all', 'overdue', 'due', 'covered'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('environment.allStates') : `${environmentLabel(t, 'state', s)} ${d?.counts[s] ?? ''}`,
          }))}
        />
      }
    >
      {d && (
        <Typography.Paragraph type="secondary">
          {t('environment.dueHint', { edition: editionName(d.editionId), plans })}
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="placeId"
        data-testid="environment-due"
        loading={due.isFetching}
        dataSource={d?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: d?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('environment.place'), dataIndex: 'placeName' },
          { title: t('place.kind'), dataIndex: 'placeKind', render: (kind: string) => labelOf(t, 'place.kind', kind) },
          { title: t('testing.community'), dataIndex: 'jurisdictionName' },
          {
            title: t('environment.lastSampledAt'),
            dataIndex: 'lastSampledAt',
            render: (at: string | null) => formatTime(at, 'YYYY-MM-DD'),
          },
          { title: t('environment.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('environment.state'),
            dataIndex: 'state',
            render: (s: string) => (
              <Tag color={STATE_COLORS[s]} data-testid="environment-due-state" data-state={s}>
                {environmentLabel(t, 'state', s)}
              </Tag>
            ),
          },
          {
            title: t('environment.risk'),
            dataIndex: 'risk',
            render: (risk: string) => (risk === 'none' ? '—' : <Tag color={RISK_COLORS[risk]}>{environmentLabel(t, 'risk', risk)}</Tag>),
          },
          ...(onSample
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, row: { placeId: string; placeName: string }) => (
                    <Button
                      size="small"
                      type="link"
                      data-testid="environment-sample-now"
                      onClick={() => onSample({ id: row.placeId, name: row.placeName })}
                    >
                      {t('environment.sampleNow')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** 样本与结果: newest first, filtered by result; a row opens the sample with its follow-up. */
export function SamplesCard({ jurisdictionId, onOpen }: { jurisdictionId?: string; onOpen: (id: string) => void }) {
  const { t, language } = useI18n();
  const [result, setResult] = useState<ResultFilter | undefined>();
  const [page, setPage] = useState(1);
  const samples = useSamples(jurisdictionId, result, page);
  return (
    <Card
      title={t('environment.samples')}
      extra={
        <Select<ResultFilter>
          allowClear
          style={{ width: 160 }}
          placeholder={t('environment.allResults')}
          value={result}
          onChange={(value) => {
            setResult(value);
            setPage(1);
          }}
          options={(['pending', 'positive', 'indeterminate', 'negative'] as const).map((r) => ({
            value: r,
            label: r === 'pending' ? t('environment.result.pending') : testingLabel(t, 'result', r),
          }))}
        />
      }
    >
      <Table
        size="small"
        rowKey="id"
        data-testid="environment-samples"
        loading={samples.isFetching}
        dataSource={samples.data?.items ?? []}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: samples.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('environment.sampledAt'), dataIndex: 'sampledAt', render: (at: string) => formatTime(at, 'MM-DD HH:mm') },
          { title: t('environment.place'), dataIndex: 'placeName' },
          { title: t('environment.specimenKind'), dataIndex: 'specimenKind', render: (kind: string) => specimenLabel(language, kind) },
          {
            title: t('environment.goodsDescription'),
            key: 'goods',
            render: (_, row) => [row.goodsDescription, row.originCountry, row.batchNumber].filter(Boolean).join(' · ') || '—',
          },
          { title: t('testing.barcode'), dataIndex: 'barcode' },
          {
            title: t('testing.result'),
            dataIndex: 'result',
            render: (r: string | null) =>
              r ? (
                <Tag color={RESULT_COLORS[r]} data-testid="environment-sample-result" data-result={r}>
                  {testingLabel(t, 'result', r)}
                </Tag>
              ) : (
                t('environment.result.pending')
              ),
          },
          {
            title: t('environment.openTasks'),
            dataIndex: 'openTasks',
            render: (n: number) => (n > 0 ? <Tag color="orange">{n}</Tag> : '—'),
          },
        ]}
      />
    </Card>
  );
}

/** 风险场所 and 批次追溯: places flagged by a positive until a later negative sample; places holding a batch. */
export function RisksCard({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const [includeCleared, setIncludeCleared] = useState(false);
  const [batch, setBatch] = useState('');
  const risks = useRisks(jurisdictionId, includeCleared);
  const trace = useBatchTrace(batch);
  const place = { title: t('environment.place'), dataIndex: 'placeName' };
  const community = { title: t('testing.community'), dataIndex: 'jurisdictionName' };
  const risk = {
    title: t('environment.risk'),
    dataIndex: 'risk',
    render: (r: string) => (r === 'none' ? '—' : <Tag color={RISK_COLORS[r]}>{environmentLabel(t, 'risk', r)}</Tag>),
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('environment.risks')}
        extra={
          <Checkbox checked={includeCleared} onChange={(e) => setIncludeCleared(e.target.checked)}>
            {t('environment.includeCleared')}
          </Checkbox>
        }
      >
        <Table
          size="small"
          rowKey="placeId"
          data-testid="environment-risks"
          loading={risks.isFetching}
          pagination={false}
          dataSource={risks.data?.items ?? []}
          columns={[
            place,
            community,
            risk,
            {
              title: t('environment.riskSince'),
              dataIndex: 'riskSince',
              render: (at: string | null) => formatTime(at, 'YYYY-MM-DD HH:mm'),
            },
            {
              title: t('environment.lastNegativeAt'),
              dataIndex: 'lastNegativeAt',
              render: (at: string | null) => formatTime(at, 'YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      </Card>
      <Card
        title={t('environment.batchTrace')}
        extra={
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('environment.batchSearch')}
            data-testid="environment-batch-search"
            onSearch={(value) => setBatch(value.trim())}
          />
        }
      >
        <Table
          size="small"
          rowKey="placeId"
          data-testid="environment-batch-places"
          loading={trace.isFetching}
          pagination={false}
          dataSource={trace.data?.places ?? []}
          columns={[
            place,
            { title: t('place.kind'), dataIndex: 'placeKind', render: (kind: string) => labelOf(t, 'place.kind', kind) },
            community,
            { title: t('environment.batchSamples'), dataIndex: 'batchSamples' },
            {
              title: t('environment.batchPositives'),
              dataIndex: 'batchPositives',
              render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
            },
            risk,
          ]}
        />
      </Card>
    </Space>
  );
}
