import { AutoComplete, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type MessageKey, useI18n } from '../i18n/i18n.tsx';
import { shanghaiToday } from '../pages/key-persons/key-person-labels.ts';

interface Values {
  date: Dayjs;
  purpose: string;
}

/** The browser downloads the file itself (the session cookie goes with it); the purpose is audited by the server. */
export function download(url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

interface DatedExportProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Suggested purposes; any other may be typed. */
  purposes: MessageKey[];
  /** The file's URL for the day (YYYY-MM-DD) and the stated purpose. */
  urlFor: (date: string, purpose: string) => string;
}

/** An export of a day's personal or reporting data, downloaded for a stated purpose (recorded in the audit log). */
export function DatedExportModal({ open, onClose, title, purposes, urlFor }: DatedExportProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submit = (values: Values) => {
    download(urlFor(values.date.format('YYYY-MM-DD'), values.purpose.trim()));
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
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
            options={purposes.map((key) => ({ value: t(key) }))}
            placeholder={t('keyPerson.exportPurposePlaceholder')}
            data-testid="export-purpose"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
