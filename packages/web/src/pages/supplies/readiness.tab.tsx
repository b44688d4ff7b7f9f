import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { COLOURS, type Finding, findingText, type Readiness, useReadiness } from './supplies-queries.ts';

function ColourTag({ colour }: { colour: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOURS[colour]} data-testid="readiness-colour" data-colour={colour}>
      {t(`supply.readiness.colour.${colour as 'green'}`)}
    </Tag>
  );
}

function Reasons({ findings }: { findings: Finding[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return <Typography.Text type="success">{t('supply.readiness.none')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={findings}
      data-testid="readiness-reasons"
      renderItem={(f) => (
        <List.Item>
          <Space>
            <Tag color={COLOURS[f.level]}>{f.requirement}</Tag>
            <span data-testid="readiness-reason" data-rule={f.rule}>
              {findingText(t, f)}
            </span>
            <Typography.Text type="secondary">{f.clause}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The readiness verdict of the jurisdiction and its children, with every reason and its clause (RES-, ENV-003, PREP-). */
export function ReadinessTab({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const readiness = useReadiness(jurisdictionId);
  const data = readiness.data;
  if (!data) return readiness.isPending ? <Card loading /> : <Empty />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            {data.name}
            <ColourTag colour={data.colour} />
          </Space>
        }
      >
        <Reasons findings={data.findings} />
      </Card>
      {data.children.length > 0 && (
        <Card title={t('supply.readiness.children')}>
          <Table
            rowKey="jurisdictionId"
            size="small"
            pagination={false}
            dataSource={data.children}
            columns={[
              { title: t('prep.name'), dataIndex: 'name' },
              { title: t('common.status'), dataIndex: 'colour', render: (c: string) => <ColourTag colour={c} /> },
              {
                title: t('supply.readiness.reasons'),
                key: 'reasons',
                render: (_: unknown, c: Readiness['children'][number]) => <Reasons findings={c.findings.slice(0, 5)} />,
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
