import { FilePdfOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { EpisodeDetail, Reason } from '../../api/key-person-types.ts';
import { useSession } from '../../auth/session.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { DECISION_COLORS, missingLabel, SIGNATORY_ROLES, type SignatoryRole } from './key-person-labels.ts';
import { useAssignableUsers, useInvalidateKeyPersons, useReleaseState } from './key-person-queries.ts';
import { Reasons } from './reasons.tsx';
import { signerName } from './signer-select.tsx';

interface Refusal {
  message: string;
  decision?: string;
  missing: string[];
  because: Reason[];
}

/** A 409 from signing carries the decision, what is missing and why: shown as they are. */
function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Partial<Refusal>;
  return {
    message: error.message,
    decision: details.decision,
    missing: Array.isArray(details.missing) ? details.missing : [],
    because: Array.isArray(details.because) ? details.because : [],
  };
}

function MissingList({ missing, testId }: { missing: readonly string[]; testId: string }) {
  const { t } = useI18n();
  if (missing.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      <Typography.Text type="secondary">{t('keyPerson.missingTitle')}</Typography.Text>
      {missing.map((item) => (
        <Tag key={item} color="volcano" data-testid="release-missing" data-missing={item}>
          {missingLabel(t, item)}
        </Tag>
      ))}
    </Space>
  );
}

const assignedTo = (episode: EpisodeDetail, role: SignatoryRole) =>
  role === 'assigned_cadre' ? episode.assignedCadreId : episode.assignedMedicId;

/**
 * Whether the person may be released today and why; the assigned cadre and medic each sign with their own account
 * (seed 001 §三(四)3). Once released, the printable notice.
 */
export function ReleasePanel({ episode }: { episode: EpisodeDetail }) {
  const { t } = useI18n();
  const { me, can } = useSession();
  const release = useReleaseState(episode.id);
  const signers = useAssignableUsers(episode.jurisdictionId);
  const invalidate = useInvalidateKeyPersons();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const sign = useMutation({
    mutationFn: (role: SignatoryRole) =>
      unwrap(api.POST('/api/key-persons/episodes/{id}/release/signatures', { params: { path: { id: episode.id } }, body: { role } })),
    meta: { ownErrors: true },
    onMutate: () => setRefusal(null),
    onSuccess: async () => {
      showSuccess(t('keyPerson.signed'));
      await invalidate();
    },
    onError: (error) => {
      const refused = refusalOf(error);
      if (refused) setRefusal(refused);
      else showError(error);
    },
  });
  if (!release.data) return <Spin />;
  const state = release.data;
  const signatureOf = (role: string) => state.signatures.find((s) => s.role === role);
  const maySign = (role: SignatoryRole) =>
    can('keyPerson.sign') && !state.releasedAt && assignedTo(episode, role) === me.id && !signatureOf(role);
  const signable = SIGNATORY_ROLES.filter(maySign);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="release-panel">
      <Space wrap>
        <Tag color={DECISION_COLORS[state.decision] ?? 'default'} data-testid="release-decision" data-decision={state.decision}>
          {labelOf(t, 'keyPerson.decision', state.decision)}
        </Tag>
        {episode.plannedReleaseDate && (
          <Typography.Text type="secondary">{t('keyPerson.plannedReleaseOn', { date: episode.plannedReleaseDate })}</Typography.Text>
        )}
      </Space>
      {state.releasedAt && (
        <Alert
          type="success"
          showIcon
          title={t('keyPerson.releasedAt', { at: formatTime(state.releasedAt, 'YYYY-MM-DD HH:mm') })}
          action={
            <Button
              icon={<FilePdfOutlined />}
              href={`/api/key-persons/episodes/${episode.id}/release-notice.pdf`}
              target="_blank"
              rel="noopener"
              data-testid="release-notice-link"
            >
              {t('keyPerson.printNotice')}
            </Button>
          }
        />
      )}
      <MissingList missing={state.missing} testId="release-missing-list" />
      <Descriptions
        size="small"
        bordered
        column={1}
        title={t('keyPerson.signatures')}
        styles={{ label: { width: 160 } }}
        items={SIGNATORY_ROLES.map((role) => {
          const signed = signatureOf(role);
          return {
            key: role,
            label: labelOf(t, 'keyPerson.signatory', role),
            children: (
              <Space wrap data-testid={`release-signer-${role}`}>
                <span>{signerName(signers.data, assignedTo(episode, role)) ?? t('keyPerson.notAssigned')}</span>
                {signed ? (
                  <Tag color="green" data-testid={`release-signed-${role}`}>
                    {t('keyPerson.signed')} {formatTime(signed.signedAt, 'MM-DD HH:mm')}
                  </Tag>
                ) : null}
              </Space>
            ),
          };
        })}
      />
      {signable.length > 0 ? (
        <Space wrap>
          {signable.map((role) => {
            const roleName = labelOf(t, 'keyPerson.signatory', role);
            return (
              <Popconfirm
                key={role}
                title={t('keyPerson.signConfirm', { role: roleName })}
                onConfirm={() => sign.mutate(role)}
                okButtonProps={{ 'data-testid': 'sign-confirm' }}
              >
                <Button type="primary" loading={sign.isPending} data-testid={`sign-${role}`}>
                  {t('keyPerson.signAs', { role: roleName })}
                </Button>
              </Popconfirm>
            );
          })}
        </Space>
      ) : (
        !state.releasedAt && <Typography.Text type="secondary">{t('keyPerson.notSigner')}</Typography.Text>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          data-testid="release-refusal"
          title={t('keyPerson.releaseRefused')}
          description={
            <Space orientation="vertical" size={4}>
              {refusal.missing.length === 0 && <span>{refusal.message}</span>}
              <MissingList missing={refusal.missing} testId="release-refusal-missing" />
              <Reasons reasons={refusal.because} testId="release-refusal-because" />
            </Space>
          }
        />
      )}
      <div>
        <Typography.Text type="secondary">{t('keyPerson.because')}</Typography.Text>
        <Reasons reasons={state.because} testId="release-because" />
      </div>
    </Space>
  );
}
