import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CaseClocks } from './case-clocks.tsx';
import { caseLabel } from './case-labels.ts';

/** 病例看板: every open case's clocks, worst first, with who is responsible (CASE-001, CASE-002). */
export function CaseBoardPage() {
  const { t } = useI18n();
  const board = useQuery({ queryKey: ['cases', 'board'], queryFn: () => unwrap(api.GET('/api/cases/board')), refetchInterval: 60_000 });
  const counts = board.data?.counts;
  return (
    <Card title={t('menu.caseBoard')}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('case.board.late')} value={counts?.late ?? 0} valueStyle={{ color: '#cf1322' }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('case.board.dueSoon')} value={counts?.dueSoon ?? 0} valueStyle={{ color: '#d46b08' }} />
        </Col>
        <Col span={6}>
          <Statistic title={t('case.board.onTime')} value={counts?.onTime ?? 0} />
        </Col>
        <Col span={6}>
          <Statistic title={t('case.board.done')} value={counts?.done ?? 0} valueStyle={{ color: '#389e0d' }} />
        </Col>
      </Row>
      <Table
        rowKey="id"
        loading={board.isFetching}
        dataSource={board.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('case.number'), dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
          { title: t('case.name'), dataIndex: 'name' },
          { title: t('case.classification'), dataIndex: 'classification', render: (v: string) => caseLabel(t, 'case.classification', v) },
          { title: t('case.board.lead'), dataIndex: 'leadName', render: (v: string | null) => v ?? '—' },
          { title: t('case.clocks'), dataIndex: 'clocks', render: (_: unknown, r) => <CaseClocks clocks={r.clocks} /> },
        ]}
      />
    </Card>
  );
}
