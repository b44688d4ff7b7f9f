import { Button, Card, Checkbox, Input, Modal, message, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { categoryLabel } from '../key-persons/key-person-labels.ts';
import { type HouseholdRow, riskPlaceOptions, useRefreshCommunity, useRiskPlaces } from './community-queries.ts';

interface Stop {
  /** Stable React key: stops are added and edited, never reordered. */
  id: number;
  place: string;
  jurisdictionId?: string;
  inbound: boolean;
  leftOn: string;
}

interface PersonDraft {
  key: string;
  personId?: string;
  label: string;
  newPerson?: { name: string; idNumber: string; phone: string };
  present: boolean;
  symptoms: string;
  travel: Stop[];
}

let nextStopId = 0;
const emptyStop = (): Stop => ({ id: nextStopId++, place: '', inbound: false, leftOn: '' });

function StopEditor({ stop, onChange, index }: { stop: Stop; onChange: (next: Stop) => void; index: number }) {
  const { t } = useI18n();
  const places = useRiskPlaces();
  return (
    <Space wrap data-testid={`travel-${index}`}>
      <Select
        allowClear
        style={{ minWidth: 220 }}
        placeholder={t('community.visit.riskPlace')}
        value={stop.jurisdictionId}
        data-testid="travel-risk-place"
        options={riskPlaceOptions(t, places.data?.items)}
        onChange={(value?: string) => {
          const name = places.data?.items.find((p) => p.jurisdictionId === value)?.name;
          onChange({ ...stop, jurisdictionId: value, place: name ?? stop.place });
        }}
      />
      <Input
        style={{ width: 160 }}
        placeholder={t('community.visit.place')}
        value={stop.place}
        onChange={(e) => onChange({ ...stop, place: e.target.value })}
        data-testid="travel-place"
      />
      <Input
        type="date"
        style={{ width: 160 }}
        value={stop.leftOn}
        onChange={(e) => onChange({ ...stop, leftOn: e.target.value })}
        data-testid="travel-left-on"
        addonBefore={t('community.visit.leftOn')}
      />
      <Checkbox checked={stop.inbound} onChange={(e) => onChange({ ...stop, inbound: e.target.checked })}>
        {t('community.visit.inbound')}
      </Checkbox>
    </Space>
  );
}

function PersonEditor({ draft, onChange }: { draft: PersonDraft; onChange: (next: PersonDraft) => void }) {
  const { t } = useI18n();
  const fresh = draft.newPerson;
  return (
    <Card size="small" data-testid="visit-person">
      <Space direction="vertical" style={{ width: '100%' }}>
        {fresh ? (
          <Space wrap>
            <Input
              placeholder={t('community.visit.name')}
              value={fresh.name}
              data-testid="new-person-name"
              onChange={(e) => onChange({ ...draft, newPerson: { ...fresh, name: e.target.value } })}
            />
            <Input
              placeholder={t('community.visit.idNumber')}
              value={fresh.idNumber}
              data-testid="new-person-id"
              onChange={(e) => onChange({ ...draft, newPerson: { ...fresh, idNumber: e.target.value } })}
            />
            <Input
              placeholder={t('community.visit.phone')}
              value={fresh.phone}
              onChange={(e) => onChange({ ...draft, newPerson: { ...fresh, phone: e.target.value } })}
            />
          </Space>
        ) : (
          <Checkbox
            checked={draft.present}
            onChange={(e) => onChange({ ...draft, present: e.target.checked })}
            data-testid="member-present"
          >
            {`${draft.label} · ${t('community.visit.present')}`}
          </Checkbox>
        )}
        {draft.present && (
          <>
            <Input
              placeholder={t('community.visit.symptoms')}
              value={draft.symptoms}
              onChange={(e) => onChange({ ...draft, symptoms: e.target.value })}
              data-testid="person-symptoms"
            />
            <Typography.Text type="secondary">{t('community.visit.travel')}</Typography.Text>
            {draft.travel.map((stop, i) => (
              <StopEditor
                key={stop.id}
                index={i}
                stop={stop}
                onChange={(next) => onChange({ ...draft, travel: draft.travel.map((s, j) => (j === i ? next : s)) })}
              />
            ))}
            <Button size="small" onClick={() => onChange({ ...draft, travel: [...draft.travel, emptyStop()] })} data-testid="travel-add">
              {t('community.visit.addTravel')}
            </Button>
          </>
        )}
      </Space>
    </Card>
  );
}

const bodyOf = (d: PersonDraft) => ({
  ...(d.personId ? { personId: d.personId } : {}),
  ...(d.newPerson
    ? {
        newPerson: {
          name: d.newPerson.name,
          idType: 'resident_id' as const,
          idNumber: d.newPerson.idNumber,
          ...(d.newPerson.phone ? { phone: d.newPerson.phone } : {}),
        },
      }
    : {}),
  present: d.present,
  symptoms: d.symptoms.split(/[,，、\s]+/).filter(Boolean),
  travel: d.present ? d.travel.filter((s) => s.place && s.leftOn).map(({ id: _id, ...s }) => ({ ...s, place: s.place.trim() })) : [],
});

/** Records a household visit (COMM-040): who is home, their 14-day travel and symptoms, people newly found. */
export function VisitModal({ roundId, household, onClose }: { roundId: string; household: HouseholdRow; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefreshCommunity();
  const [outcome, setOutcome] = useState<'screened' | 'not_home'>('screened');
  const [people, setPeople] = useState<PersonDraft[]>(
    household.members.map((m) => ({ key: m.id, personId: m.id, label: m.name, present: true, symptoms: '', travel: [] })),
  );
  const [saving, setSaving] = useState(false);
  const addNew = () =>
    setPeople([
      ...people,
      {
        key: `new-${people.length}`,
        label: '',
        newPerson: { name: '', idNumber: '', phone: '' },
        present: true,
        symptoms: '',
        travel: [emptyStop()],
      },
    ]);
  const save = async () => {
    setSaving(true);
    try {
      const visit = await unwrap(
        api.POST('/api/community/rounds/{id}/visits', {
          params: { path: { id: roundId } },
          body: { householdId: household.id, outcome, people: outcome === 'screened' ? people.map(bodyOf) : [] },
        }),
      );
      const opened = visit.findings.filter((f) => f.category);
      const followUps = visit.findings.filter((f) => f.taskId).length;
      const said = [
        ...opened.map((f) => t('community.visit.opened', { category: categoryLabel(t, f.category) })),
        ...(followUps > 0 ? [t('community.visit.followUp', { n: followUps })] : []),
      ];
      message.success(said.length > 0 ? said.join('；') : t('community.visit.saved'));
      await refresh();
      onClose();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      width={820}
      title={t('community.visit.title', { household: household.address ?? household.name })}
      onCancel={onClose}
      onOk={save}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'visit-save' } as Record<string, string>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="visit-outcome">
          <Radio value="screened">{t('community.visit.outcome.screened')}</Radio>
          <Radio value="not_home" data-testid="visit-not-home">
            {t('community.visit.outcome.notHome')}
          </Radio>
        </Radio.Group>
        {outcome === 'screened' && (
          <>
            {people.map((draft) => (
              <PersonEditor
                key={draft.key}
                draft={draft}
                onChange={(next) => setPeople(people.map((p) => (p.key === draft.key ? next : p)))}
              />
            ))}
            <Button onClick={addNew} data-testid="visit-add-person">
              {`${t('community.visit.addNewPerson')}：${t('community.visit.newPerson')}`}
            </Button>
          </>
        )}
      </Space>
    </Modal>
  );
}
