import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, InputNumber, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Reason } from '../../api/key-person-types.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { SYMPTOMS } from './key-person-labels.ts';
import { useInvalidateKeyPersons } from './key-person-queries.ts';
import { Reasons } from './reasons.tsx';

interface Values {
  observedAt: Dayjs;
  temperature?: number | null;
  symptoms?: string[];
}

export interface CheckToRecord {
  episodeId: string;
  personName?: string;
}

/** A daily check (temperature and symptoms). Fever or any symptom escalates; the modal then says so and why. */
export function RecordCheckModal({ check, onClose }: { check: CheckToRecord | null; onClose: () => void }) {
  // A fresh form (time: now) and no escalation left from the previous check.
  return check ? <RecordCheckDialog key={check.episodeId} check={check} onClose={onClose} /> : null;
}

function RecordCheckDialog({ check, onClose }: { check: CheckToRecord; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [escalation, setEscalation] = useState<Reason[] | null>(null);
  const invalidate = useInvalidateKeyPersons();
  const close = onClose;
  const record = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/key-persons/episodes/{id}/observations', {
          params: { path: { id: check.episodeId } },
          body: { observedAt: values.observedAt.toISOString(), temperature: values.temperature ?? null, symptoms: values.symptoms ?? [] },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async (reply) => {
      await invalidate();
      if (reply.escalated) {
        setEscalation(reply.because);
        return;
      }
      showSuccess(t('keyPerson.checkSaved'));
      close();
    },
    onError: (error) => applyFormError(form, error, ['observedAt', 'temperature', 'symptoms']),
  });
  const title = check.personName ? `${t('keyPerson.recordCheck')} · ${check.personName}` : t('keyPerson.recordCheck');
  return (
    <Modal
      open
      title={title}
      onCancel={close}
      destroyOnHidden
      footer={
        escalation ? (
          <Button type="primary" onClick={close} data-testid="record-check-close">
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={record.isPending} onClick={() => form.submit()} data-testid="record-check-submit">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {escalation ? (
        <Alert
          type="error"
          showIcon
          data-testid="check-escalated"
          title={t('keyPerson.escalated')}
          description={<Reasons reasons={escalation} testId="check-escalation-because" />}
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ observedAt: dayjs(), symptoms: [] }}
          onFinish={(values) => record.mutate(values)}
          data-testid="record-check-form"
        >
          <Form.Item name="observedAt" label={t('keyPerson.observedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="temperature" label={t('keyPerson.temperature')}>
            <InputNumber min={34} max={43} step={0.1} precision={1} style={{ width: 160 }} data-testid="record-check-temperature" />
          </Form.Item>
          <Form.Item name="symptoms" label={t('keyPerson.symptoms')}>
            <Checkbox.Group
              data-testid="record-check-symptoms"
              options={SYMPTOMS.map((s) => ({ value: s, label: labelOf(t, 'keyPerson.symptom', s) }))}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
