import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Input, List, Modal, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { type ClauseLike, ClauseRef } from '../../components/clause-ref.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

type Documents = Awaited<ReturnType<typeof fetchDocuments>>;
type DocumentRow = Documents['items'][number];
interface Issue {
  path: string;
  reason: string;
}
interface Change {
  path: string;
  change: string;
  before?: unknown;
  after?: unknown;
}

const fetchDocuments = () => unwrap(api.GET('/api/protocols/documents', { params: { query: {} } }));
const fetchShipped = () => unwrap(api.GET('/api/protocols'));
const STATUS_COLOUR: Record<string, string> = { draft: 'default', approved: 'blue', active: 'green', superseded: 'orange' };
const camel = (id: string) => id.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** Every clause a document cites (its `basis` values), for reading it as the rules it rests on. */
function clausesOf(value: unknown, out: ClauseLike[] = []): ClauseLike[] {
  if (Array.isArray(value)) for (const item of value) clausesOf(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const c = child as Partial<ClauseLike> | null;
      if (key === 'basis' && c && typeof c.source === 'string' && typeof c.clause === 'string') out.push(c as ClauseLike);
      else clausesOf(child, out);
    }
  }
  return out;
}

function ChangesTable({ changes }: { changes: { category: string | null; changes: Change[] }[] }) {
  const rows = changes.flatMap((c) => c.changes.map((change) => ({ ...change, category: c.category ?? '' })));
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.category}:${r.path}`}
      dataSource={rows}
      pagination={{ pageSize: 10 }}
      columns={[
        { dataIndex: 'category', title: '' },
        { dataIndex: 'path', title: 'path' },
        { key: 'before', title: '←', render: (_, r) => <Typography.Text code>{show(r.before)}</Typography.Text> },
        { key: 'after', title: '→', render: (_, r) => <Typography.Text code>{show(r.after)}</Typography.Text> },
      ]}
    />
  );
}

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const detail = useQuery({
    queryKey: ['protocol-document', id],
    queryFn: () => unwrap(api.GET('/api/protocols/documents/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
  const clauses = clausesOf(detail.data?.document).filter(
    (c, i, all) => all.findIndex((o) => o.source === c.source && o.clause === c.clause) === i,
  );
  return (
    <Drawer open={Boolean(id)} onClose={onClose} width={860} title={detail.data?.name} data-testid="protocol-detail">
      {detail.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t('protocol.edition')}>{detail.data.editionId}</Descriptions.Item>
            <Descriptions.Item label={t('protocol.jurisdiction')}>{detail.data.jurisdictionCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('protocol.status')}>{t(`protocol.status.${detail.data.status}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('protocol.approvedBy')}>{detail.data.approvalBasis ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('protocol.clauses')}</Typography.Title>
          <Space wrap>
            {clauses.map((c) => (
              <ClauseRef key={`${c.source}${c.clause}`} basis={c} />
            ))}
          </Space>
          <Typography.Title level={5}>{t('protocol.changes')}</Typography.Title>
          <ChangesTable changes={detail.data.changes} />
        </Space>
      )}
    </Drawer>
  );
}

function PreviewModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const preview = useQuery({
    queryKey: ['protocol-preview', id],
    queryFn: () => unwrap(api.GET('/api/protocols/documents/{id}/preview', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
  });
  return (
    <Modal open={Boolean(id)} onCancel={onClose} footer={null} width={860} title={t('protocol.preview')}>
      {preview.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Statistic title={t('protocol.previewPeople')} value={preview.data.episodes.total} data-testid="protocol-preview-count" />
          <Space wrap>
            {Object.entries(preview.data.episodes.byCategory).map(([category, n]) => (
              <Tag key={category}>
                {t(`keyPerson.category.${camel(category)}` as MessageKey)} {n}
              </Tag>
            ))}
          </Space>
          <Statistic
            title={t('protocol.previewCampaigns')}
            value={preview.data.campaigns.length}
            data-testid="protocol-preview-campaigns"
          />
          <Space wrap>
            {preview.data.campaigns.map((c) => (
              <Tag key={c.id}>{c.name}</Tag>
            ))}
          </Space>
          {preview.data.against && (
            <Typography.Text type="secondary">
              {t('protocol.previewAgainst')}: {preview.data.against}
            </Typography.Text>
          )}
          <ChangesTable changes={preview.data.changes} />
        </Space>
      )}
    </Modal>
  );
}

