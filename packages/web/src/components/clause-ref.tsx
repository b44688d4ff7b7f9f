import { Popover, Tag, Typography } from 'antd';
import type { Translate } from '../i18n/i18n.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const SEED = /^seed (\d{3})$/;
const NATIONAL_GUIDANCE = /^national guidance (.+)$/;

/**
 * The title of a rule's source document in the UI language (seed 001 → 《乡镇疫情防控方案》): users see
 * names, not the internal reference, which stays one click away in ClauseRef.
 */
export function sourceTitle(t: Translate, source: string): string {
  if (source === 'national protocol 9th edition') return t('source.ninthEdition');
  if (source === 'configured') return t('source.configured');
  const seed = SEED.exec(source)?.[1];
  if (seed && ['000', '001', '002', '003', '004'].includes(seed)) return t(`source.seed${seed}` as Parameters<Translate>[0]);
  const guidance = NATIONAL_GUIDANCE.exec(source)?.[1];
  return guidance ?? t('source.other');
}

export interface ClauseLike {
  source: string;
  clause: string;
  says?: string;
}

/** A clause as people read it (《乡镇疫情防控方案》§三(二)1); one click shows the source reference (and in English the rule's sentence). */
export function ClauseRef({ basis, color = 'geekblue', testId = 'reason-clause' }: { basis: ClauseLike; color?: string; testId?: string }) {
  const { t, language } = useI18n();
  const title = sourceTitle(t, basis.source);
  const detail = (
    <Typography.Text data-testid="clause-source">
      {t('source.reference')}：{basis.source} {basis.clause}
      {language === 'en' && basis.says ? <div>{basis.says}</div> : null}
    </Typography.Text>
  );
  return (
    <Popover content={detail} trigger="click">
      <Tag color={color} style={{ marginInlineEnd: 0, cursor: 'pointer' }} data-testid={testId}>
        {basis.source === 'configured' ? title : `《${title}》${basis.clause}`}
      </Tag>
    </Popover>
  );
}
