import type { ReportTemplateDefinition } from '@fangkong/core';
import { Button, Card, Empty, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ReportCatalogue } from './report-catalogue.tsx';
import { type SignatureValues, SignModal } from './report-modals.tsx';
import {
  type DueItem,
  type DueList,
  STATE_COLORS,
  stateLabel,
  statusLabel,
  useDue,
  useHistory,
  useInvalidateReports,
  useTemplates,
} from './report-queries.ts';
import { SubmissionDrawer } from './submission.drawer.tsx';

type Unit = DueList['units'][number];

interface ZeroRequest {
  unit: Unit['unit'];
  items: DueItem[];
}

const notReported = (item: DueItem) => !item.submission || item.submission.status === 'draft';

/** Zero reports for one or several tables of a unit in one action (one signature covers them all). */
function useZeroReports(date: string, definitions: Map<string, ReportTemplateDefinition>) {
  const { t } = useI18n();
  const { can } = useSession();
  const invalidate = useInvalidateReports();
  const [signing, setSigning] = useState<ZeroRequest | null>(null);
  const isSigned = (item: DueItem) => {
    const d = definitions.get(item.templateCode);
    return d?.kind === 'submitted' && d.signature.required;
  };
  const needsSignature = (items: DueItem[]) => items.some(isSigned);
  const send = async (request: ZeroRequest, signature?: SignatureValues) => {
    for (const item of request.items) {
      await unwrap(
        api.POST('/api/reports/submissions', {
          body: {
            templateId: item.templateId,
            unitId: request.unit.id,
            period: date,
            zero: true,
            ...(signature && isSigned(item) ? { signature } : {}),
          },
        }),
      );
    }
    showSuccess(t('report.submitted'));
    await invalidate();
  };
  const start = (request: ZeroRequest) =>
    Modal.confirm({
      title: t('report.zeroReport'),
      content: t('report.zeroConfirm', { date }),
      okButtonProps: { 'data-testid': 'zero-confirm' } as never,
      onOk: () => {
        if (needsSignature(request.items) && can('report.sign')) return setSigning(request);
        return send(request).catch(showError);
      },
    });
  const seal = signing?.items.some((i) => {
    const d = definitions.get(i.templateCode);
    return d?.kind === 'submitted' && d.signature.seal;
  });
  const modal = (
    <SignModal
      open={signing !== null}
      seal={Boolean(seal)}
      onClose={() => setSigning(null)}
      onSign={async (signature) => {
        if (signing) await send(signing, signature);
        setSigning(null);
      }}
    />
  );
  return { start, modal };
}

