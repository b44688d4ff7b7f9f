import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Spin } from 'antd';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { asShape, type Plan } from '../../api/key-person-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PlanView } from './plan-view.tsx';

interface Props {
  category: string | undefined;
  start: string | undefined;
  /** The person's jurisdiction (the caller's own until a person is chosen): the server answers with the edition and profile in force there. */
  jurisdictionId: string | null | undefined;
}

type PlanInForce = Plan & { editionName: string; profileName: string | null };

/**
 * What registering would plan: the server chooses the edition in force on the start date and the jurisdiction's
 * profile as registration does (the district's own when it activated them, issue 14), and answers the plan with
 * its reasons; the browser never picks an edition itself.
 */
export function PlanPreview({ category, start, jurisdictionId }: Props) {
  const { t } = useI18n();
  const plan = useQuery({
    queryKey: ['protocols', 'plan-in-force', jurisdictionId, category, start],
    queryFn: async () =>
      asShape<PlanInForce>(
        await unwrap(
          api.GET('/api/protocols/plan-in-force', {
            params: { query: { jurisdictionId: jurisdictionId ?? '', category: category ?? '', start: start ?? '' } },
          }),
        ),
      ),
    enabled: Boolean(jurisdictionId && category && start),
    retry: false,
  });
  const body = () => {
    if (!category || !start || !jurisdictionId)
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('keyPerson.planPreviewHint')} />;
    if (plan.error instanceof ApiError && plan.error.code === 'noEditionInForce')
      return <Alert type="warning" showIcon title={t('keyPerson.noEdition')} />;
    if (plan.error) return <Alert type="error" showIcon title={plan.error.message} />;
    if (!plan.data) return <Spin />;
    return (
      <PlanView
        plan={plan.data}
        editionName={plan.data.editionName}
        profileName={plan.data.profileName ?? undefined}
        testId="plan-preview"
      />
    );
  };
  return (
    <Card size="small" title={t('keyPerson.planPreview')} data-testid="plan-preview-card">
      {body()}
    </Card>
  );
}
