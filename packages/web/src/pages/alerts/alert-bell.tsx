import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ALERTS_KEY } from '../key-persons/key-person-queries.ts';

/** The header's bell: open alerts in my scope, refreshed every minute. */
export function AlertBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const badge = useQuery({
    queryKey: [...ALERTS_KEY, 'badge'],
    queryFn: () => unwrap(api.GET('/api/alerts/badge')),
    refetchInterval: 60_000,
  });
  const open = badge.data?.open ?? 0;
  return (
    <Tooltip title={t('alert.bell')}>
      <Button type="text" onClick={() => navigate('/alerts')} data-testid="alert-bell" data-count={open}>
        <Badge count={open} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
