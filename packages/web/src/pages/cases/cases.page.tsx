import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseClocks } from './case-clocks.tsx';
import { caseLabel } from './case-labels.ts';
import { OpenCaseModal } from './open-case.modal.tsx';

const PAGE_SIZE = 20;
const CLASSIFICATIONS = ['suspected', 'confirmed', 'asymptomatic', 'excluded'] as const;
type Classification = (typeof CLASSIFICATIONS)[number];

/** 病例: cases in my scope, personal data masked, with their clocks (CASE-001). */
export function CasesPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [classification, setClassification] = useState<Classification | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [opening, setOpening] = useState(false);
  const { can } = useSession();
  const list = useQuery({
    queryKey: ['cases', page, classification, q],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { page, pageSize: PAGE_SIZE, classification, q } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={t('menu.cases')}
      extra={
        can('case.write') && (
          <Button type="primary" onClick={() => setOpening(true)} data-testid="case-open">
            {t('case.open')}
          </Button>
        )
      }
    >
      <OpenCaseModal open={opening} onClose={() => setOpening(false)} />
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('case.classification')}
          style={{ width: 180 }}
          value={classification}
          onChange={(v) => {
            setClassification(v);
            setPage(1);
          }}
          options={CLASSIFICATIONS.map((c) => ({ value: c, label: caseLabel(t, 'case.classification', c) }))}
        />
        <Input.Search allowClear placeholder={`${t('case.number')} / ${t('case.name')}`} onSearch={(v) => setQ(v || undefined)} />
      </Space>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('case.number'), dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
          { title: t('case.name'), dataIndex: 'name' },
          { title: t('case.idMasked'), dataIndex: 'idMasked' },
          { title: t('case.classification'), dataIndex: 'classification', render: (v: string) => caseLabel(t, 'case.classification', v) },
          { title: t('case.jurisdiction'), dataIndex: 'jurisdictionName' },
          { title: t('case.discoveredAt'), dataIndex: 'discoveredAt', render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm') },
          { title: t('case.status'), dataIndex: 'status', render: (v: string) => caseLabel(t, 'case.status', v) },
          { title: t('case.clocks'), dataIndex: 'clocks', render: (_: unknown, r) => <CaseClocks clocks={r.clocks} /> },
        ]}
      />
    </Card>
  );
}
