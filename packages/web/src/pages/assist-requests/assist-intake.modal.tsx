import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { AssistRouting } from '../../api/key-person-types.ts';
import { applyFormError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf, messageIdsUnder, snakeId } from '../../i18n/labels.ts';
import { CATEGORIES, categoryLabel, shanghaiToday } from '../key-persons/key-person-labels.ts';
import { useInvalidateKeyPersons } from '../key-persons/key-person-queries.ts';

interface Values {
  sourceOrg: string;
  documentNumber?: string;
  category: string;
  startDate: Dayjs;
  name: string;
  idType: 'resident_id' | 'passport' | 'other';
  idNumber: string;
  phone?: string;
  address: string;
}

const ID_TYPES = messageIdsUnder('person.idType').map(snakeId);
const FIELDS = ['sourceOrg', 'documentNumber', 'category', 'startDate', 'name', 'idType', 'idNumber', 'phone', 'address'];

/** Where the request went and on which words of the address; with no match it went to the top of my scope. */
function Routed({ routing }: { routing: AssistRouting }) {
  const { t } = useI18n();
  return routing.routedBy ? (
    <Alert
      type="success"
      showIcon
      data-testid="assist-routed"
      title={t('assist.routedResult', { matched: routing.routedBy, name: routing.jurisdictionName })}
    />
  ) : (
    <Alert type="warning" showIcon data-testid="assist-routed" title={t('assist.routedFallback', { name: routing.jurisdictionName })} />
  );
}

/** Intake of an assist request (协查) from another region; the server routes it to the community of the address. */
export function AssistIntakeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [routing, setRouting] = useState<AssistRouting | null>(null);
  const invalidate = useInvalidateKeyPersons();
  const today = shanghaiToday();
  const close = () => {
    setRouting(null);
    onClose();
  };
  const intake = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/assist-requests', {
          body: {
            sourceOrg: v.sourceOrg.trim(),
            ...(v.documentNumber?.trim() ? { documentNumber: v.documentNumber.trim() } : {}),
            category: v.category as 'close_contact',
            startDate: v.startDate.format('YYYY-MM-DD'),
            name: v.name.trim(),
            idType: v.idType,
            idNumber: v.idNumber.trim(),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            address: v.address.trim(),
          },
        }),
      ),
    meta: { ownErrors: true },
    onSuccess: async (reply) => {
      setRouting(reply);
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, FIELDS),
  });
  return (
    <Modal
      open={open}
      title={t('assist.intake')}
      width={720}
      onCancel={close}
      destroyOnHidden
      footer={
        routing ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={intake.isPending} onClick={() => form.submit()} data-testid="assist-submit">
              {t('common.submit')}
            </Button>
          </>
        )
      }
    >
      {routing ? (
        <Routed routing={routing} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ idType: 'resident_id', startDate: undefined }}
          onFinish={(v) => intake.mutate(v)}
        >
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item name="sourceOrg" label={t('assist.sourceOrg')} rules={[{ required: true, min: 2, max: 100, whitespace: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="documentNumber" label={t('assist.documentNumber')} rules={[{ max: 60 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="category" label={t('keyPerson.category')} rules={[{ required: true }]}>
                <Select options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="startDate" label={t('keyPerson.startDate')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="name" label={t('assist.name')} rules={[{ required: true, max: 60, whitespace: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="idType" label={t('person.idType')} rules={[{ required: true }]}>
                <Select options={ID_TYPES.map((id) => ({ value: id, label: labelOf(t, 'person.idType', id) }))} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="idNumber" label={t('person.idNumber')} rules={[{ required: true, max: 40, whitespace: true }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="phone" label={t('person.phone')} rules={[{ max: 20 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="address" label={t('assist.address')} rules={[{ required: true, min: 4, max: 200, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
