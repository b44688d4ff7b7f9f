import { Tabs, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { DisinfectionTab } from './disinfection.tab.tsx';
import { PreparednessTab } from './preparedness.tab.tsx';
import { ReadinessTab } from './readiness.tab.tsx';
import { StockTab } from './stock.tab.tsx';

/** 物资与应急准备: stock and movements, readiness with reasons, disinfection schedules and preparedness (issue 15 parts 4 and 6). */
export function SuppliesPage() {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const id = jurisdiction?.id;
  return (
    <>
      <Typography.Title level={4}>{t('menu.supplies')}</Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'stock', label: t('supply.tab.stock'), children: <StockTab jurisdictionId={id} /> },
          { key: 'readiness', label: t('supply.tab.readiness'), children: <ReadinessTab jurisdictionId={id} /> },
          { key: 'disinfection', label: t('supply.tab.disinfection'), children: <DisinfectionTab jurisdictionId={id} /> },
          { key: 'preparedness', label: t('supply.tab.preparedness'), children: <PreparednessTab jurisdictionId={id} /> },
        ]}
      />
    </>
  );
}
