import { Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { formatTime } from '../../components/time.ts';
import { COLOURS, CodeCard } from './code-card.tsx';
import { useCodeHistory, useDependants, useMe, useMyNotices, useResults } from './h5-api.ts';
import { usePersonParam } from './h5-app.tsx';
import { type H5Key, useH5 } from './h5-i18n.ts';
import { OutsiderReportCard } from './outsider-report-card.tsx';

function PersonSwitch({ selected }: { selected: string }) {
  const { t } = useH5();
  const me = useMe();
  const dependants = useDependants();
  const navigate = useNavigate();
  if (!me.data) return null;
  const options = [
    { value: me.data.personId, label: t('me') },
    ...(dependants.data?.items ?? []).map((d) => ({ value: d.personId, label: d.name })),
  ];
  if (options.length < 2) return null;
  return (
    <Segmented
      block
      data-testid="person-switch"
      value={selected}
      options={options}
      onChange={(value) => navigate(value === me.data.personId ? '/h5' : `/h5?p=${value}`)}
      style={{ marginBottom: 12 }}
    />
  );
}

function History({ personId }: { personId: string }) {
  const { t } = useH5();
  const history = useCodeHistory(personId);
  return (
    <Card size="small" title={t('history')}>
      {history.data?.items.length ? (
        history.data.items.map((h) => (
          <div key={h.at}>
            <Tag color={COLOURS[h.colour]}>{t(`colour.${h.colour}` as H5Key)}</Tag> {formatTime(h.at, 'YYYY-MM-DD HH:mm')}
          </div>
        ))
      ) : (
        <Typography.Text type="secondary">{t('noHistory')}</Typography.Text>
      )}
    </Card>
  );
}

function Results({ personId }: { personId: string }) {
  const { t } = useH5();
  const results = useResults(personId);
  return (
    <Card size="small" title={t('results')} data-testid="results">
      <Space wrap style={{ marginBottom: 8 }}>
        {results.data?.negativeWithin.map((n) => (
          <Tag key={n.hours} color={n.negative ? 'green' : 'default'}>
            {t('negativeWithin', { hours: n.hours })} {n.negative ? '✓' : '✗'}
          </Tag>
        ))}
      </Space>
      <List
        size="small"
        locale={{ emptyText: t('noResults') }}
        dataSource={results.data?.results ?? []}
        renderItem={(r) => (
          <List.Item>
            {formatTime(r.sampledAt, 'MM-DD HH:mm')} · {t(`result.${r.result ?? 'pending'}` as H5Key)}
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Notices published over the resident's community (issue 15 part 5, COMM-043). */
function Notices() {
  const { t } = useH5();
  const notices = useMyNotices();
  return (
    <Card size="small" title={t('notices')} data-testid="my-notices">
      <List
        size="small"
        locale={{ emptyText: t('noNotices') }}
        dataSource={notices.data?.items ?? []}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta
              title={n.title}
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                  {n.interpretation && (
                    <Typography.Paragraph type="secondary">
                      {t('interpretation')}：{n.interpretation}
                    </Typography.Paragraph>
                  )}
                  <Typography.Text type="secondary">
                    {n.jurisdictionName} · {formatTime(n.publishedAt, 'YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function HomePage() {
  const { t } = useH5();
  const me = useMe();
  const p = usePersonParam();
  if (!me.data) return <Card loading />;
  const personId = p ?? me.data.personId;
  const suffix = p ? `?p=${p}` : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <PersonSwitch selected={personId} />
      {!p && (
        <Link to="/h5/declare">
          <Tag color={me.data.declaredToday ? 'green' : 'orange'} data-testid="declared-today">
            {me.data.declaredToday ? t('declaredToday') : t('notDeclaredToday')}
          </Tag>
        </Link>
      )}
      <CodeCard personId={personId} />
      <Results personId={personId} />
      <History personId={personId} />
      {!p && <Notices />}
      {!p && <OutsiderReportCard />}
      <Link to={`/h5/appeal${suffix}`}>
        <Button block>{t('appeal')}</Button>
      </Link>
    </Space>
  );
}