/** Paste a document: JSON that does not parse, or a document the server refuses, shows every problem inline. */
function DraftCard() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const save = useMutation({
    mutationFn: (document: unknown) => unwrap(api.POST('/api/protocols/documents', { body: { document } })),
    meta: { ownErrors: true },
    onSuccess: async () => {
      setIssues([]);
      setText('');
      showSuccess(t('protocol.saved'));
      await client.invalidateQueries({ queryKey: ['protocol-documents'] });
    },
    onError: (error) => {
      const found = error instanceof ApiError ? (error.details as { issues?: Issue[] } | undefined)?.issues : undefined;
      if (found) setIssues(found);
      else if (error instanceof ApiError && error.field) setIssues([{ path: error.field, reason: error.message }]);
      else showError(error);
    },
  });
  const submit = () => {
    try {
      save.mutate(JSON.parse(text));
    } catch {
      setIssues([{ path: '$', reason: t('protocol.notJson') }]);
    }
  };
  return (
    <Card title={t('protocol.draft')} size="small">
      <Typography.Paragraph type="secondary">{t('protocol.draftHint')}</Typography.Paragraph>
      <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} data-testid="protocol-draft-json" />
      {issues.length > 0 && (
        <Alert
          type="error"
          style={{ marginTop: 8 }}
          message={t('protocol.issues')}
          data-testid="protocol-draft-issues"
          description={<List size="small" dataSource={issues} renderItem={(i) => <List.Item>{`${i.path}: ${i.reason}`}</List.Item>} />}
        />
      )}
      <Button type="primary" style={{ marginTop: 8 }} onClick={submit} loading={save.isPending} data-testid="protocol-draft-save">
        {t('protocol.save')}
      </Button>
    </Card>
  );
}

function useDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; action: 'approve' | 'activate'; basis?: string }) =>
      input.action === 'approve'
        ? unwrap(api.POST('/api/protocols/documents/{id}/approve', { params: { path: { id: input.id } }, body: { basis: input.basis } }))
        : unwrap(api.POST('/api/protocols/documents/{id}/activate', { params: { path: { id: input.id } }, body: {} })),
    // An approved or active document joins the protocol list that names editions and profiles on records.
    onSuccess: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['protocol-documents'] }), client.invalidateQueries({ queryKey: ['protocols'] })]),
  });
}

