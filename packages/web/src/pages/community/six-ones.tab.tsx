import { useQuery } from '@tanstack/react-query';
import { Alert, Input, message, Switch, Table } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { camelId } from '../../i18n/labels.ts';
import type { MessageKey } from '../../i18n/messages.zh-CN.ts';
import { COMMUNITY_KEY, useRefreshCommunity } from './community-queries.ts';

const DUTIES = ['one_entrance', 'one_team', 'one_desk', 'one_equipment_set', 'one_rule_set', 'one_inspection_team'] as const;
type Duty = (typeof DUTIES)[number];
const dutyKey = (duty: string) => `community.sixOnes.${camelId(duty)}` as MessageKey;

/** Today's "six ones" (COMM-001…006): each duty checked with a note; ready when all six are in place. */
export function SixOnesTab({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const ledger = useQuery({
    queryKey: [...COMMUNITY_KEY, 'six-ones', communityId],
    queryFn: () => unwrap(api.GET('/api/community/six-ones', { params: { query: { jurisdictionId: communityId } } })),
  });
  const entry = (duty: string) => ledger.data?.entries.find((e) => e.duty === duty);
  const record = async (duty: Duty, done: boolean, note?: string) => {
    try {
      await unwrap(api.PUT('/api/community/six-ones', { body: { jurisdictionId: communityId, duty, done, ...(note ? { note } : {}) } }));
      await refresh();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const readiness = ledger.data?.readiness;
  return (
    <>
      {readiness && (
        <Alert
          style={{ marginBottom: 16 }}
          type={readiness.ready ? 'success' : 'warning'}
          showIcon
          data-testid="six-ones-readiness"
          message={
            readiness.ready
              ? t('community.sixOnes.ready')
              : t('community.sixOnes.missing', {
                  items: readiness.missing.map((m) => `${t(dutyKey(m.duty))}（${m.requirement}）`).join('、'),
                })
          }
        />
      )}
      <Table
        size="small"
        rowKey={(d) => d}
        pagination={false}
        loading={ledger.isPending}
        dataSource={[...DUTIES]}
        data-testid="six-ones-table"
        columns={[
          { title: t('community.sixOnes.duty'), render: (_, duty) => t(dutyKey(duty)) },
          {
            title: t('community.sixOnes.done'),
            render: (_, duty) => (
              <Switch
                checked={entry(duty)?.done ?? false}
                onChange={(done) => record(duty, done, entry(duty)?.note ?? undefined)}
                data-testid={`six-ones-${duty}`}
              />
            ),
          },
          {
            title: t('community.sixOnes.note'),
            render: (_, duty) => (
              <Input
                key={`${duty}-${entry(duty)?.updatedAt ?? ''}`}
                defaultValue={entry(duty)?.note ?? ''}
                onBlur={(e) => e.target.value !== (entry(duty)?.note ?? '') && record(duty, entry(duty)?.done ?? false, e.target.value)}
              />
            ),
          },
        ]}
      />
    </>
  );
}
