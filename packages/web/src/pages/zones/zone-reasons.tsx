import { Space, Tag, Typography } from 'antd';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasMessage } from '../../i18n/labels.ts';
import type { ZoneReason } from './zone-api-types.ts';

/** A grade's reasons: the rule in words, its clause, and the numbers it rests on. */
export function ZoneReasons({ reasons }: { reasons: readonly ZoneReason[] }) {
  const { t, language } = useI18n();
  return (
    <ul data-testid="zone-reasons" style={{ margin: 0, paddingInlineStart: 18 }}>
      {reasons.map((reason) => {
        const key = `zone.rule.${reason.rule}`;
        const facts = reason.facts as { newCases?: number; cumulative?: number; clusters?: string[] } | undefined;
        return (
          <li key={`${reason.rule}|${reason.clause}`} data-testid="zone-reason" data-rule={reason.rule}>
            <Space size={4} wrap>
              <Typography.Text>{hasMessage(key) ? t(key) : reason.rule}</Typography.Text>
              {facts?.newCases !== undefined && (
                <Tag data-testid="zone-facts">{t('zone.facts', { newCases: facts.newCases, cumulative: facts.cumulative ?? 0 })}</Tag>
              )}
              {(facts?.clusters?.length ?? 0) > 0 && <Tag color="volcano">{t('zone.clusters', { n: facts?.clusters?.length ?? 0 })}</Tag>}
              <ClauseRef basis={reason} />
              {language === 'en' && <Typography.Text type="secondary">{reason.says}</Typography.Text>}
            </Space>
          </li>
        );
      })}
    </ul>
  );
}
