import { DatedExportModal } from '../../components/dated-export.modal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** 人员解除隔离表 of a day (DAILY-003), for a stated purpose. */
export function ExportReleaseTableModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <DatedExportModal
      open={open}
      onClose={onClose}
      title={t('keyPerson.exportReleaseTable')}
      purposes={['keyPerson.exportPurpose.dailyReport', 'keyPerson.exportPurpose.verification']}
      urlFor={(date, purpose) => `/api/key-persons/exports/release-table.xlsx?${new URLSearchParams({ date, purpose })}`}
    />
  );
}
