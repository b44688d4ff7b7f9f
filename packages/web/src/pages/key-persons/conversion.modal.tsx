import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CATEGORIES, categoryLabel, shanghaiToday } from './key-person-labels.ts';
import { useInvalidateKeyPersons } from './key-person-queries.ts';

interface Values {
  category: string;
  startDate: Dayjs;
  reason: string;
}

interface Props {
  episodeId: string;
  current: string;
  open: boolean;
  onClose: () => void;
  /** The new episode under the edition in force on its start date; the old one stays in the history. */
  onConverted: (newEpisodeId: string) => void;
}

/** Moves the person to another category (close contact → confirmed…): a new episode starts, the old one is kept as converted. */
export function ConversionModal({ episodeId, current, open, onClose, onConverted }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateKeyPersons();
  const today = shanghaiToday();
  const convert = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/key-persons/episodes/{id}/conversions', {
          params: { path: { id: episodeId } },
          body: {
            category: values.category as 'confirmed',
            startDate: values.startDate.format('YYYY-MM-DD'),
            reason: values.reason.trim(),
          },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async (episode) => {
      showSuccess(t('keyPerson.converted'));
      await invalidate();
      onConverted(episode.id);
    },
    onError: (error) => applyFormError(form, error, ['category', 'startDate', 'reason']),
  });
  return (
    <Modal
      open={open}
      title={t('keyPerson.convert')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={convert.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ startDate: dayjs(today) }}
        onFinish={(values) => convert.mutate(values)}
      >
        <Form.Item name="category" label={t('keyPerson.convertTo')} rules={[{ required: true }]}>
          <Select options={CATEGORIES.filter((c) => c !== current).map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="startDate" label={t('keyPerson.startDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
          <Input.TextArea rows={2} placeholder={t('common.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
