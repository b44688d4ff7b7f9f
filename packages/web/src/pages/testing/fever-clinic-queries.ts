import { FEVER_CLINIC_RESULTS, type FeverClinicResult, isFeverClinicItem } from '@fangkong/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { camelId, hasMessage } from '../../i18n/labels.ts';

/** Under ['testing'], so useInvalidateTesting refreshes these too. */
export const FEVER_CLINIC_KEY = ['testing', 'fever-clinic'] as const;
export const PAGE_SIZE = 20;

export type VisitStatus = 'open' | 'closed';

export interface VisitFilter {
  jurisdictionId?: string;
  placeId?: string;
  status?: VisitStatus;
  page: number;
}

export function useVisits(filter: VisitFilter) {
  return useQuery({
    queryKey: [...FEVER_CLINIC_KEY, 'visits', filter],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/testing/fever-clinic/visits', { params: { query: { ...filter, pageSize: PAGE_SIZE } } })),
  });
}

export function useVisit(id: string | null) {
  return useQuery({
    queryKey: [...FEVER_CLINIC_KEY, 'visit', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/testing/fever-clinic/visits/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

/** The fever clinics the caller can see, for the reception form and the list filter. */
export function useClinics() {
  return useQuery({
    queryKey: ['places', 'fever-clinics'],
    queryFn: () => unwrap(api.GET('/api/places', { params: { query: { kind: 'fever_clinic', pageSize: 200 } } })),
    select: (page) => page.items,
  });
}

/** The results an item can have (core's list): CT and blood count read normal or abnormal. */
export const resultsOfItem = (item: string): readonly FeverClinicResult[] => (isFeverClinicItem(item) ? FEVER_CLINIC_RESULTS[item] : []);

/** The label of an API id under a fever-clinic prefix (`feverClinic.item.bloodCount`), or the id itself. */
export function feverLabel(t: Translate, prefix: string, id: string | null | undefined): string {
  if (!id) return '';
  const key = `feverClinic.${prefix}.${camelId(id)}`;
  return hasMessage(key) ? t(key) : id;
}
