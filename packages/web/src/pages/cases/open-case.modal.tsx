import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import type { PersonListItem } from '../../api/types.ts';
import { showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shanghaiToday } from '../key-persons/key-person-labels.ts';
import { PersonPicker } from '../key-persons/person-picker.tsx';
import { caseLabel } from './case-labels.ts';

const CLASSIFICATIONS = ['suspected', 'confirmed', 'asymptomatic'] as const;
const CLINICAL_TYPES = ['mild', 'moderate', 'severe', 'critical'] as const;
const SOURCES = ['manual', 'asymptomatic_finding'] as const;

interface Values {
  personId: string;
  classification: (typeof CLASSIFICATIONS)[number];
  clinicalType?: (typeof CLINICAL_TYPES)[number];
  source: (typeof SOURCES)[number];
  onsetDate?: Dayjs;
  remarks?: string;
}

/**
 * Manual entry of a case by the CDC (CASE-001): a registered person, the classification and where it came from;
 * the 2-hour report clock starts now. A positive single tube or a fever-clinic outcome opens its case by itself.
 */
export function OpenCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<PersonListItem>();
  const classification = Form.useWatch('classification', form);
  const today = shanghaiToday();
  const create = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/cases', {
          body: {
            personId: v.personId,
            classification: v.classification,
            source: v.source,
            ...(v.clinicalType && v.classification === 'confirmed' ? { clinicalType: v.clinicalType } : {}),
            ...(v.onsetDate ? { onsetDate: v.onsetDate.format('YYYY-MM-DD') } : {}),
            ...(v.remarks?.trim() ? { remarks: v.remarks.trim() } : {}),
          },
        }),
      ),
    onSuccess: async (created) => {
      showSuccess(`${t('case.opened')} ${created.caseNumber}`);
      onClose();
      await client.invalidateQueries({ queryKey: ['cases'] });
      navigate(`/cases/${created.id}`);
    },
  });
  return (
    <Modal
      open={open}
      title={t('case.open')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => create.mutate(v))}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'case-open-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ classification: 'suspected', source: 'manual' }}>
        <Form.Item name="personId" label={t('case.person')} rules={[{ required: true }]}>
          <PersonPicker
            jurisdictionId={undefined}
            picked={picked}
            onPick={(person) => {
              setPicked(person);
              form.setFieldsValue({ personId: person?.id });
            }}
          />
        </Form.Item>
        <Form.Item name="classification" label={t('case.classification')} rules={[{ required: true }]}>
          <Select
            data-testid="case-open-classification"
            options={CLASSIFICATIONS.map((c) => ({ value: c, label: caseLabel(t, 'case.classification', c) }))}
          />
        </Form.Item>
        {classification === 'confirmed' && (
          <Form.Item name="clinicalType" label={t('case.clinicalType')}>
            <Select allowClear options={CLINICAL_TYPES.map((c) => ({ value: c, label: caseLabel(t, 'case.clinicalType', c) }))} />
          </Form.Item>
        )}
        <Form.Item name="source" label={t('case.source')} rules={[{ required: true }]}>
          <Select options={SOURCES.map((s) => ({ value: s, label: caseLabel(t, 'case.source', s) }))} />
        </Form.Item>
        <Form.Item name="onsetDate" label={t('case.onsetDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
        <Form.Item name="remarks" label={t('case.remarks')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
