import { Card, Empty, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { CommunityModeBanner } from './community-mode.banner.tsx';
import { useCommunities } from './community-queries.ts';
import { CommunityReportsTab } from './community-reports.tab.tsx';
import { EntryLedgerTab } from './entry-ledger.tab.tsx';
import { GatheringsTab } from './gatherings.tab.tsx';
import { ScreeningTab } from './screening.tab.tsx';
import { SixOnesTab } from './six-ones.tab.tsx';
import { SuppliesTab } from './supplies.tab.tsx';

/** The grid worker's community work (REQUIREMENTS §7): door-to-door screening, the six ones, gatherings, supplies, the entrance ledger (COMM-012), reports of outsiders and refusals (SC-38, SC-39). */
export function CommunityPage() {
  const { t } = useI18n();
  const communities = useCommunities();
  const [chosen, setChosen] = useState<string | null>(null);
  const items = communities.data?.items ?? [];
  const communityId = chosen ?? items[0]?.id ?? null;
  return (
    <Card
      title={t('community.title')}
      loading={communities.isPending}
      extra={
        <Space>
          {t('community.community')}
          <Select
            style={{ minWidth: 200 }}
            value={communityId}
            onChange={setChosen}
            options={items.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="community-select"
          />
        </Space>
      }
    >
      {communityId === null ? (
        <Empty />
      ) : (
        <>
          <CommunityModeBanner communityId={communityId} />
          <Tabs
            items={[
              { key: 'screening', label: t('community.tab.screening'), children: <ScreeningTab communityId={communityId} /> },
              { key: 'six-ones', label: t('community.tab.sixOnes'), children: <SixOnesTab communityId={communityId} /> },
              { key: 'gatherings', label: t('community.tab.gatherings'), children: <GatheringsTab communityId={communityId} /> },
              { key: 'supplies', label: t('community.tab.supplies'), children: <SuppliesTab communityId={communityId} /> },
              {
                key: 'entry-ledger',
                label: <span data-testid="community-tab-entry-ledger">{t('community.tab.entryLedger')}</span>,
                children: <EntryLedgerTab communityId={communityId} />,
              },
              {
                key: 'reports',
                label: <span data-testid="community-tab-reports">{t('community.tab.reports')}</span>,
                children: <CommunityReportsTab communityId={communityId} />,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
