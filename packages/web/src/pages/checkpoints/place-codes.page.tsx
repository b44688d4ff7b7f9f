import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, message, Space, Table } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useCheckpoints } from './checkpoint-queries.ts';
import { useCheckpointText } from './checkpoint-text.ts';

const PLACE_CODES_KEY = ['place-codes'] as const;

type PlaceCodeRow = { id: string; placeName: string; placeKind: string; code: string };

/** 场所码: make a code for a checkpoint or venue, print its poster (PDF with the QR). */
export function PlaceCodesPage() {
  const t = useCheckpointText();
  const { t: translate } = useI18n();
  const queryClient = useQueryClient();
  const codes = useQuery({ queryKey: [...PLACE_CODES_KEY], queryFn: () => unwrap(api.GET('/api/place-codes')) });
  const checkpoints = useCheckpoints();
  const uncoded = (checkpoints.data?.items ?? []).filter((c) => !(codes.data?.items ?? []).some((code) => code.placeName === c.name));
  const make = async (placeId: string) => {
    try {
      await unwrap(api.POST('/api/places/{id}/code', { params: { path: { id: placeId } } }));
      await queryClient.invalidateQueries({ queryKey: PLACE_CODES_KEY });
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Card title={t('placeCodesTitle')}>
      {uncoded.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {uncoded.map((c) => (
            <Button key={c.id} onClick={() => make(c.id)}>
              {t('makeCode')}：{c.name}
            </Button>
          ))}
        </Space>
      )}
      <Table<PlaceCodeRow>
        size="small"
        rowKey="id"
        loading={codes.isPending}
        dataSource={codes.data?.items ?? []}
        data-testid="place-codes-table"
        columns={[
          { title: t('place'), dataIndex: 'placeName' },
          { title: t('kind'), dataIndex: 'placeKind', render: (kind: string) => labelOf(translate, 'place.kind', kind) },
          { title: t('code'), dataIndex: 'code' },
          {
            title: '',
            render: (_, c) => (
              <Button size="small" href={`/api/place-codes/${c.id}/poster`} target="_blank">
                {t('poster')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
