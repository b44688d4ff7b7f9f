import { Select } from 'antd';
import type { AssignableUser } from '../../api/key-person-types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';

interface Props {
  /** The cadre is anyone who may sign except medics; the medic must hold the assigned-medic role. */
  as: 'cadre' | 'medic';
  users: readonly AssignableUser[];
  loading?: boolean;
  value?: string;
  onChange?: (id: string | undefined) => void;
  testId: string;
}

/** Picks the 包保干部 or 包保医务人员 among the accounts allowed to sign for the person's jurisdiction. */
export function SignerSelect({ as, users, loading, value, onChange, testId }: Props) {
  const { t } = useI18n();
  const fits = users.filter((u) => (as === 'medic' ? u.role === 'assigned_medic' : u.role !== 'assigned_medic'));
  const unique = fits.filter((u, i) => fits.findIndex((other) => other.id === u.id) === i);
  return (
    <Select
      allowClear
      loading={loading}
      value={value}
      onChange={onChange}
      placeholder={t('keyPerson.notAssigned')}
      showSearch={{ optionFilterProp: 'label' }}
      options={unique.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）· ${labelOf(t, 'role', u.role)}` }))}
      data-testid={testId}
    />
  );
}

/** Display name of an account among the assignable users, or a short id when it is not among them. */
export function signerName(users: readonly AssignableUser[] | undefined, id: string | null | undefined): string | null {
  if (!id) return null;
  return users?.find((u) => u.id === id)?.displayName ?? `${id.slice(0, 8)}…`;
}
