import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { caseLabel } from './case-labels.ts';

const CLASSIFICATIONS = ['suspected', 'confirmed', 'asymptomatic', 'excluded'] as const;
const CLINICAL_TYPES = ['mild', 'moderate', 'severe', 'critical'] as const;

interface ClassifyValues {
  classification: (typeof CLASSIFICATIONS)[number];
  clinicalType?: (typeof CLINICAL_TYPES)[number];
  reason: string;
}
interface ReportValues {
  reportingUnit: string;
  reportingDoctor: string;
}

/** Confirm a classification and record the network report (CASE-001, CASE-006). */
export function CaseActions({ caseId, reported }: { caseId: string; reported: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState<'classify' | 'report' | null>(null);
  const [classifyForm] = Form.useForm<ClassifyValues>();
  const [reportForm] = Form.useForm<ReportValues>();
  const done = async (message: string) => {
    showSuccess(message);
    setOpen(null);
    await client.invalidateQueries({ queryKey: ['cases'] });
  };
  const classify = useMutation({
    mutationFn: (body: ClassifyValues) => unwrap(api.POST('/api/cases/{id}/classify', { params: { path: { id: caseId } }, body })),
    onSuccess: () => done(t('case.classified')),
  });
  const report = useMutation({
    mutationFn: (body: ReportValues) => unwrap(api.POST('/api/cases/{id}/report', { params: { path: { id: caseId } }, body })),
    onSuccess: () => done(t('case.reported')),
  });
  return (
    <Space>
      <Button data-testid="case-classify" onClick={() => setOpen('classify')}>
        {t('case.classify')}
      </Button>
      {!reported && (
        <Button type="primary" data-testid="case-report" onClick={() => setOpen('report')}>
          {t('case.report')}
        </Button>
      )}
      <Modal
        open={open === 'classify'}
        title={t('case.classify')}
        onCancel={() => setOpen(null)}
        onOk={() => classifyForm.validateFields().then((v) => classify.mutate(v))}
        confirmLoading={classify.isPending}
        okButtonProps={{ 'data-testid': 'case-classify-ok' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={classifyForm} layout="vertical">
          <Form.Item name="classification" label={t('case.classification')} rules={[{ required: true }]}>
            <Select
              data-testid="case-classification"
              options={CLASSIFICATIONS.map((c) => ({ value: c, label: caseLabel(t, 'case.classification', c) }))}
            />
          </Form.Item>
          <Form.Item name="clinicalType" label={t('case.clinicalType')}>
            <Select
              data-testid="case-clinical-type"
              allowClear
              options={CLINICAL_TYPES.map((c) => ({ value: c, label: caseLabel(t, 'case.clinicalType', c) }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('case.reason')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="case-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'report'}
        title={t('case.report')}
        onCancel={() => setOpen(null)}
        onOk={() => reportForm.validateFields().then((v) => report.mutate(v))}
        confirmLoading={report.isPending}
        okButtonProps={{ 'data-testid': 'case-report-ok' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={reportForm} layout="vertical">
          <Form.Item name="reportingUnit" label={t('case.reportingUnit')} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="case-reporting-unit" />
          </Form.Item>
          <Form.Item name="reportingDoctor" label={t('case.reportingDoctor')} rules={[{ required: true }]}>
            <Input data-testid="case-reporting-doctor" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
