import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { commandLabel } from '../command/command-queries.ts';

interface FactorGroup {
  group: string;
  zh: string;
  en: string;
  items: { key: string; zh: string; en: string }[];
}

/**
 * The assessment form's fields (LVL-003): a finding on every item of the three factor groups, then the written
 * records asked for — the same in a proposal and in a re-assessment (`testIdPrefix` tells them apart in journeys).
 */
export function AssessmentFields({
  factors,
  records,
  testIdPrefix,
}: {
  factors: readonly FactorGroup[];
  records: readonly string[];
  testIdPrefix: string;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <h4>{t('response.assessment')}</h4>
      {factors.map((group) => (
        <div key={group.group}>
          <strong>{language === 'en' ? group.en : group.zh}</strong>
          {group.items.map((item) => (
            <Form.Item
              key={item.key}
              name={['factors', item.key]}
              label={language === 'en' ? item.en : item.zh}
              rules={[{ required: true }]}
            >
              <Input data-testid={`${testIdPrefix}-factor-${item.key}`} />
            </Form.Item>
          ))}
        </div>
      ))}
      <h4>{t('response.records')}</h4>
      {records.map((record) => (
        <Form.Item key={record} name={['records', record]} label={commandLabel(t, 'response.record', record)} rules={[{ required: true }]}>
          <Input.TextArea rows={2} data-testid={`${testIdPrefix}-record-${record}`} />
        </Form.Item>
      ))}
    </>
  );
}
