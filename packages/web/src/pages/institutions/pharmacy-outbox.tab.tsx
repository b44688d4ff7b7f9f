import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Divider, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { showError } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { SalesTable } from './institution-forms.tsx';
import { INSTITUTION_KEY, useInvalidateInstitutions } from './institution-queries.ts';

const key = (k: string) => k as MessageKey;
const RECIPIENTS = ['provincial_platform', 'department'] as const;
type Recipient = (typeof RECIPIENTS)[number];

/**
 * PHAR-002 / SC-61: the real-name sales in scope not yet handed over, and the hand-over itself (in full to the
 * receiving system, once each, audited with its purpose). The page shows only how many went, never the buyers.
 */
export function PharmacyOutboxTab() {
  const { t } = useI18n();
  const invalidate = useInvalidateInstitutions();
  const [recipient, setRecipient] = useState<Recipient>('provincial_platform');
  const [purpose, setPurpose] = useState('');
  const outbox = useQuery({
    queryKey: [INSTITUTION_KEY, 'outbox'],
    queryFn: () => unwrap(api.GET('/api/pharmacy-sales/outbox')),
  });
  const share = useMutation({
    mutationFn: () => unwrap(api.POST('/api/pharmacy-sales/share', { body: { recipient, purpose: purpose.trim() } })),
    onSuccess: () => {
      setPurpose('');
      void invalidate();
    },
    onError: showError,
  });
  const pending = outbox.data?.pending ?? 0;
  return (
    <>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('records.outbox.pending')}>
          <span data-testid="outbox-pending" data-value={outbox.data ? String(pending) : ''}>
            {outbox.isPending ? '…' : pending}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('records.outbox.oldest')}>
          {outbox.data?.oldestSoldAt ? formatTime(outbox.data.oldestSoldAt, 'YYYY-MM-DD HH:mm') : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        {t('records.outbox.recipient')}
        <Select
          style={{ width: 200 }}
          value={recipient}
          onChange={setRecipient}
          options={RECIPIENTS.map((r) => ({ value: r, label: t(key(`records.outbox.recipient.${r}`)) }))}
          data-testid="outbox-recipient"
        />
        <Input
          style={{ width: 240 }}
          placeholder={t('records.outbox.purpose')}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          data-testid="outbox-purpose"
        />
        <Button
          type="primary"
          disabled={pending === 0 || purpose.trim().length === 0}
          loading={share.isPending}
          onClick={() => share.mutate()}
          data-testid="outbox-share"
        >
          {t('records.outbox.share')}
        </Button>
      </Space>
      {share.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="outbox-shared"
          data-count={String(share.data.count)}
          title={t('records.outbox.shared', {
            count: share.data.count,
            recipient: t(key(`records.outbox.recipient.${share.data.recipient}`)),
          })}
        />
      )}
      <Divider titlePlacement="start">{t('records.outbox.sales')}</Divider>
      <SalesTable />
    </>
  );
}
