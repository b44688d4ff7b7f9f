import { STOCK_HOLDER_KINDS, STOCK_MOVEMENT_KINDS, SUPPLY_ITEMS } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type StockLine, supplyLabel, useInvalidateSupplies, useStock } from './supplies-queries.ts';

function Marks({ line }: { line: StockLine }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      {line.low && (
        <Tooltip title={`${line.low.requirement} · ${line.low.clause}`}>
          <Tag color={line.low.level === 'red' ? 'red' : 'gold'} data-testid="stock-low">
            {t('supply.low')}
          </Tag>
        </Tooltip>
      )}
      {line.expiry && (
        <Tag color="orange" data-testid="stock-expiry">
          {line.expiry.rule === 'stockExpired' ? t('supply.expired') : t('supply.expiring')}
        </Tag>
      )}
    </Space>
  );
}

interface MovementValues {
  kind: (typeof STOCK_MOVEMENT_KINDS)[number];
  quantity: number;
  reason?: string;
  donor?: string;
  toStockItemId?: string;
}

function MovementModal({ line, lines, onClose }: { line: StockLine | null; lines: StockLine[]; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<MovementValues>();
  const kind = Form.useWatch('kind', form);
  const invalidate = useInvalidateSupplies();
  const move = useMutation({
    mutationFn: (v: MovementValues) =>
      unwrap(api.POST('/api/supplies/stock/{id}/movements', { params: { path: { id: line?.id ?? '' } }, body: v })),
    onSuccess: async () => {
      showSuccess(t('supply.movement.saved'));
      form.resetFields();
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['kind', 'quantity', 'reason', 'donor', 'toStockItemId']),
  });
  const targets = lines.filter((l) => line && l.item === line.item && l.id !== line.id);
  return (
    <Modal
      open={line !== null}
      title={line ? `${line.holderName} · ${supplyLabel(t, 'supply.item', line.item)}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'receive' }} onFinish={(v) => move.mutate(v)} data-testid="movement-form">
        <Form.Item name="kind" label={t('supply.movement.kind')} rules={[{ required: true }]}>
          <Select options={STOCK_MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`supply.movement.${k}`) }))} data-testid="movement-kind" />
        </Form.Item>
        <Form.Item name="quantity" label={t('supply.movement.quantity')} rules={[{ required: true }]}>
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="movement-quantity" />
        </Form.Item>
        {kind === 'donation' && (
          <Form.Item name="donor" label={t('supply.movement.donor')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {kind === 'transfer' && (
          <Form.Item name="toStockItemId" label={t('supply.movement.to')} rules={[{ required: true }]}>
            <Select options={targets.map((l) => ({ value: l.id, label: `${l.holderName}（${l.quantity}${l.unit}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('supply.movement.reason')} rules={[{ required: kind === 'adjust' }]}>
          <Input maxLength={200} data-testid="movement-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface NewStockValues {
  holderKind: (typeof STOCK_HOLDER_KINDS)[number];
  holderName: string;
  item: (typeof SUPPLY_ITEMS)[number];
  unit: string;
  quantity: number;
  dailyUse?: number;
  expiresOn?: string;
}

function NewStockModal({ open, jurisdictionId, onClose }: { open: boolean; jurisdictionId: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewStockValues>();
  const invalidate = useInvalidateSupplies();
  const create = useMutation({
    mutationFn: (v: NewStockValues) =>
      unwrap(api.POST('/api/supplies/stock', { body: { ...v, jurisdictionId, expiresOn: v.expiresOn || undefined } })),
    onSuccess: async () => {
      form.resetFields();
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['holderName', 'item', 'quantity', 'dailyUse', 'expiresOn']),
  });
  return (
    <Modal
      open={open}
      title={t('supply.newStock')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ holderKind: 'town', unit: '件', quantity: 0 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="holderKind" label={t('supply.holderKind')} rules={[{ required: true }]}>
          <Select options={STOCK_HOLDER_KINDS.map((k) => ({ value: k, label: supplyLabel(t, 'supply.holderKind', k) }))} />
        </Form.Item>
        <Form.Item name="holderName" label={t('supply.holder')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="item" label={t('supply.item')} rules={[{ required: true }]}>
          <Select options={SUPPLY_ITEMS.map((k) => ({ value: k, label: supplyLabel(t, 'supply.item', k) }))} />
        </Form.Item>
        <Space>
          <Form.Item name="quantity" label={t('supply.quantity')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="unit" label={t('supply.unit')} rules={[{ required: true }]}>
            <Input maxLength={10} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="dailyUse" label={t('supply.dailyUse')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="expiresOn" label={t('supply.expiresOn')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Stock by holder and item, marked low (below its reserve norm) or near expiry, with the movement form. */
export function StockTab({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const stock = useStock(jurisdictionId);
  const [moving, setMoving] = useState<StockLine | null>(null);
  const [adding, setAdding] = useState(false);
  const lines = stock.data ?? [];
  return (
    <>
      {can('supply.write') && jurisdictionId && (
        <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          {t('supply.newStock')}
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={stock.isPending}
        dataSource={lines}
        pagination={{ pageSize: 50 }}
        data-testid="stock-table"
        columns={[
          {
            title: t('supply.holder'),
            key: 'holder',
            render: (_: unknown, l: StockLine) => (
              <Space size={4}>
                <Tag>{supplyLabel(t, 'supply.holderKind', l.holderKind)}</Tag>
                {l.holderName}
              </Space>
            ),
          },
          { title: t('supply.item'), dataIndex: 'item', render: (v: string) => supplyLabel(t, 'supply.item', v) },
          { title: t('supply.quantity'), key: 'q', render: (_: unknown, l: StockLine) => `${l.quantity} ${l.unit}` },
          { title: t('supply.dailyUse'), dataIndex: 'dailyUse', render: (v: number | null) => v ?? '—' },
          { title: t('supply.daysOfCover'), dataIndex: 'daysOfCover', render: (v: number | null) => v ?? '—' },
          { title: t('supply.expiresOn'), dataIndex: 'expiresOn', render: (v: string | null) => v ?? '—' },
          { title: t('supply.marks'), key: 'marks', render: (_: unknown, l: StockLine) => <Marks line={l} /> },
          ...(can('supply.write')
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, l: StockLine) => (
                    <Button size="small" onClick={() => setMoving(l)} data-testid="stock-move">
                      {t('supply.move')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MovementModal line={moving} lines={lines} onClose={() => setMoving(null)} />
      {jurisdictionId && <NewStockModal open={adding} jurisdictionId={jurisdictionId} onClose={() => setAdding(false)} />}
    </>
  );
}
