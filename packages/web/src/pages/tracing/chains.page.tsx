import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { tracingLabel } from './tracing-labels.ts';

const PAGE_SIZE = 20;

interface ChainNode {
  caseId: string;
  infectorCaseId: string | null;
  depth: number;
  caseNumber: string;
  classification: string;
  onsetDate: string | null;
  name: string;
  contacts: number;
}

type TreeRow = ChainNode & { children?: TreeRow[] };

/** The flat nodes of one chain (root first, by depth) as a tree for the expandable table; no graph library needed. */
export function chainTree(nodes: readonly ChainNode[]): TreeRow[] {
  const rows = new Map<string, TreeRow>(nodes.map((n) => [n.caseId, { ...n }]));
  const roots: TreeRow[] = [];
  for (const row of rows.values()) {
    const parent = row.infectorCaseId ? rows.get(row.infectorCaseId) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), row];
    else roots.push(row);
  }
  return roots;
}

/** One chain, fetched when its row is opened (the list itself carries no nodes). */
function ChainTree({ rootId }: { rootId: string }) {
  const { t } = useI18n();
  const chain = useQuery({
    queryKey: ['tracing', 'chain', rootId],
    queryFn: () => unwrap(api.GET('/api/chains/{id}', { params: { path: { id: rootId }, query: {} } })),
  });
  const nodes = chain.data?.nodes ?? [];
  return (
    <Table<TreeRow>
      rowKey="caseId"
      size="small"
      loading={chain.isPending}
      pagination={false}
      dataSource={chainTree(nodes)}
      expandable={{ defaultExpandAllRows: nodes.length <= 50 }}
      columns={[
        { title: t('chains.caseNumber'), dataIndex: 'caseNumber' },
        { title: t('chains.name'), dataIndex: 'name' },
        { title: t('chains.classification'), render: (_, n) => tracingLabel(t, 'chains.classification', n.classification) },
        { title: t('chains.onset'), render: (_, n) => n.onsetDate ?? '—' },
        { title: t('chains.depth'), render: (_, n) => t('chains.generation', { n: n.depth + 1 }) },
        { title: t('chains.contacts'), dataIndex: 'contacts' },
      ]}
    />
  );
}

function SerialIntervalCard() {
  const { t } = useI18n();
  const si = useQuery({ queryKey: ['tracing', 'serial-interval'], queryFn: () => unwrap(api.GET('/api/chains/serial-interval')) });
  const value = si.data;
  return (
    <Card size="small" title={t('chains.serialInterval')}>
      {value && value.meanDays !== null
        ? t('chains.serialIntervalValue', { mean: value.meanDays, sd: value.sdDays ?? '—', n: value.n })
        : t('chains.serialIntervalNone')}
    </Card>
  );
}

function ClustersCard() {
  const { t, language } = useI18n();
  const clusters = useQuery({ queryKey: ['tracing', 'clusters'], queryFn: () => unwrap(api.GET('/api/clusters')) });
  const items = clusters.data?.items ?? [];
  return (
    <Card size="small" title={t('chains.clusters')}>
      {items.length === 0 ? (
        t('chains.noClusters')
      ) : (
        <Space wrap>
          {items.map((c) => (
            <Tag color="red" key={`${c.areaKey}-${c.from}`}>
              {language === 'en' ? c.name.en : c.name.zh} · {c.size}
            </Tag>
          ))}
        </Space>
      )}
    </Card>
  );
}

function FollowUpCard() {
  const { t } = useI18n();
  const rows = useQuery({ queryKey: ['tracing', 'follow-up'], queryFn: () => unwrap(api.GET('/api/tracing/follow-up')) });
  return (
    <Card size="small" title={t('chains.followUp')}>
      <Table
        rowKey={(r) => r.investigatorId ?? '-'}
        size="small"
        pagination={false}
        loading={rows.isPending}
        dataSource={rows.data ?? []}
        columns={[
          { title: t('chains.investigator'), render: (_, r) => r.investigator ?? '—' },
          { title: t('chains.underFollowUp'), dataIndex: 'underFollowUp' },
          { title: t('chains.checks'), render: (_, r) => `${r.checksDone} / ${r.checksDue}` },
          { title: t('chains.lost'), dataIndex: 'lost' },
          { title: t('chains.becameCases'), dataIndex: 'becameCases' },
        ]}
      />
    </Card>
  );
}

/** 传播链 (CASE-009, issue 11 §6): paged chains, each expandable into its tree; serial interval, clusters, follow-up. */
export function ChainsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const chains = useQuery({
    queryKey: ['tracing', 'chains', page, from, to],
    queryFn: () => unwrap(api.GET('/api/chains', { params: { query: { page, pageSize: PAGE_SIZE, from, to } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4}>{t('chains.title')}</Typography.Title>
      <Descriptions size="small" column={1} />
      <Space wrap align="start">
        <SerialIntervalCard />
        <ClustersCard />
      </Space>
      <Card>
        <Space style={{ marginBottom: 12 }}>
          {t('chains.from')}
          <DatePicker.RangePicker
            value={range}
            onChange={(value) => {
              setRange(value);
              setPage(1);
            }}
          />
        </Space>
        <Table
          data-testid="chains-table"
          rowKey="rootId"
          loading={chains.isPending}
          dataSource={chains.data?.items ?? []}
          expandable={{ expandedRowRender: (chain) => <ChainTree rootId={chain.rootId} /> }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: chains.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('chains.root'), dataIndex: 'caseNumber' },
            { title: t('chains.size'), dataIndex: 'size' },
            { title: t('chains.depth'), render: (_, c) => c.depth + 1 },
            { title: t('chains.contacts'), dataIndex: 'contacts' },
          ]}
        />
      </Card>
      <FollowUpCard />
    </Space>
  );
}
