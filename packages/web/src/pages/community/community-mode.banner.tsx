import { useQuery } from '@tanstack/react-query';
import { Alert, List, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { commandLabel, TASK_STATE_COLORS } from '../command/command-queries.ts';
import { Reasons } from '../key-persons/reasons.tsx';
import { COMMUNITY_KEY } from './community-queries.ts';

/**
 * SC-26, LVL-020: the community's prevention mode — keeping infection out, or stopping spread since the first
 * suspected or confirmed case among its residents — with the clause and the stop-spread tasks the switch gave.
 */
export function CommunityModeBanner({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const mode = useQuery({
    queryKey: [...COMMUNITY_KEY, 'mode', communityId],
    queryFn: () => unwrap(api.GET('/api/community/mode', { params: { query: { jurisdictionId: communityId } } })),
  });
  if (!mode.data) return null;
  const d = mode.data;
  const stopping = d.mode === 'stop_spread';
  return (
    <Alert
      type={stopping ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="community-mode"
      message={
        <Space>
          <strong>{t(stopping ? 'community.mode.stop_spread' : 'community.mode.keep_out')}</strong>
          <Typography.Text type="secondary">{t('community.mode.openCases', { count: d.openCases })}</Typography.Text>
        </Space>
      }
      description={
        <>
          <Reasons reasons={d.because} testId="community-mode-reasons" />
          {d.tasks.length > 0 && (
            <List
              size="small"
              header={t('community.mode.tasks')}
              dataSource={d.tasks}
              data-testid="community-mode-tasks"
              renderItem={(task) => (
                <List.Item>
                  <Space>
                    <Tag color={TASK_STATE_COLORS[task.state]}>{commandLabel(t, 'task.state', task.state)}</Tag>
                    {task.title}
                    <Typography.Text type="secondary">
                      {formatTime(task.dueAt, 'MM-DD HH:mm')} · {task.assigneeName ?? '—'}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </>
      }
    />
  );
}
