import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useScope } from '../../jurisdictions/scope.tsx';
import { commandLabel, type Finding, useHeadquarters, useHeadquartersList, useInvalidateCommand, useOrgUnits } from './command-queries.ts';

const METHODS = ['routine', 'double_random', 'unannounced', 'joint', 'internet_plus_lead'] as const;

interface InspectionValues {
  headquartersId: string;
  workingGroupId?: string;
  method: (typeof METHODS)[number];
  subject: string;
  inspectedAt: Dayjs;
  inspectors?: string;
  summary?: string;
  findings?: { description: string; responsibleUnitId: string; rectificationDueAt: Dayjs }[];
}

/** Records an inspection (SUP-001, SUP-004…009) with its findings; each finding's rectification becomes a task. */
export function CreateInspectionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [form] = Form.useForm<InspectionValues>();
  const invalidate = useInvalidateCommand();
  const list = useHeadquartersList();
  const hqId = Form.useWatch('headquartersId', form);
  const summary = list.data?.items.find((h) => h.id === hqId);
  const hq = useHeadquarters(hqId);
  const units = useOrgUnits();
  const area =
    summary && jurisdiction?.code.startsWith(summary.jurisdictionCode)
      ? { id: jurisdiction.id, name: jurisdiction.name }
      : summary && { id: summary.jurisdictionId, name: summary.jurisdictionName };
  const create = useMutation({
    mutationFn: (v: InspectionValues) =>
      unwrap(
        api.POST('/api/supervisions', {
          body: {
            headquartersId: v.headquartersId,
            jurisdictionId: area?.id ?? '',
            method: v.method,
            subject: v.subject.trim(),
            inspectedAt: v.inspectedAt.toISOString(),
            ...(v.workingGroupId ? { workingGroupId: v.workingGroupId } : {}),
            ...(v.inspectors?.trim() ? { inspectors: v.inspectors.trim() } : {}),
            ...(v.summary?.trim() ? { summary: v.summary.trim() } : {}),
            findings: (v.findings ?? []).map((f) => ({
              description: f.description.trim(),
              responsibleUnitId: f.responsibleUnitId,
              rectificationDueAt: f.rectificationDueAt.toISOString(),
            })),
          },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('supervision.created'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['subject', 'inspectedAt', 'method']),
  });
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.jurisdictionName}）` }));
  return (
    <Modal
      open={open}
      width={760}
      title={t('supervision.new')}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => create.mutate(v))}
      confirmLoading={create.isPending}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ headquartersId: list.data?.items[0]?.id, method: 'routine', inspectedAt: dayjs(), findings: [] }}
      >
        <Form.Item name="headquartersId" label={t('command.headquarters')} rules={[{ required: true }]}>
          <Select options={(list.data?.items ?? []).map((h) => ({ value: h.id, label: h.name }))} />
        </Form.Item>
        <Form.Item label={t('supervision.area')}>
          <Input value={area?.name ?? ''} disabled />
        </Form.Item>
        <Space style={{ width: '100%' }} align="start">
          <Form.Item name="workingGroupId" label={t('supervision.group')}>
            <Select allowClear style={{ width: 220 }} options={(hq.data?.groups ?? []).map((g) => ({ value: g.id, label: g.nameZh }))} />
          </Form.Item>
          <Form.Item name="method" label={t('supervision.method')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={METHODS.map((m) => ({ value: m, label: commandLabel(t, 'supervision.method', m) }))} />
          </Form.Item>
          <Form.Item name="inspectedAt" label={t('supervision.inspectedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </Space>
        <Form.Item name="subject" label={t('supervision.subject')} rules={[{ required: true, max: 200, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="inspectors" label={t('supervision.inspectors')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('supervision.summary')} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'description']} rules={[{ required: true, max: 1000 }]}>
                    <Input placeholder={t('supervision.finding')} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'responsibleUnitId']} rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('supervision.responsibleUnit')}
                      style={{ width: 220 }}
                      options={unitOptions}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'rectificationDueAt']} rules={[{ required: true }]}>
                    <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('supervision.dueAt')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('supervision.addFinding')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface RecheckValues {
  passed: boolean;
  note: string;
  newDueAt?: Dayjs;
}

/** 复查 (SUP-008, SUP-009): passed closes the finding; not passed sets a new deadline and a new rectification task. */
export function RecheckModal({ finding, onClose }: { finding: Finding | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecheckValues>();
  const passed = Form.useWatch('passed', form);
  const invalidate = useInvalidateCommand();
  const recheck = useMutation({
    mutationFn: (v: RecheckValues) =>
      unwrap(
        api.POST('/api/supervision-findings/{id}/rechecks', {
          params: { path: { id: finding?.id ?? '' } },
          body: { passed: v.passed, note: v.note.trim(), ...(v.newDueAt && !v.passed ? { newDueAt: v.newDueAt.toISOString() } : {}) },
        }),
      ),
    onSuccess: async () => {
      showSuccess(t('supervision.rechecked'));
      onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, ['note', 'newDueAt']),
  });
  return (
    <Modal
      open={finding !== null}
      title={t('supervision.recheckTitle', { finding: finding?.description ?? '' })}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => recheck.mutate(v))}
      confirmLoading={recheck.isPending}
      okButtonProps={{ 'data-testid': 'recheck-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={{ passed: true }}>
        <Form.Item name="passed" label={t('supervision.passed')}>
          <Radio.Group data-testid="recheck-passed">
            <Radio value={true}>{t('supervision.pass')}</Radio>
            <Radio value={false}>{t('supervision.fail')}</Radio>
          </Radio.Group>
        </Form.Item>
        {passed === false && (
          <Form.Item name="newDueAt" label={t('supervision.newDueAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('supervision.note')} rules={[{ required: true, max: 1000, whitespace: true }]}>
          <Input.TextArea rows={3} data-testid="recheck-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
