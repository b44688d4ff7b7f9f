import { Tabs } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { DueCard, RisksCard, SamplesCard } from './environment-lists.tsx';
import { EnvironmentRegisterCard, type PickedPlace } from './environment-register.card.tsx';
import { EnvironmentSampleDrawer } from './environment-sample.drawer.tsx';

/** 环境与物品采样 (TEST-014): which places are due, registering a sample, results with their follow-up, places at risk and batch trace. */
export function EnvironmentSamplingPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const jurisdictionId = useScope().jurisdiction?.id;
  const [tab, setTab] = useState('due');
  const [picked, setPicked] = useState<PickedPlace | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const sampler = can('testing.sample');
  const onSample = sampler
    ? (place: PickedPlace) => {
        setPicked(place);
        setTab('register');
      }
    : undefined;
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="environment-tabs"
        items={[
          { key: 'due', label: t('environment.due'), children: <DueCard jurisdictionId={jurisdictionId} onSample={onSample} /> },
          ...(sampler
            ? [{ key: 'register', label: t('environment.register'), children: <EnvironmentRegisterCard picked={picked} /> }]
            : []),
          { key: 'samples', label: t('environment.samples'), children: <SamplesCard jurisdictionId={jurisdictionId} onOpen={setOpen} /> },
          { key: 'risks', label: t('environment.risks'), children: <RisksCard jurisdictionId={jurisdictionId} /> },
        ]}
      />
      <EnvironmentSampleDrawer sampleId={open} onClose={() => setOpen(null)} />
    </>
  );
}
