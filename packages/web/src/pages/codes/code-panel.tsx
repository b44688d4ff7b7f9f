import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { ColourTag, codeStatusLabel } from './code-labels.tsx';

export const CODES_KEY = ['codes'] as const;

interface ChangeForm {
  toColour: 'green' | 'yellow' | 'red';
  basisKind: 'record' | 'rule';
  basisRef: string;
  basisNote: string;
  validHours?: number;
}

function RequestChangeModal({ personId, open, onClose }: { personId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<ChangeForm>();
  const request = useMutation({
    mutationFn: (body: ChangeForm) => unwrap(api.POST('/api/persons/{id}/code-changes', { params: { path: { id: personId } }, body })),
    onSuccess: async () => {
      showSuccess(t('code.requested'));
      await client.invalidateQueries({ queryKey: CODES_KEY });
      onClose();
    },
  });
  const colours = (['green', 'yellow', 'red'] as const).map((c) => ({ value: c, label: t(`code.colour.${c}`) }));
  return (
    <Modal
      open={open}
      title={t('code.requestChange')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ basisKind: 'record' }}
        onFinish={(values) => request.mutate(values)}
      >
        <Form.Item name="toColour" label={t('code.toColour')} rules={[{ required: true }]}>
          <Select options={colours} data-testid="code-change-colour" />
        </Form.Item>
        <Form.Item name="basisKind" label={t('code.basisKind')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'record', label: t('code.basisKind.record') },
              { value: 'rule', label: t('code.basisKind.rule') },
            ]}
          />
        </Form.Item>
        <Form.Item name="basisRef" label={t('code.basisRef')} extra={t('code.basisRefHelp')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="code-change-basis" />
        </Form.Item>
        <Form.Item name="basisNote" label={t('code.basisNote')} rules={[{ required: true, min: 2, whitespace: true }]}>
          <Input.TextArea rows={2} data-testid="code-change-note" />
        </Form.Item>
        <Form.Item name="validHours" label={t('code.validHours')}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PaperCodeButton({ personId }: { personId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const print = () => {
    window.open(`/api/persons/${personId}/paper-code.pdf?purpose=${encodeURIComponent(purpose.trim())}`, '_blank', 'noopener');
    setOpen(false);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="code-print-paper">
        {t('code.printPaper')}
      </Button>
      <Modal
        open={open}
        title={t('code.printPaper')}
        onCancel={() => setOpen(false)}
        onOk={print}
        okButtonProps={{ disabled: purpose.trim().length < 2 }}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Input value={purpose} onChange={(e) => setPurpose(e.target.value)} placeholder={t('code.purpose')} maxLength={200} />
      </Modal>
    </>
  );
}

/** In the person drawer: the colour now with every reason (source and clause), its history, and the staff actions. */
export function CodePanel({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [requesting, setRequesting] = useState(false);
  const code = useQuery({
    queryKey: [...CODES_KEY, 'person', personId],
    queryFn: () => unwrap(api.GET('/api/persons/{id}/code', { params: { path: { id: personId } } })),
  });
  const history = useQuery({
    queryKey: [...CODES_KEY, 'history', personId],
    queryFn: () => unwrap(api.GET('/api/persons/{id}/code/history', { params: { path: { id: personId } } })),
    enabled: can('code.read'),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="code-panel">
      {code.data && (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'colour', label: t('code.tab'), children: <ColourTag colour={code.data.colour} t={t} /> },
            { key: 'version', label: t('code.ruleVersion'), children: code.data.ruleVersion },
          ]}
        />
      )}
      <Space>
        {can('code.change') && (
          <Button type="primary" onClick={() => setRequesting(true)} data-testid="code-request-change">
            {t('code.requestChange')}
          </Button>
        )}
        {can('code.change') && <PaperCodeButton personId={personId} />}
      </Space>
      <Typography.Title level={5}>{t('code.reasons')}</Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.rule}-${r.clause}`}
        pagination={false}
        dataSource={code.data?.because ?? []}
        columns={[
          { title: t('code.rule'), dataIndex: 'rule' },
          { title: t('code.source'), dataIndex: 'source' },
          { title: t('code.clause'), dataIndex: 'clause' },
          { title: t('code.basisNote'), dataIndex: 'says' },
        ]}
      />
      {history.data && (
        <>
          <Typography.Title level={5}>{t('code.history')}</Typography.Title>
          <Table
            size="small"
            rowKey={(s) => `${s.at}-${s.colour}`}
            pagination={false}
            data-testid="code-history"
            locale={{ emptyText: t('code.none') }}
            dataSource={history.data.states}
            columns={[
              { title: t('code.at'), dataIndex: 'at', render: (at: string) => formatTime(at) },
              { title: t('code.tab'), dataIndex: 'colour', render: (c: string) => <ColourTag colour={c} t={t} /> },
              {
                title: t('code.source'),
                dataIndex: 'source',
                render: (s: string) => t(s === 'manual' ? 'code.source.manual' : 'code.source.rules'),
              },
              { title: t('code.ruleVersion'), dataIndex: 'ruleVersion' },
            ]}
          />
          <Typography.Title level={5}>{t('code.changes')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            locale={{ emptyText: t('code.none') }}
            dataSource={history.data.changes}
            columns={[
              {
                title: t('code.change'),
                render: (_, c) => `${t(`code.colour.${c.fromColour}` as MessageKey)} → ${t(`code.colour.${c.toColour}` as MessageKey)}`,
              },
              { title: t('code.basisRef'), render: (_, c) => `${c.basisRef}：${c.basisNote}` },
              { title: t('common.status'), dataIndex: 'status', render: (s: string) => codeStatusLabel(t, s) },
              { title: t('code.decisionReason'), dataIndex: 'decisionReason' },
            ]}
          />
        </>
      )}
      <RequestChangeModal personId={personId} open={requesting} onClose={() => setRequesting(false)} />
    </Space>
  );
}
