import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Translate } from '../../i18n/i18n.tsx';
import { testingLabel } from './testing-queries.ts';

interface CampaignHead {
  name: string;
  jurisdictionName: string;
  status: string;
}

/** Name, jurisdiction and status: the first columns of every list of campaigns. */
export function campaignColumns<T extends CampaignHead>(t: Translate): ColumnsType<T> {
  return [
    { title: t('testing.name'), dataIndex: 'name' },
    { title: t('testing.jurisdiction'), dataIndex: 'jurisdictionName' },
    {
      title: t('testing.status'),
      dataIndex: 'status',
      render: (s: string) => <Tag color={s === 'closed' ? 'default' : 'green'}>{testingLabel(t, 'status', s)}</Tag>,
    },
  ];
}
