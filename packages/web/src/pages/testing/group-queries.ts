import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema.d.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { testingLabel } from './testing-queries.ts';

type CoverageReply = paths['/api/testing/groups']['get']['responses'][200]['content']['application/json'];
type MembersReply = paths['/api/testing/groups/{group}/members']['get']['responses'][200]['content']['application/json'];
export type GroupId = paths['/api/testing/groups/{group}/members']['get']['parameters']['path']['group'];
export type GroupCoverage = CoverageReply['groups'][number];
export type GroupMember = MembersReply['items'][number];
export type MemberState = GroupMember['state'];

/** Under `testing`, so a sample or an import refreshes them with the other testing lists. */
const GROUPS_KEY = ['testing', 'groups'] as const;

export const groupLabel = (t: Translate, group: string) => testingLabel(t, 'group', group);

/** `every 7 days`, `daily`, `on the day they join`, `once within 3 days of joining`: the protocol's cycle as a sentence. */
export function cycleLabel(t: Translate, cycle: GroupCoverage['cycle']): string {
  if (!cycle) return '';
  if (cycle.everyDays === 1) return t('testing.cycle.daily');
  if (typeof cycle.everyDays === 'number') return t('testing.cycle.everyDays', { n: cycle.everyDays });
  if (cycle.onceWithinDays === 1) return t('testing.cycle.onJoining');
  return t('testing.cycle.onceWithinDays', { n: String(cycle.onceWithinDays ?? '') });
}

export function useGroupCoverage(jurisdictionId: string | undefined) {
  return useQuery({
    queryKey: [...GROUPS_KEY, 'coverage', jurisdictionId],
    queryFn: () => unwrap(api.GET('/api/testing/groups', { params: { query: jurisdictionId ? { jurisdictionId } : {} } })),
  });
}

export interface MemberFilter {
  group: GroupId;
  jurisdictionId: string | undefined;
  state: MemberState | undefined;
  page: number;
}

export function useGroupMembers({ group, jurisdictionId, state, page }: MemberFilter) {
  return useQuery({
    queryKey: [...GROUPS_KEY, 'members', group, jurisdictionId, state, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/testing/groups/{group}/members', {
          params: {
            path: { group },
            query: { page, pageSize: 20, ...(jurisdictionId ? { jurisdictionId } : {}), ...(state ? { state } : {}) },
          },
        }),
      ),
  });
}
