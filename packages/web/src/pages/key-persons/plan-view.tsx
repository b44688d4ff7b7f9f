import { Descriptions, Space, Steps, Tag, Typography } from 'antd';
import type { Plan } from '../../api/key-person-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { dateSpan } from './key-person-labels.ts';
import { Reasons } from './reasons.tsx';

interface Props {
  plan: Plan;
  /** Edition and profile names to show (the preview knows them; a stored plan has only ids). */
  editionName?: string;
  profileName?: string;
  /** Planned test dates; the detail shows its schedule table instead. */
  showTests?: boolean;
  testId?: string;
}

/** Phases as steps, then release date, tests and follow-ups, then the clauses the plan rests on. */
export function PlanView({ plan, editionName, profileName, showTests = true, testId = 'plan' }: Props) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={testId}>
      <Steps
        size="small"
        current={-1}
        items={plan.phases.map((phase) => ({
          title: labelOf(t, 'keyPerson.managementType', phase.type),
          content: dateSpan(t, phase.from, phase.to),
        }))}
      />
      <Descriptions
        size="small"
        column={2}
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          {
            key: 'edition',
            label: t('keyPerson.edition'),
            span: 2,
            children: (
              <Space size={4} wrap>
                <span>{editionName ?? plan.edition}</span>
                {(profileName ?? plan.profile) && <Tag color="purple">{profileName ?? plan.profile}</Tag>}
              </Space>
            ),
          },
          {
            key: 'release',
            label: t('keyPerson.releaseDate'),
            children: plan.releaseDate ? (
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-release-date`}>
                {plan.releaseDate}
              </Typography.Text>
            ) : (
              t('keyPerson.noRelease')
            ),
          },
          {
            key: 'end',
            label: t('keyPerson.plannedEnd'),
            children: <span style={{ whiteSpace: 'nowrap' }}>{plan.managementEndDate ?? '—'}</span>,
          },
          ...(showTests
            ? [
                {
                  key: 'tests',
                  label: t('keyPerson.tests'),
                  span: 2,
                  children: (
                    <Space size={[4, 4]} wrap data-testid={`${testId}-tests`}>
                      {plan.tests.map((test) => (
                        <Tag key={`${test.date}-${test.kind}`}>
                          {test.date} {labelOf(t, 'keyPerson.testKind', test.kind)}
                        </Tag>
                      ))}
                      {plan.tests.length === 0 && t('common.none')}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(plan.followUps.length > 0
            ? [
                {
                  key: 'followUps',
                  label: t('keyPerson.followUps'),
                  span: 2,
                  children: (
                    <Space size={[4, 4]} wrap>
                      {plan.followUps.map((f) => (
                        <Tag key={`${f.date}-${f.kind}`}>
                          {f.date} {labelOf(t, 'keyPerson.followUp', f.kind)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <div>
        <Typography.Text type="secondary">{t('keyPerson.because')}</Typography.Text>
        <Reasons reasons={plan.because} testId={`${testId}-because`} />
      </div>
    </Space>
  );
}
