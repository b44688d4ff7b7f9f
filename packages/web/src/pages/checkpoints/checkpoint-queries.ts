import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const CHECKPOINTS_KEY = ['checkpoints'] as const;

export function useCheckpoints() {
  return useQuery({ queryKey: [...CHECKPOINTS_KEY, 'list'], queryFn: () => unwrap(api.GET('/api/checkpoints')) });
}

/** Households for the outsider's destination, searched by name or code inside the caller's scope. */
export function useHouseholds(q: string) {
  return useQuery({
    queryKey: ['places', 'household', q],
    queryFn: () => unwrap(api.GET('/api/places', { params: { query: { kind: 'household', q: q || undefined, pageSize: 20 } } })),
  });
}

export type ScanVerdict = Awaited<ReturnType<typeof scanCode>>;
export const scanCode = (checkpointId: string, token: string) =>
  unwrap(api.POST('/api/checkpoints/{id}/scans', { params: { path: { id: checkpointId } }, body: { token } }));

export type PassVerdict = Awaited<ReturnType<typeof checkPass>>;
export const checkPass = (checkpointId: string, passNumber: string, direction: 'out' | 'in') =>
  unwrap(api.POST('/api/checkpoints/{id}/pass-uses', { params: { path: { id: checkpointId } }, body: { passNumber, direction } }));

/** The compound-entry regime in force at the checkpoint, as the local profile chooses (SC-42 / SC-43). */
export function useEntryRegime(checkpointId: string) {
  return useQuery({
    queryKey: [...CHECKPOINTS_KEY, checkpointId, 'entry-regime'],
    queryFn: () => unwrap(api.GET('/api/checkpoints/{id}/entry-regime', { params: { path: { id: checkpointId } } })),
  });
}

export interface EntryAtGate {
  token?: string;
  temperatureCelsius?: number;
  masked: boolean;
  registered: boolean;
}
export type EntryVerdict = Awaited<ReturnType<typeof checkEntry>>;
export const checkEntry = (checkpointId: string, body: EntryAtGate) =>
  unwrap(api.POST('/api/checkpoints/{id}/entry-checks', { params: { path: { id: checkpointId } }, body }));
