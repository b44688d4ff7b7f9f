import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PersonListItem } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  value?: string;
  /** The person picked before, kept as an option while later searches show others. */
  picked?: PersonListItem;
  jurisdictionId: string | undefined;
  onPick: (person: PersonListItem | undefined) => void;
}

/** Finds a registered person by name, ID number or phone inside the picked jurisdiction (masked, as the list shows them). */
export function PersonPicker({ value, picked, jurisdictionId, onPick }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const persons = useQuery({
    queryKey: ['persons', 'pick', { q, jurisdictionId }],
    queryFn: () =>
      unwrap(
        api.GET('/api/persons', {
          params: { query: { q, pageSize: 20, ...(jurisdictionId ? { jurisdictionId } : {}) } },
        }),
      ),
    enabled: q.length > 0,
  });
  const found = persons.data?.items ?? [];
  const items = picked && !found.some((p) => p.id === picked.id) ? [picked, ...found] : found;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      allowClear
      placeholder={t('keyPerson.personSearch')}
      notFoundContent={persons.isFetching ? <Spin size="small" /> : q ? t('person.none') : null}
      onChange={(id: string | undefined) => onPick(items.find((p) => p.id === id))}
      options={items.map((p) => ({
        value: p.id,
        label: `${p.name} · ${p.idMasked} · ${p.jurisdictionName}`,
      }))}
      data-testid="person-picker"
    />
  );
}
