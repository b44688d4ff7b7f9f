import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';

const KIND_COLOURS: Record<string, string> = { notice: 'blue', daily_outbreak: 'volcano', warning: 'red', work_bulletin: 'geekblue' };

/**
 * The public notices page (INFO-001, INFO-005, INFO-006, SC-68): what the release authority has approved and
 * published for the public, newest first, readable without signing in; `?code=` narrows to one place and above.
 */
export function PublicNoticesPage() {
  const { t, language, setLanguage } = useI18n();
  const [search] = useSearchParams();
  const code = search.get('code') ?? undefined;
  const notices = useQuery({
    queryKey: ['public-notices', code ?? null],
    queryFn: () => unwrap(api.GET('/api/public/notices', { params: { query: code ? { code } : {} } })),
  });
  return (
    <div style={{ minHeight: '100vh', background: '#f7f9fc', padding: '24px 12px' }}>
      <Card style={{ maxWidth: 860, margin: '0 auto' }} data-testid="public-notices">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={3} style={{ margin: 0, color: '#1f5fbf' }}>
            {t('notices.title')}
          </Typography.Title>
          <Space>
            <Button type="link" onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}>
              {t('app.language')}
            </Button>
            <Link to="/login">{t('notices.signIn')}</Link>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary">{t('notices.subtitle')}</Typography.Paragraph>
        <List
          loading={notices.isPending}
          dataSource={notices.data?.items ?? []}
          locale={{ emptyText: <Empty description={notices.isError ? t('notices.failed') : t('notices.empty')} /> }}
          renderItem={(n) => (
            <List.Item key={n.id} data-testid="public-notice">
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={KIND_COLOURS[n.kind] ?? 'default'}>{t(`information.kind.${n.kind}` as MessageKey)}</Tag>
                    <Typography.Text strong>{n.title}</Typography.Text>
                  </Space>
                }
                description={`${n.jurisdictionName} · ${formatTime(n.publishedAt, 'YYYY-MM-DD HH:mm')}${n.forDate ? ` · ${t('notices.forDate', { date: n.forDate })}` : ''}`}
              />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{n.body}</Typography.Paragraph>
              {n.interpretation && (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('notices.interpretation')}：{n.interpretation}
                </Typography.Paragraph>
              )}
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
