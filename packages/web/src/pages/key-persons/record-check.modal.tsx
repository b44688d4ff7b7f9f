import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
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
  notMeasured?: boolean;
  notMeasuredReason?: string;
  symptomAnswer?: 'none' | 'some';
  symptoms?: string[];
}

/** The request body: a temperature or 无法测量 with its reason, and the symptom answer (KP-D03; issue 18 item 4). */
function bodyOf(values: Values) {
  return {
    observedAt: values.observedAt.toISOString(),
    temperature: values.notMeasured ? null : (values.temperature ?? null),
    notMeasuredReason: values.notMeasured ? (values.notMeasuredReason ?? '') : null,
    ...(values.symptomAnswer === undefined ? {} : { symptoms: values.symptomAnswer === 'none' ? [] : (values.symptoms ?? []) }),
  };
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
          body: bodyOf(values),
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
    onError: (error) => applyFormError(form, error, ['observedAt', 'temperature', 'notMeasuredReason', 'symptoms']),
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
          initialValues={{ observedAt: dayjs(), symptoms: [], notMeasured: false }}
          onFinish={(values) => record.mutate(values)}
          data-testid="record-check-form"
        >
          <Form.Item name="observedAt" label={t('keyPerson.observedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <CheckFields />
        </Form>
      )}
    </Modal>
  );
}

/** Temperature (or 无法测量 with a reason) and the symptom answer; the form refuses an empty check before the server does. */
function CheckFields() {
  const { t } = useI18n();
  const notMeasured = Form.useWatch<boolean | undefined>('notMeasured');
  const symptomAnswer = Form.useWatch<'none' | 'some' | undefined>('symptomAnswer');
  return (
    <>
      <Form.Item
        name="temperature"
        label={t('keyPerson.temperature')}
        rules={[{ required: !notMeasured, message: t('keyPerson.temperatureRequired') }]}
      >
        <InputNumber
          min={34}
          max={43}
          step={0.1}
          precision={1}
          style={{ width: 160 }}
          disabled={notMeasured}
          data-testid="record-check-temperature"
        />
      </Form.Item>
      <Form.Item name="notMeasured" valuePropName="checked">
        <Checkbox data-testid="record-check-not-measured">{t('keyPerson.notMeasured')}</Checkbox>
      </Form.Item>
      {notMeasured ? (
        <Form.Item
          name="notMeasuredReason"
          label={t('keyPerson.notMeasuredReason')}
          rules={[{ required: true, whitespace: true, message: t('keyPerson.notMeasuredReasonRequired') }]}
        >
          <Input maxLength={200} data-testid="record-check-not-measured-reason" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="symptomAnswer"
        label={t('keyPerson.symptomAnswer')}
        rules={[{ required: true, message: t('keyPerson.symptomAnswerRequired') }]}
      >
        <Radio.Group data-testid="record-check-symptom-answer">
          <Radio value="none">{t('keyPerson.symptomAnswerNone')}</Radio>
          <Radio value="some">{t('keyPerson.symptomAnswerSome')}</Radio>
        </Radio.Group>
      </Form.Item>
      {symptomAnswer === 'some' ? (
        <Form.Item
          name="symptoms"
          label={t('keyPerson.symptoms')}
          rules={[{ required: true, type: 'array', min: 1, message: t('keyPerson.symptomAnswerRequired') }]}
        >
          <Checkbox.Group
            data-testid="record-check-symptoms"
            options={SYMPTOMS.map((s) => ({ value: s, label: labelOf(t, 'keyPerson.symptom', s) }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