function UnitCard({
  unit,
  date,
  onOpen,
  zero,
}: {
  unit: Unit;
  date: string;
  onOpen: (id: string) => void;
  zero: (r: ZeroRequest) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const triple = unit.items.filter((i) => i.group === 'triple_1300' && notReported(i));
  const fill = (item: DueItem) =>
    navigate(`/reports/fill?${new URLSearchParams({ templateId: item.templateId, unitId: unit.unit.id, period: date })}`);
  return (
    <Card
      size="small"
      title={unit.unit.name}
      data-testid="report-unit"
      data-unit={unit.unit.name}
      extra={
        triple.length > 0 && (
          <Button onClick={() => zero({ unit: unit.unit, items: triple })} data-testid="report-zero-triple">
            {t('report.zeroAll')}
          </Button>
        )
      }
    >
      <Table<DueItem>
        size="small"
        rowKey="templateId"
        dataSource={unit.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('report.template'),
            dataIndex: 'name',
            render: (name: string, item) => (
              <Space size={4} wrap>
                <span data-testid="due-name">{name}</span>
                {item.group && <Tag>{t(`report.group.${item.group}` as 'report.group.triple_1300')}</Tag>}
              </Space>
            ),
          },
          { title: t('report.deadline'), dataIndex: 'dueAt', width: 80, render: (at: string) => formatTime(at, 'HH:mm') },
          {
            title: t('report.state'),
            key: 'state',
            render: (_, item) => (
              <Space size={4} wrap>
                <Tag color={STATE_COLORS[item.state]} data-testid="due-state" data-state={item.state}>
                  {stateLabel(t, item.state)}
                </Tag>
                {item.submission?.status === 'draft' && <Tag color="gold">{statusLabel(t, 'draft')}</Tag>}
                {item.submission?.zero && <Tag color="cyan">{t('report.zero')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, item) => (
              <Space size={4} wrap>
                <Button size="small" type={notReported(item) ? 'primary' : 'default'} onClick={() => fill(item)} data-testid="due-fill">
                  {item.submission ? t('report.correct') : t('report.fill')}
                </Button>
                {notReported(item) && (
                  <Button size="small" onClick={() => zero({ unit: unit.unit, items: [item] })} data-testid="due-zero">
                    {t('report.zero')}
                  </Button>
                )}
                {item.submission && (
                  <Button size="small" type="link" onClick={() => item.submission && onOpen(item.submission.id)} data-testid="due-view">
                    {t('report.view')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function History({ units, onOpen }: { units: Unit[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState<string | undefined>(units[0]?.unit.id);
  const history = useHistory(unitId);
  const names = new Map(units.flatMap((u) => u.items.map((i) => [i.templateCode, i.name])));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        style={{ minWidth: 220 }}
        value={unitId}
        onChange={setUnitId}
        options={units.map((u) => ({ value: u.unit.id, label: u.unit.name }))}
        data-testid="history-unit"
      />
      <Table
        size="small"
        rowKey="id"
        loading={history.isFetching}
        dataSource={history.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          { title: t('report.date'), dataIndex: 'period' },
          { title: t('report.template'), dataIndex: 'templateCode', render: (code: string) => names.get(code) ?? code },
          {
            title: t('report.state'),
            key: 'state',
            render: (_, s) => (
              <Space size={4}>
                <Tag color={s.status === 'draft' ? 'gold' : s.late ? 'orange' : 'green'}>
                  {s.status === 'draft' ? statusLabel(t, 'draft') : stateLabel(t, s.late ? 'late' : 'on_time')}
                </Tag>
                {s.zero && <Tag color="cyan">{t('report.zero')}</Tag>}
              </Space>
            ),
          },
          { title: t('report.submittedAt'), dataIndex: 'submittedAt', render: (at: string | null) => formatTime(at, 'YYYY-MM-DD HH:mm') },
          { title: t('report.revision'), dataIndex: 'revision' },
          {
            title: '',
            key: 'view',
            render: (_, s) => (
              <Button type="link" onClick={() => onOpen(s.id)}>
                {t('report.view')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** 日报填报 (DAILY-001…006): the reports due today for my units, the template catalogue, and my units' history. */
export function ReportsPage() {
  const { t } = useI18n();
  const due = useDue();
  const templates = useTemplates();
  const [open, setOpen] = useState<string | null>(null);
  const definitions = new Map((templates.data ?? []).map((row) => [row.code, row.definition as unknown as ReportTemplateDefinition]));
  const date = due.data?.date ?? '';
  const zero = useZeroReports(date, definitions);
  const units = due.data?.units ?? [];
  const today =
    units.length === 0 ? (
      <Empty description={t('report.noUnits')} />
    ) : (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {units.map((unit) => (
          <UnitCard key={unit.unit.id} unit={unit} date={date} onOpen={setOpen} zero={zero.start} />
        ))}
      </Space>
    );
  return (
    <Card title={`${t('menu.reports')} · ${date}`} loading={due.isPending}>
      <Tabs
        items={[
          { key: 'today', label: t('report.today'), children: today },
          { key: 'catalogue', label: t('report.catalogue'), children: <ReportCatalogue templates={templates.data ?? []} /> },
          { key: 'history', label: t('report.history'), children: <History units={units} onOpen={setOpen} /> },
        ]}
      />
      {zero.modal}
      <SubmissionDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
