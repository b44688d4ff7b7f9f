import { Col, Row, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

type Values = Record<string, unknown> | null;

function Json({ title, value, testId }: { title: string; value: Values; testId: string }) {
  return (
    <Col span={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        data-testid={testId}
        style={{ background: '#fafafa', border: '1px solid #f0f0f0', padding: 8, margin: '4px 0 0', fontSize: 12, whiteSpace: 'pre-wrap' }}
      >
        {value ? JSON.stringify(value, null, 2) : '—'}
      </pre>
    </Col>
  );
}

export function AuditValues({ before, after }: { before: Values; after: Values }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Json title={t('audit.before')} value={before} testId="audit-before" />
      <Json title={t('audit.after')} value={after} testId="audit-after" />
    </Row>
  );
}
