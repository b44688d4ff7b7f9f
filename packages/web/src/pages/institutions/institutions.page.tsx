import { INSTITUTION_KINDS } from '@fangkong/core';
import { Button, Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { InstitutionDrawer } from './institution-drawer.tsx';
import { InstitutionFollowUpsCard } from './institution-follow-ups.tsx';
import { type InstitutionItem, useInstitutions } from './institution-queries.ts';
import { InstitutionImportDrawer, RegisterInstitutionModal } from './institution-register.tsx';

const key = (k: string) => k as MessageKey;
const KINDS = ['all', ...INSTITUTION_KINDS] as const;

function Findings({ row }: { row: InstitutionItem }) {
  const { t } = useI18n();
  if (row.findings.length === 0) return <Tag color="green">{t('inst.findingsOk')}</Tag>;
  return (
    <Space wrap>
      {row.findings.map((f) => (
        <Tag key={f.code} color="red" title={`${f.clause.source} ${f.clause.clause}`}>
          {f.requirement} {t(key(`inst.finding.${f.code}`), f.params)}
        </Tag>
      ))}
    </Space>
  );
}

/** Institutions (issue 16): the registry in my scope, each institution's day in a drawer, and the follow-ups they started. */
export function InstitutionsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState('all');
  const [open, setOpen] = useState<string | null>(null);
  const list = useInstitutions(kind === 'all' ? undefined : kind);
  const { can } = useSession();
  const { jurisdiction } = useScope();
  const [adding, setAdding] = useState<'form' | 'import' | null>(null);
  const manage = can('institution.manage') && jurisdiction;
  return (
    <>
      <Card
        title={t('inst.registry')}
        extra={
          manage && (
            <Space>
              <Button type="primary" onClick={() => setAdding('form')} data-testid="institution-register">
                {t('inst.register')}
              </Button>
              <Button onClick={() => setAdding('import')} data-testid="institution-import-open">
                {t('inst.import')}
              </Button>
            </Space>
          )
        }
      >
        <Segmented
          style={{ marginBottom: 12 }}
          value={kind}
          onChange={(v) => setKind(String(v))}
          options={KINDS.map((k) => ({ value: k, label: k === 'all' ? t('inst.all') : t(key(`inst.kind.${k}`)) }))}
        />
        <Table<InstitutionItem>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 15 }}
          data-testid="institution-table"
          columns={[
            {
              title: t('inst.name'),
              dataIndex: 'name',
              render: (v: string, row) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(row.id)} data-testid="institution-open">
                  {v}
                </Button>
              ),
            },
            { title: t('inst.kind'), dataIndex: 'kind', render: (v: string) => t(key(`inst.kind.${v}`)) },
            { title: t('inst.jurisdiction'), dataIndex: 'jurisdictionName' },
            { title: t('inst.findings'), key: 'findings', render: (_: unknown, row) => <Findings row={row} /> },
          ]}
        />
      </Card>
      <InstitutionFollowUpsCard />
      <InstitutionDrawer id={open} onClose={() => setOpen(null)} />
      {jurisdiction && (
        <>
          <RegisterInstitutionModal open={adding === 'form'} onClose={() => setAdding(null)} jurisdiction={jurisdiction} />
          <InstitutionImportDrawer open={adding === 'import'} onClose={() => setAdding(null)} jurisdiction={jurisdiction} />
        </>
      )}
    </>
  );
}
