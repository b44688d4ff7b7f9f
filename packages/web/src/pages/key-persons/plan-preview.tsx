import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Spin } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { asShape, type Plan } from '../../api/key-person-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { editionOn, profileOn, useProtocols } from './key-person-queries.ts';
import { PlanView } from './plan-view.tsx';

interface Props {
  category: string | undefined;
  start: string | undefined;
  /** Path of the person's jurisdiction, for the local profile (null while unknown). */
  path: string | null;
}

/** What registering would plan: the edition in force on the start date, the jurisdiction's profile, and the plan with its reasons. */
export function PlanPreview({ category, start, path }: Props) {
  const { t } = useI18n();
  const protocols = useProtocols();
  const edition = start && protocols.data ? editionOn(protocols.data, start) : undefined;
  const profile = edition && path ? profileOn(edition, path) : undefined;
  const plan = useQuery({
    queryKey: ['protocols', 'plan', edition?.id, category, start, profile?.id],
    queryFn: async () =>
      asShape<Plan>(
        await unwrap(
          api.GET('/api/protocols/plan', {
            params: {
              query: {
                edition: edition?.id ?? '',
                category: category ?? '',
                start: start ?? '',
                ...(profile ? { profile: profile.id } : {}),
              },
            },
          }),
        ),
      ),
    enabled: Boolean(edition && category && start),
  });
  const body = () => {
    if (!category || !start) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('keyPerson.planPreviewHint')} />;
    if (protocols.data && !edition) return <Alert type="warning" showIcon title={t('keyPerson.noEdition')} />;
    if (plan.error) return <Alert type="error" showIcon title={plan.error.message} />;
    if (!plan.data) return <Spin />;
    return <PlanView plan={plan.data} editionName={edition?.name} profileName={profile?.name} testId="plan-preview" />;
  };
  return (
    <Card size="small" title={t('keyPerson.planPreview')} data-testid="plan-preview-card">
      {body()}
    </Card>
  );
}
