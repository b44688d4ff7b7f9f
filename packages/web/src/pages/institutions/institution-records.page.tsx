import { Card, Tabs } from 'antd';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { EventPermitsTab } from './event-permits.tab.tsx';
import { HotelGuestsTab } from './hotel-guests.tab.tsx';
import { PharmacyOutboxTab } from './pharmacy-outbox.tab.tsx';

/** Issue 16 part 2: hotel guests (PUB-007), meeting and exam permits (PUB-005), the pharmacy sharing outbox (PHAR-002). */
export function InstitutionRecordsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const tabs = [
    { key: 'guests', label: <span data-testid="records-tab-guests">{t('records.tab.guests')}</span>, children: <HotelGuestsTab /> },
    { key: 'events', label: <span data-testid="records-tab-events">{t('records.tab.events')}</span>, children: <EventPermitsTab /> },
    ...(can('institution.manage')
      ? [{ key: 'outbox', label: <span data-testid="records-tab-outbox">{t('records.tab.outbox')}</span>, children: <PharmacyOutboxTab /> }]
      : []),
  ];
  return (
    <Card title={t('records.title')}>
      <Tabs items={tabs} destroyOnHidden />
    </Card>
  );
}
