import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

export const INFORMATION_KEY = ['information'] as const;

export const fetchReleases = () => unwrap(api.GET('/api/information/releases', { params: { query: {} } }));
export type ReleaseItem = Awaited<ReturnType<typeof fetchReleases>>['items'][number];
export const fetchOpinions = () => unwrap(api.GET('/api/opinions', { params: { query: {} } }));
export type OpinionRow = Awaited<ReturnType<typeof fetchOpinions>>['items'][number];
export const fetchInterviews = () => unwrap(api.GET('/api/information/interviews'));
export type InterviewRow = Awaited<ReturnType<typeof fetchInterviews>>['items'][number];

export function useReleases() {
  return useQuery({ queryKey: [...INFORMATION_KEY, 'releases'], queryFn: fetchReleases });
}
export function useOpinions() {
  return useQuery({ queryKey: [...INFORMATION_KEY, 'opinions'], queryFn: fetchOpinions });
}
export function useInterviews() {
  return useQuery({ queryKey: [...INFORMATION_KEY, 'interviews'], queryFn: fetchInterviews });
}

/** A mutation that refreshes the page's lists when it succeeds. */
export function useInformationAction<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: INFORMATION_KEY }),
  });
}

export type ReleaseStep = 'submit' | 'approve' | 'reject' | 'publish' | 'withdraw';

export function releaseStep(id: string, step: ReleaseStep, text: string) {
  const path = { params: { path: { id } } };
  if (step === 'submit') return unwrap(api.POST('/api/information/releases/{id}/submit', path));
  if (step === 'publish') return unwrap(api.POST('/api/information/releases/{id}/publish', path));
  if (step === 'approve') return unwrap(api.POST('/api/information/releases/{id}/approve', { ...path, body: { note: text } }));
  if (step === 'reject') return unwrap(api.POST('/api/information/releases/{id}/reject', { ...path, body: { reason: text } }));
  return unwrap(api.POST('/api/information/releases/{id}/withdraw', { ...path, body: { reason: text } }));
}
