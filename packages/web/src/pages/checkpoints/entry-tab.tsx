import { Alert, Button, Checkbox, Input, InputNumber, message, Space, Typography } from 'antd';
import { useState } from 'react';
import { ClauseRef } from '../../components/clause-ref.tsx';
import { checkEntry, type EntryVerdict, useEntryRegime } from './checkpoint-queries.ts';
import type { CheckpointText } from './checkpoint-text.ts';
import { VerdictPanel } from './checkpoint-verdict.tsx';

const BIG = { height: 64, fontSize: 24, minWidth: 160 } as const;

/** The regime the compound runs (SC-42 / SC-43) and where it comes from: the local profile's clause, or none chose. */
function RegimeNote({ checkpointId, t }: { checkpointId: string; t: CheckpointText }) {
  const regime = useEntryRegime(checkpointId);
  if (!regime.data) return null;
  const { data } = regime;
  return (
    <Alert
      type="info"
      data-testid="entry-regime"
      data-regime={data.regime}
      title={
        <span>
          {t('regime')}：{t(`regime.${data.regime}`)} <ClauseRef basis={data.basis} />
        </span>
      }
      description={
        data.chosenBy ? (
          <span>
            {t('chosenBy')} <ClauseRef basis={data.chosenBy} />
          </span>
        ) : (
          t('noChoice')
        )
      }
    />
  );
}

/**
 * Compound entry (COMM-013): the gate records the checks done for one person — code, temperature, mask, details —
 * and the server decides by the regime the local profile in force chooses; the reasons name a missing check.
 */
export function EntryTab({ checkpointId, t }: { checkpointId: string; t: CheckpointText }) {
  const [token, setToken] = useState('');
  const [temperature, setTemperature] = useState<number | null>(null);
  const [masked, setMasked] = useState(false);
  const [registered, setRegistered] = useState(false);
  const [verdict, setVerdict] = useState<EntryVerdict | null>(null);
  const check = async () => {
    try {
      const body = { token: token.trim() || undefined, temperatureCelsius: temperature ?? undefined, masked, registered };
      setVerdict(await checkEntry(checkpointId, body));
    } catch (error) {
      message.error((error as Error).message);
    }
  };
  const missing = (verdict?.missing ?? []).map((c) => t(`check.${c}`)).join('、');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="entry-tab">
      <RegimeNote checkpointId={checkpointId} t={t} />
      <Input.TextArea
        rows={2}
        value={token}
        placeholder={t('token')}
        onChange={(e) => setToken(e.target.value)}
        data-testid="entry-token"
      />
      <Space size={24} wrap>
        <Typography.Text style={{ fontSize: 18 }}>{t('temperature')}</Typography.Text>
        <InputNumber
          size="large"
          min={30}
          max={45}
          step={0.1}
          value={temperature}
          onChange={setTemperature}
          data-testid="entry-temperature"
        />
        <Checkbox checked={masked} onChange={(e) => setMasked(e.target.checked)} data-testid="entry-masked">
          {t('masked')}
        </Checkbox>
        <Checkbox checked={registered} onChange={(e) => setRegistered(e.target.checked)} data-testid="entry-registered">
          {t('detailsRecorded')}
        </Checkbox>
      </Space>
      <Button type="primary" style={BIG} onClick={check} data-testid="entry-check">
        {t('checkEntry')}
      </Button>
      {verdict && (
        <VerdictPanel
          decision={verdict.allowed ? 'allow' : 'deny'}
          title={t(verdict.allowed ? 'entryAllowed' : 'entryDenied')}
          reasons={verdict.because.map((r) => ({ ...r, says: t(r.rule, { missing }) }))}
        />
      )}
    </Space>
  );
}
