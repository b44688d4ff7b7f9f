import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Reason } from '../../api/key-person-types.ts';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ruleLabel } from './key-person-labels.ts';

/** One line per rule and clause: two test rules of the same clause (quarantine days, monitoring day) say both sentences. */
function merged(reasons: readonly Reason[]): Reason[] {
  const lines = new Map<string, Reason>();
  for (const reason of reasons) {
    const key = `${reason.rule}|${reason.source}|${reason.clause}`;
    const seen = lines.get(key);
    lines.set(key, seen ? { ...seen, says: `${seen.says}; ${reason.says}`, configured: seen.configured || reason.configured } : reason);
  }
  return [...lines.values()];
}

/** A rule without a label in the UI language reads as its clause's own sentence, never as its raw id. */
const labelled = (reason: Reason, label: string) => (label === reason.rule ? reason.says : label);

/**
 * The `because` of a plan or decision: each rule in the UI language with the document and clause it rests on.
 * The clause's own sentence (English, from core) is shown only in English: no English tooltip in the Chinese UI.
 */
export function Reasons({ reasons, testId = 'reasons' }: { reasons: readonly Reason[]; testId?: string }) {
  const { t, language } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <ul data-testid={testId} style={{ margin: 0, paddingInlineStart: 18 }}>
      {merged(reasons).map((reason) => (
        <li key={`${reason.rule}|${reason.source}|${reason.clause}`} data-testid="reason" data-rule={reason.rule}>
          <Space size={4} wrap>
            <Typography.Text>{labelled(reason, ruleLabel(t, reason.rule))}</Typography.Text>
            <ClauseRef basis={reason} />
            {reason.configured && (
              <Tooltip title={t('keyPerson.configuredHint')}>
                <Tag color="gold">{t('keyPerson.configured')}</Tag>
              </Tooltip>
            )}
            {language === 'en' && labelled(reason, ruleLabel(t, reason.rule)) !== reason.says && (
              <Typography.Text type="secondary">{reason.says}</Typography.Text>
            )}
          </Space>
        </li>
      ))}
    </ul>
  );
}
