import { useMutation } from '@tanstack/react-query';
import { DatePicker, Descriptions, Form, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { DISPLAY_ZONE } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useInvalidateKeyPersons } from './key-person-queries.ts';

export interface TestToRecord {
  itemId: string;
  dueDate: string | null;
  testKind: string | null;
  personName?: string;
}

interface Values {
  sampledAt: Dayjs;
  result: 'negative' | 'positive' | 'indeterminate' | 'pending';
}

const RESULTS = ['negative', 'positive', 'indeterminate', 'pending'] as const;

/** A sample taken on its due day is dated that morning (09:00 Beijing time), never later than now. */
function defaultSampledAt(dueDate: string | null): Dayjs {
  const now = dayjs();
  if (!dueDate) return now;
  const morning = dayjs.tz(`${dueDate} 09:00`, DISPLAY_ZONE);
  return morning.isBefore(now) ? morning : now;
}

/** Records when a scheduled test was sampled and its result; a positive or indeterminate one raises an alert and a task. */
export function RecordTestModal({ test, onClose }: { test: TestToRecord | null; onClose: () => void }) {
  // A fresh form per item: its default sampling time is that item's due day.
  return test ? <RecordTestDialog key={test.itemId} test={test} onClose={onClose} /> : null;
}

function RecordTestDialog({ test, onClose }: { test: TestToRecord; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateKeyPersons();
  const record = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.PATCH('/api/key-persons/schedule-items/{id}', {
          params: { path: { id: test.itemId } },
          body: { sampledAt: values.sampledAt.toISOString(), result: values.result },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async () => {
      showSuccess(t('keyPerson.resultSaved'));
      await invalidate();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['sampledAt', 'result']),
  });
  return (
    <Modal
      open
      title={t('keyPerson.recordResult')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'record-test-submit' }}
      destroyOnHidden
    >
      {
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            ...(test.personName ? [{ key: 'person', label: t('keyPerson.person'), children: test.personName }] : []),
            { key: 'kind', label: t('keyPerson.item'), children: labelOf(t, 'keyPerson.testKind', test.testKind) },
            { key: 'due', label: t('keyPerson.dueDate'), children: test.dueDate ?? '—' },
          ]}
        />
      }
      <Form
        form={form}
        layout="vertical"
        initialValues={{ sampledAt: defaultSampledAt(test.dueDate) }}
        onFinish={(values) => record.mutate(values)}
        data-testid="record-test-form"
      >
        <Form.Item name="sampledAt" label={t('keyPerson.sampledAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label={t('keyPerson.testResult')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="record-test-result"
            options={RESULTS.map((r) => ({ value: r, label: labelOf(t, 'keyPerson.testResult', r) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