function DocumentsTable({ onView, onPreview }: { onView: (id: string) => void; onPreview: (id: string) => void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const documents = useQuery({ queryKey: ['protocol-documents'], queryFn: fetchDocuments });
  const decide = useDecision();
  const [approving, setApproving] = useState<DocumentRow | null>(null);
  const [basis, setBasis] = useState('');
  return (
    <Card title={t('protocol.documents')} size="small">
      <Table
        size="small"
        rowKey="id"
        loading={documents.isPending}
        dataSource={documents.data?.items ?? []}
        pagination={false}
        columns={[
          { dataIndex: 'name', title: t('protocol.profile') },
          { dataIndex: 'key', title: 'id' },
          { dataIndex: 'editionId', title: t('protocol.edition') },
          { dataIndex: 'jurisdictionCode', title: t('protocol.jurisdiction') },
          {
            key: 'status',
            title: t('protocol.status'),
            render: (_, r) => (
              <Tag color={STATUS_COLOUR[r.status]} data-testid="protocol-status">
                {t(`protocol.status.${r.status}` as MessageKey)}
              </Tag>
            ),
          },
          { dataIndex: 'effectiveFrom', title: t('protocol.effectiveFrom') },
          {
            key: 'actions',
            title: '',
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => onView(r.id)}>
                  {t('protocol.view')}
                </Button>
                <Button size="small" onClick={() => onPreview(r.id)} data-testid="protocol-preview">
                  {t('protocol.preview')}
                </Button>
                {r.status === 'draft' && can('protocol.approve') && (
                  <Button size="small" onClick={() => setApproving(r)} data-testid="protocol-approve">
                    {t('protocol.approve')}
                  </Button>
                )}
                {r.status === 'approved' && can('protocol.approve') && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => decide.mutate({ id: r.id, action: 'activate' })}
                    data-testid="protocol-activate"
                  >
                    {t('protocol.activate')}
                  </Button>
                )}
                <Button size="small" type="link" href={`/api/protocols/documents/${r.id}/export`} target="_blank">
                  {t('protocol.export')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={Boolean(approving)}
        title={`${t('protocol.approve')}：${approving?.name ?? ''}`}
        onCancel={() => setApproving(null)}
        okButtonProps={{ loading: decide.isPending, 'data-testid': 'protocol-approve-submit' }}
        onOk={() =>
          approving &&
          decide.mutate(
            { id: approving.id, action: 'approve', basis },
            {
              onSuccess: () => {
                setApproving(null);
                setBasis('');
              },
            },
          )
        }
      >
        <Input
          placeholder={t('protocol.approveBasis')}
          value={basis}
          onChange={(e) => setBasis(e.target.value)}
          data-testid="protocol-approve-basis"
        />
      </Modal>
    </Card>
  );
}

function ShippedTable() {
  const { t } = useI18n();
  const shipped = useQuery({ queryKey: ['protocols-shipped'], queryFn: fetchShipped });
  type Row = {
    id: string;
    name: unknown;
    effectiveFrom: unknown;
    effectiveTo: unknown;
    categories: unknown;
    profiles: unknown;
    shipped?: boolean;
  };
  // The list names the district's own documents too (for records kept under them); they have their own table below.
  const rows = ((shipped.data ?? []) as Row[])
    .filter((r) => r.shipped !== false)
    .map((r) => ({ ...r, profiles: ((r.profiles as { shipped?: boolean }[]) ?? []).filter((p) => p.shipped !== false) }));
  return (
    <Card title={t('protocol.shipped')} size="small">
      <Table
        size="small"
        rowKey="id"
        loading={shipped.isPending}
        dataSource={rows}
        pagination={false}
        columns={[
          { dataIndex: 'id', title: 'id' },
          { key: 'name', title: t('protocol.edition'), render: (_, r) => String(r.name) },
          {
            key: 'effective',
            title: t('protocol.effective'),
            render: (_, r) => `${String(r.effectiveFrom)} — ${r.effectiveTo ? String(r.effectiveTo) : '…'}`,
          },
          {
            key: 'profiles',
            title: t('protocol.profile'),
            render: (_, r) => (
              <Space wrap>
                {((r.profiles as { id: string; jurisdictionCode: string }[]) ?? []).map((p) => (
                  <Tag key={p.id}>{`${p.id} @ ${p.jurisdictionCode}`}</Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'export',
            title: '',
            render: (_, r) => (
              <Button size="small" type="link" href={`/api/protocols/shipped/${r.id}/export`} target="_blank">
                {t('protocol.export')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 防控方案 (issue 14 part 3): the shipped editions, the district's own profiles, drafting, preview, approval and activation. */
export function ProtocolsPage() {
  const { can } = useSession();
  const [viewing, setViewing] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="protocols-page">
      <ShippedTable />
      <DocumentsTable onView={setViewing} onPreview={setPreviewing} />
      {can('protocol.draft') && <DraftCard />}
      <DetailDrawer id={viewing} onClose={() => setViewing(null)} />
      <PreviewModal id={previewing} onClose={() => setPreviewing(null)} />
    </Space>
  );
}
