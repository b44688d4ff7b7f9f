import { Button, Card, Form, Input, message, Radio, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { checkPass, type PassVerdict, type ScanVerdict, scanCode, useCheckpoints, useHouseholds } from './checkpoint-queries.ts';
import { type CheckpointText, useCheckpointText } from './checkpoint-text.ts';
import { VerdictPanel } from './checkpoint-verdict.tsx';
import { EntryTab } from './entry-tab.tsx';

const BIG = { height: 64, fontSize: 24, minWidth: 160 } as const;

function ScanTab({ checkpointId, t }: { checkpointId: string; t: CheckpointText }) {
  const [token, setToken] = useState('');
  const [verdict, setVerdict] = useState<ScanVerdict | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      setVerdict(await scanCode(checkpointId, token));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Input.TextArea
        autoFocus
        rows={3}
        value={token}
        placeholder={t('token')}
        onChange={(e) => setToken(e.target.value)}
        style={{ fontSize: 18 }}
        data-testid="checkpoint-token"
      />
      <Space>
        <Button type="primary" style={BIG} loading={busy} disabled={!token.trim()} onClick={verify} data-testid="checkpoint-verify">
          {t('verify')}
        </Button>
        <Button
          style={BIG}
          onClick={() => {
            setToken('');
            setVerdict(null);
          }}
        >
          {t('clear')}
        </Button>
      </Space>
      {verdict && (
        <VerdictPanel
          decision={verdict.decision}
          title={t(verdict.decision)}
          reasons={verdict.because.map((r) => ({ ...r, says: t(r.rule) }))}
        />
      )}
    </Space>
  );
}

interface OutsiderForm {
  name: string;
  idNumber: string;
  phone?: string;
  fromPlace: string;
  reason: string;
  destinationHouseholdId: string;
}

function OutsiderTab({ checkpointId, t }: { checkpointId: string; t: CheckpointText }) {
  const [form] = Form.useForm<OutsiderForm>();
  const [q, setQ] = useState('');
  const households = useHouseholds(q);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (values: OutsiderForm) => {
    try {
      const registered = await unwrap(
        api.POST('/api/checkpoints/{id}/outsiders', {
          params: { path: { id: checkpointId } },
          body: { ...values, idType: 'resident_id', phone: values.phone || undefined },
        }),
      );
      setDone(registered.episodeId);
      form.resetFields();
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Form form={form} layout="vertical" size="large" onFinish={submit} data-testid="outsider-form" style={{ maxWidth: 640 }}>
      <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
        <Input data-testid="outsider-name" />
      </Form.Item>
      <Form.Item name="idNumber" label={t('idNumber')} rules={[{ required: true }]}>
        <Input data-testid="outsider-id" />
      </Form.Item>
      <Form.Item name="phone" label={t('phone')}>
        <Input data-testid="outsider-phone" />
      </Form.Item>
      <Form.Item name="fromPlace" label={t('fromPlace')} rules={[{ required: true }]}>
        <Input data-testid="outsider-from" />
      </Form.Item>
      <Form.Item name="reason" label={t('reason')} rules={[{ required: true }]}>
        <Input data-testid="outsider-reason" />
      </Form.Item>
      <Form.Item name="destinationHouseholdId" label={t('destination')} rules={[{ required: true }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.name}（${h.code}）` }))}
          data-testid="outsider-household"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" style={BIG} data-testid="outsider-submit">
        {t('submit')}
      </Button>
      {done && (
        <Typography.Paragraph type="success" style={{ marginTop: 16, fontSize: 18 }} data-testid="outsider-done" data-episode={done}>
          {t('registered')}
        </Typography.Paragraph>
      )}
    </Form>
  );
}

function PassTab({ checkpointId, t }: { checkpointId: string; t: CheckpointText }) {
  const [passNumber, setPassNumber] = useState('');
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [verdict, setVerdict] = useState<PassVerdict | null>(null);
  const check = async () => {
    try {
      setVerdict(await checkPass(checkpointId, passNumber, direction));
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Input
        size="large"
        value={passNumber}
        placeholder={t('passNumber')}
        onChange={(e) => setPassNumber(e.target.value)}
        style={{ fontSize: 24, maxWidth: 360 }}
        data-testid="pass-number"
      />
      <Radio.Group
        size="large"
        value={direction}
        onChange={(e) => setDirection(e.target.value)}
        optionType="button"
        buttonStyle="solid"
        options={[
          { value: 'out', label: t('out') },
          { value: 'in', label: t('in') },
        ]}
      />
      <Button type="primary" style={BIG} disabled={!passNumber.trim()} onClick={check} data-testid="pass-check">
        {t('check')}
      </Button>
      {verdict && (
        <VerdictPanel
          decision={verdict.allowed ? 'allow' : 'deny'}
          title={t(verdict.allowed ? 'passAllowed' : 'passRefused')}
          reasons={verdict.because.map((r) => ({ ...r, says: t(r.rule) }))}
          extra={
            verdict.nextAllowedDate && (
              <Typography.Title level={3} style={{ color: '#fff' }}>
                {t('nextAllowed', { date: verdict.nextAllowedDate })}
              </Typography.Title>
            )
          }
        />
      )}
    </Space>
  );
}

/** Checkpoint mode for a tablet: scan a code, register an outsider, check compound entry, check a household pass. */
export function CheckpointPage() {
  const t = useCheckpointText();
  const checkpoints = useCheckpoints();
  const [chosen, setChosen] = useState<string | null>(null);
  const checkpointId = chosen ?? checkpoints.data?.items[0]?.id ?? null;
  return (
    <Card
      title={<span style={{ fontSize: 24 }}>{t('title')}</span>}
      extra={
        <Select
          style={{ minWidth: 240 }}
          value={checkpointId}
          onChange={setChosen}
          loading={checkpoints.isPending}
          options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="checkpoint-select"
        />
      }
    >
      {checkpointId && (
        <Tabs
          size="large"
          items={[
            { key: 'scan', label: t('scanTab'), children: <ScanTab checkpointId={checkpointId} t={t} /> },
            {
              key: 'outsider',
              label: <span data-testid="tab-outsider">{t('outsiderTab')}</span>,
              children: <OutsiderTab checkpointId={checkpointId} t={t} />,
            },
            {
              key: 'entry',
              label: <span data-testid="tab-entry">{t('entryTab')}</span>,
              children: <EntryTab checkpointId={checkpointId} t={t} />,
            },
            {
              key: 'pass',
              label: <span data-testid="tab-pass">{t('passTab')}</span>,
              children: <PassTab checkpointId={checkpointId} t={t} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
