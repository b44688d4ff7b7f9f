import { ENVIRONMENT_SPECIMEN_KINDS, ENVIRONMENT_SPECIMENS, type EnvironmentSpecimenKind } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { specimenLabel, usePlaceOptions } from './environment-queries.ts';
import { newBarcode, useInvalidateTesting } from './testing-queries.ts';

interface Values {
  placeId: string;
  barcode: string;
  specimenKind: EnvironmentSpecimenKind;
  goodsDescription?: string;
  coldChain?: boolean;
  imported?: boolean;
  originCountry?: string;
  batchNumber?: string;
  sampledAt?: Dayjs;
  labName?: string;
  note?: string;
}

const FIELDS = [
  'placeId',
  'barcode',
  'specimenKind',
  'goodsDescription',
  'originCountry',
  'batchNumber',
  'sampledAt',
  'coldChain',
  'imported',
];

const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export interface PickedPlace {
  id: string;
  name: string;
}

/** 登记样本: a place (picked, or chosen from the due list), the specimen, the goods and their origin, the tube. */
export function EnvironmentRegisterCard({ picked }: { picked: PickedPlace | null }) {
  const { t, language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const places = usePlaceOptions(q);
  const invalidate = useInvalidateTesting();
  const specimenKind = Form.useWatch('specimenKind', form);
  const imported = Form.useWatch('imported', form);
  const goods = specimenKind ? ENVIRONMENT_SPECIMENS[specimenKind].goods : false;
  useEffect(() => {
    if (picked) form.setFieldsValue({ placeId: picked.id });
  }, [picked, form]);
  const register = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/testing/environment/samples', {
          body: {
            placeId: values.placeId,
            barcode: values.barcode.trim(),
            specimenKind: values.specimenKind,
            goodsDescription: blankToUndefined(values.goodsDescription),
            coldChain: goods ? Boolean(values.coldChain) : undefined,
            imported: goods ? Boolean(values.imported) : undefined,
            originCountry: blankToUndefined(values.originCountry),
            batchNumber: blankToUndefined(values.batchNumber),
            sampledAt: values.sampledAt?.toISOString(),
            labName: blankToUndefined(values.labName),
            note: blankToUndefined(values.note),
          },
        }),
      ),
    onSuccess: (reply) => {
      showSuccess(t('environment.registered', { barcode: reply.barcode }));
      form.resetFields(['barcode', 'goodsDescription', 'originCountry', 'batchNumber', 'sampledAt', 'note']);
      void invalidate();
    },
    onError: (error) => applyFormError(form, error, FIELDS),
  });
  const options = (places.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} · ${labelOf(t, 'place.kind', p.kind)} · ${p.jurisdictionName}`,
  }));
  if (picked && !options.some((o) => o.value === picked.id)) options.unshift({ value: picked.id, label: picked.name });
  return (
    <Card title={t('environment.register')} data-testid="environment-register">
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        onFinish={(values) => register.mutate(values)}
        initialValues={{ specimenKind: 'environment_surface' }}
      >
        <Form.Item name="placeId" label={t('environment.place')} rules={[{ required: true, message: t('environment.noPlace') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: (value) => setQ(value.trim()) }}
            placeholder={t('environment.placeSearch')}
            options={options}
            loading={places.isFetching}
            data-testid="environment-place"
          />
        </Form.Item>
        <Form.Item name="specimenKind" label={t('environment.specimenKind')} rules={[{ required: true }]}>
          <Select
            data-testid="environment-specimen"
            options={ENVIRONMENT_SPECIMEN_KINDS.map((kind) => ({ value: kind, label: specimenLabel(language, kind) }))}
          />
        </Form.Item>
        {goods && (
          <>
            <Form.Item name="goodsDescription" label={t('environment.goodsDescription')} rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="environment-goods" maxLength={200} />
            </Form.Item>
            <Space size={24}>
              <Form.Item name="coldChain" valuePropName="checked">
                <Checkbox data-testid="environment-cold-chain">{t('environment.coldChain')}</Checkbox>
              </Form.Item>
              <Form.Item name="imported" valuePropName="checked">
                <Checkbox data-testid="environment-imported">{t('environment.imported')}</Checkbox>
              </Form.Item>
            </Space>
            {imported && (
              <Form.Item name="originCountry" label={t('environment.originCountry')} rules={[{ required: true, whitespace: true }]}>
                <Input data-testid="environment-origin" maxLength={60} />
              </Form.Item>
            )}
            <Form.Item name="batchNumber" label={t('environment.batchNumber')}>
              <Input data-testid="environment-batch" maxLength={64} />
            </Form.Item>
          </>
        )}
        <Form.Item label={t('testing.tubeBarcode')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="barcode" noStyle rules={[{ required: true, whitespace: true }]}>
              <Input data-testid="environment-barcode" maxLength={32} />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ barcode: newBarcode('ENV') })}>{t('environment.newBarcode')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="sampledAt" label={t('environment.sampledAt')}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="labName" label={t('testing.labName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('environment.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="environment-submit">
          {t('environment.register')}
        </Button>
      </Form>
    </Card>
  );
}
