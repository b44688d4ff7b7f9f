import { AutoComplete, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { shanghaiToday } from './key-person-labels.ts';

interface Values {
  date: Dayjs;
  purpose: string;
}

const PURPOSES: MessageKey[] = ['keyPerson.exportPurpose.dailyReport', 'keyPerson.exportPurpose.verification'];

/** The browser downloads the file itself (the session cookie goes with it); the purpose is audited by the server. */
function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** 人员解除隔离表 of a day (DAILY-003), for a stated purpose. */
export function ExportReleaseTableModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = (values: Values) => {
    const query = new URLSearchParams({ date: values.date.format('YYYY-MM-DD'), purpose: values.purpose.trim() });
    download(`/api/key-persons/exports/release-table.xlsx?${query}`);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('keyPerson.exportReleaseTable')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.download')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ date: dayjs(shanghaiToday()) }} onFinish={submit}>
        <Form.Item name="date" label={t('common.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('keyPerson.exportPurpose')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <AutoComplete
            options={PURPOSES.map((key) => ({ value: t(key) }))}
            placeholder={t('keyPerson.exportPurposePlaceholder')}
            data-testid="export-purpose"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
