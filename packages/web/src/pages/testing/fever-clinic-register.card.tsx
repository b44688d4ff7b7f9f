import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PersonListItem } from '../../api/types.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PersonPicker } from '../key-persons/person-picker.tsx';
import { useClinics } from './fever-clinic-queries.ts';
import { newBarcode, useInvalidateTesting } from './testing-queries.ts';

interface Values {
  placeId: string;
  personId: string;
  temperatureCelsius?: number;
  barcode: string;
  labName?: string;
}

const FIELDS = ['placeId', 'personId', 'temperatureCelsius', 'barcode', 'arrivedAt'];

/** 接诊登记: the clinic, the patient, the temperature and the nucleic acid tube; the four tests are ordered by the server. */
export function FeverClinicRegisterCard({ jurisdictionId, onRegistered }: { jurisdictionId?: string; onRegistered: (id: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<PersonListItem | undefined>();
  const clinics = useClinics();
  const invalidate = useInvalidateTesting();
  const register = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/testing/fever-clinic/visits', {
          body: {
            placeId: values.placeId,
            personId: values.personId,
            temperatureCelsius: values.temperatureCelsius ?? undefined,
            barcode: values.barcode.trim(),
            labName: values.labName?.trim() || undefined,
          },
        }),
      ),
    onSuccess: (visit) => {
      showSuccess(t('feverClinic.registered'));
      form.resetFields(['personId', 'temperatureCelsius', 'barcode']);
      setPicked(undefined);
      void invalidate();
      onRegistered(visit.id);
    },
    onError: (error) => applyFormError(form, error, FIELDS),
  });
  return (
    <Card title={t('feverClinic.register')} data-testid="fever-register">
      <Alert type="info" showIcon title={t('feverClinic.ordersHint')} style={{ marginBottom: 16, maxWidth: 640 }} />
      <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(values) => register.mutate(values)}>
        <Form.Item name="placeId" label={t('feverClinic.clinic')} rules={[{ required: true }]}>
          <Select
            data-testid="fever-clinic-select"
            loading={clinics.isFetching}
            options={(clinics.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.jurisdictionName}` }))}
          />
        </Form.Item>
        <Form.Item name="personId" label={t('feverClinic.person')} rules={[{ required: true }]}>
          <PersonPicker
            picked={picked}
            jurisdictionId={jurisdictionId}
            onPick={(person) => {
              setPicked(person);
              form.setFieldValue('personId', person?.id);
            }}
          />
        </Form.Item>
        <Form.Item name="temperatureCelsius" label={t('feverClinic.temperature')}>
          <InputNumber min={34} max={43} step={0.1} precision={1} data-testid="fever-temperature" />
        </Form.Item>
        <Form.Item label={t('feverClinic.naBarcode')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="barcode" noStyle rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="fever-barcode" maxLength={32} />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ barcode: newBarcode('FC') })}>{t('environment.newBarcode')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="labName" label={t('testing.labName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="fever-submit">
          {t('feverClinic.register')}
        </Button>
      </Form>
    </Card>
  );
}
