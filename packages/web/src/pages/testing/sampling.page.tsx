import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { newBarcode, useCampaign, useCampaigns, useInvalidateTesting } from './testing-queries.ts';

interface Tube {
  barcode: string;
  poolSize: number;
  memberCount: number;
  closed: boolean;
}
interface Scanned {
  sampleId: string;
  personName: string;
  idMasked: string;
  barcode: string;
}

/** 采样: pick campaign and point, scan a tube, then each resident's ID; the tube closes by itself when full. */
export function TestingSamplingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const campaigns = useCampaigns();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [pointId, setPointId] = useState<string | undefined>();
  const campaign = useCampaign(campaignId);
  const [barcode, setBarcode] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [tube, setTube] = useState<Tube | null>(null);
  const [scanned, setScanned] = useState<Scanned[]>([]);
  const idInput = useRef<{ focus: () => void } | null>(null);
  const invalidate = useInvalidateTesting();

  const scan = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/testing/collection-points/{id}/scans', {
          params: { path: { id: pointId ?? '' } },
          body: { barcode: barcode.trim(), idType: 'resident_id', idNumber: idNumber.trim().toUpperCase() },
        }),
      ),
    onSuccess: (reply) => {
      setTube(reply.tube);
      setScanned((list) => [
        { sampleId: reply.sampleId, personName: reply.personName, idMasked: reply.idMasked, barcode: reply.tube.barcode },
        ...list,
      ]);
      message.success({ key: 'scan', content: t('testing.scanned', { name: reply.personName }) });
      setIdNumber('');
      if (reply.tube.closed) setBarcode('');
      void invalidate();
      idInput.current?.focus();
    },
    onError: (error) => message.error({ key: 'scan', content: error.message }),
  });
  const closeTube = useMutation({
    mutationFn: () => unwrap(api.POST('/api/testing/tubes/close', { body: { barcode: barcode.trim() } })),
    onSuccess: (reply) => {
      setTube({ barcode: reply.barcode, poolSize: reply.poolSize, memberCount: reply.memberCount, closed: true });
      setBarcode('');
      void invalidate();
    },
    onError: (error) => message.error(error.message),
  });

  const open = (campaigns.data?.items ?? []).filter((c) => c.status !== 'closed');
  const points = campaign.data?.points ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('testing.sampling')}>
        <Form layout="inline">
          <Form.Item label={t('testing.campaign')}>
            <Select
              data-testid="sampling-campaign"
              style={{ width: 260 }}
              value={campaignId}
              onChange={(id) => {
                setCampaignId(id);
                setPointId(undefined);
              }}
              options={open.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item label={t('testing.point')}>
            <Select
              data-testid="sampling-point"
              style={{ width: 260 }}
              value={pointId}
              onChange={setPointId}
              options={points.map((p) => ({ value: p.id, label: `${p.name} (${p.opensAt}–${p.closesAt})` }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {pointId && (
        <Card>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('testing.tubeBarcode')}</Typography.Text>
              <Input
                data-testid="tube-barcode"
                style={{ width: 240 }}
                value={barcode}
                onChange={(e) => setBarcode(e.target.value)}
                onPressEnter={() => idInput.current?.focus()}
              />
              <Button data-testid="new-tube" onClick={() => setBarcode(newBarcode('T'))}>
                {t('testing.newTube')}
              </Button>
              <Button data-testid="close-tube" disabled={!barcode.trim()} loading={closeTube.isPending} onClick={() => closeTube.mutate()}>
                {t('testing.closeTube')}
              </Button>
            </Space>
            {tube && (
              <div data-testid="tube-state" data-barcode={tube.barcode} data-count={tube.memberCount} data-closed={String(tube.closed)}>
                <Space>
                  <Tag color="blue">{tube.barcode}</Tag>
                  <Typography.Text>{t('testing.tubeFill', { count: tube.memberCount, size: tube.poolSize })}</Typography.Text>
                  {tube.closed && <Tag>{t('testing.tubeClosed')}</Tag>}
                </Space>
                <Progress percent={Math.round((tube.memberCount / tube.poolSize) * 100)} steps={tube.poolSize} showInfo={false} />
              </div>
            )}
            {tube?.closed && !barcode && (
              <Alert
                type="info"
                showIcon
                data-testid="tube-full"
                title={t(tube.memberCount >= tube.poolSize ? 'testing.tubeFull' : 'testing.tubeClosedScanNew')}
              />
            )}
            <Space.Compact style={{ width: 480 }}>
              <Input
                ref={(el) => {
                  idInput.current = el;
                }}
                data-testid="scan-id"
                placeholder={t('testing.scanPerson')}
                value={idNumber}
                disabled={!barcode.trim()}
                onChange={(e) => setIdNumber(e.target.value)}
                onPressEnter={() => idNumber.trim() && !scan.isPending && scan.mutate()}
              />
              <Button
                type="primary"
                data-testid="scan-submit"
                disabled={!barcode.trim() || !idNumber.trim()}
                loading={scan.isPending}
                onClick={() => scan.mutate()}
              >
                {t('testing.scan')}
              </Button>
            </Space.Compact>
          </Space>
        </Card>
      )}
      {scanned.length > 0 && (
        <Card title={`${t('testing.thisSession')} (${scanned.length})`}>
          <Table
            data-testid="scanned-table"
            size="small"
            rowKey="sampleId"
            pagination={{ pageSize: 10 }}
            dataSource={scanned}
            columns={[
              { title: t('testing.name.person'), dataIndex: 'personName' },
              { title: t('testing.idNumber'), dataIndex: 'idMasked' },
              { title: t('testing.barcode'), dataIndex: 'barcode' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
