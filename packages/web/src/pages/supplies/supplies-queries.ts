import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { MessageKey, Translate } from '../../i18n/i18n.tsx';
import { hasMessage } from '../../i18n/labels.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: infer A } } ? JsonOf<A> : never;

export type StockLine = Ok<'/api/supplies/stock'>[number];
export type Readiness = Ok<'/api/supplies/readiness'>;
export type Finding = Readiness['findings'][number];
export type Schedule = Ok<'/api/supplies/disinfection'>[number];
export type Preparations = Ok<'/api/preparedness/items'>;
export type Plan = Ok<'/api/preparedness/plans'>[number];
export type Exercise = Ok<'/api/preparedness/exercises'>[number];

export const SUPPLIES_KEY = ['supplies'] as const;

const camel = (id: string) => id.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The label of a core id under a prefix (`supply.item`, `prep.kind`…), or the id itself for a newer server. */
export function supplyLabel(t: Translate, prefix: string, id: string | null | undefined): string {
  if (!id) return '';
  const key = `${prefix}.${camel(id)}`;
  return hasMessage(key) ? t(key as MessageKey) : id;
}

export const COLOURS: Record<string, string> = { green: 'green', amber: 'gold', red: 'red' };

/** A readiness reason in words: the rule's sentence with its holder, item and values, then the clause. */
export function findingText(t: Translate, f: Finding): string {
  const values: Record<string, string | number> = { ...f.values, holder: f.holder ?? '', item: supplyLabel(t, 'supply.item', f.item) };
  if (typeof f.values.kind === 'string') values.kind = supplyLabel(t, 'prep.kind', f.values.kind);
  if (typeof f.values.shift === 'string') values.shift = supplyLabel(t, 'supply.shift', f.values.shift);
  const key = `supply.rule.${f.rule}`;
  return hasMessage(key) ? t(key as MessageKey, values) : f.rule;
}

const query = <T>(key: string, jurisdictionId: string | undefined, fn: () => Promise<T>) => ({
  queryKey: [...SUPPLIES_KEY, key, jurisdictionId ?? null],
  queryFn: fn,
});
const q = (jurisdictionId?: string) => ({ params: { query: jurisdictionId ? { jurisdictionId } : {} } });

export const useStock = (id?: string) => useQuery(query('stock', id, () => unwrap(api.GET('/api/supplies/stock', q(id)))));
export const useReadiness = (id?: string) => useQuery(query('readiness', id, () => unwrap(api.GET('/api/supplies/readiness', q(id)))));
export const useSchedules = (id?: string) =>
  useQuery(query('disinfection', id, () => unwrap(api.GET('/api/supplies/disinfection', q(id)))));
export const usePreparations = (id?: string) => useQuery(query('items', id, () => unwrap(api.GET('/api/preparedness/items', q(id)))));
export const usePlans = (id?: string) => useQuery(query('plans', id, () => unwrap(api.GET('/api/preparedness/plans', q(id)))));
export const useExercises = (id?: string) => useQuery(query('exercises', id, () => unwrap(api.GET('/api/preparedness/exercises', q(id)))));

export function useInvalidateSupplies() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: SUPPLIES_KEY }), [client]);
}
