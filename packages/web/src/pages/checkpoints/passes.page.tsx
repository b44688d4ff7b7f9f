import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Modal, message, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useHouseholds } from './checkpoint-queries.ts';
import { useCheckpointText } from './checkpoint-text.ts';

const PASSES_KEY = ['passes'] as const;

type PassRow = { id: string; passNumber: string; householdName: string; status: string; validFrom: string; revokedReason: string | null };

/** One household, one pass (seed 001 §三(五)): issue, list, revoke. */
export function PassesPage() {
  const t = useCheckpointText();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<PassRow | null>(null);
  const [reason, setReason] = useState('');
  const households = useHouseholds(q);
  const passes = useQuery({ queryKey: [...PASSES_KEY], queryFn: () => unwrap(api.GET('/api/passes')) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: PASSES_KEY });
  const issue = async () => {
    if (!householdId) return;
    try {
      await unwrap(api.POST('/api/passes', { body: { householdId } }));
      setHouseholdId(null);
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const revoke = async () => {
    if (!revoking) return;
    try {
      await unwrap(api.POST('/api/passes/{id}/revoke', { params: { path: { id: revoking.id } }, body: { reason } }));
      setRevoking(null);
      setReason('');
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card title={t('passesTitle')}>
      <Space style={{ marginBottom: 16 }}>
        <Select
          style={{ minWidth: 320 }}
          value={householdId}
          placeholder={t('household')}
          onChange={setHouseholdId}
          showSearch={{ filterOption: false, onSearch: setQ }}
          options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.code}）` }))}
          data-testid="pass-household"
        />
        <Button type="primary" disabled={!householdId} onClick={issue} data-testid="pass-issue">
          {t('issue')}
        </Button>
      </Space>
      <Table<PassRow>
        size="small"
        rowKey="id"
        loading={passes.isPending}
        dataSource={passes.data?.items ?? []}
        data-testid="passes-table"
        columns={[
          { title: t('passNumber'), dataIndex: 'passNumber' },
          { title: t('household'), dataIndex: 'householdName' },
          { title: t('validFrom'), dataIndex: 'validFrom' },
          {
            title: t('status'),
            render: (_, p) =>
              p.status === 'active' ? (
                <Tag color="green">{t('active')}</Tag>
              ) : (
                <Tag>{`${t('revoked')}${p.revokedReason ? `：${p.revokedReason}` : ''}`}</Tag>
              ),
          },
          {
            title: '',
            render: (_, p) =>
              p.status === 'active' && (
                <Button size="small" danger onClick={() => setRevoking(p)}>
                  {t('revoke')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={revoking !== null}
        title={`${t('revoke')} ${revoking?.passNumber ?? ''}`}
        onOk={revoke}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setRevoking(null)}
      >
        <Input value={reason} placeholder={t('revokeReason')} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}
