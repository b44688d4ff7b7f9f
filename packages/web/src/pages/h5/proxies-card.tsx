import { Button, Input, List, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { h5Api, useH5Mutation, useProxies } from './h5-api.ts';
import { useH5 } from './h5-i18n.ts';

/** A pending request to hold an adult's code: the code the adult received, or a new one (issue 12 defect 5). */
export function ConsentByCode({ linkId }: { linkId: string }) {
  const { t } = useH5();
  const [code, setCode] = useState('');
  const confirm = useH5Mutation(
    () => h5Api.confirmDependant(linkId, code),
    () => showSuccess(t('consented')),
  );
  const resend = useH5Mutation(() => h5Api.resendConsentCode(linkId));
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={code}
        onChange={(e) => setCode(e.target.value.trim())}
        placeholder={t('consentCode')}
        inputMode="numeric"
        maxLength={6}
        data-testid="dep-consent-code"
      />
      <Button type="primary" loading={confirm.isPending} onClick={() => confirm.mutate(undefined, { onError: showError })}>
        {t('confirmConsent')}
      </Button>
      <Button loading={resend.isPending} onClick={() => resend.mutate(undefined, { onError: showError })}>
        {t('resendConsent')}
      </Button>
    </Space.Compact>
  );
}

/** Who holds (or asks to hold) my code: consent to a request, or end a proxy at any time. */
export function MyProxiesCard() {
  const { t } = useH5();
  const proxies = useProxies();
  const consent = useH5Mutation(
    (id: string) => h5Api.consentToProxy(id),
    () => showSuccess(t('consented')),
  );
  const revoke = useH5Mutation((id: string) => h5Api.revokeProxy(id));
  return (
    <List
      bordered
      style={{ background: '#fff' }}
      header={t('myProxies')}
      locale={{ emptyText: t('noProxies') }}
      dataSource={proxies.data?.items ?? []}
      renderItem={(p) => (
        <List.Item
          data-testid="proxy-item"
          actions={[
            p.status === 'pending' && (
              <Button key="c" type="link" size="small" onClick={() => consent.mutate(p.linkId, { onError: showError })}>
                {t('consent')}
              </Button>
            ),
            <Popconfirm key="r" title={t('refuse')} onConfirm={() => revoke.mutate(p.linkId, { onError: showError })}>
              <Button type="link" size="small" danger>
                {t('refuse')}
              </Button>
            </Popconfirm>,
          ].filter(Boolean)}
        >
          <span>
            {p.proxyName} · {t(`relation.${p.relation}`)} <Tag>{t(`status.${p.status}`)}</Tag>
          </span>
        </List.Item>
      )}
    />
  );
}
