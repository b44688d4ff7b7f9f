import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { type SaleItem, useInvalidateInstitutions, useSales } from './institution-queries.ts';

const key = (k: string) => k as MessageKey;

/** SCH-004: a session's counts. */
export function HealthCheckForm({ id }: { id: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: (v: { session: 'morning' | 'noon' | 'evening'; present: number; absent: number; feverish: number }) =>
      unwrap(api.POST('/api/institutions/{id}/health-checks', { params: { path: { id } }, body: v })),
    onSuccess: () => {
      showSuccess(t('inst.recorded'));
      void invalidate();
    },
    onError: (e) => applyFormError(form, e, ['present', 'absent', 'feverish']),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ session: 'morning', feverish: 0 }}
      onFinish={(v) => save.mutate(v)}
      data-testid="check-form"
    >
      <Form.Item name="session" label={t('inst.session')}>
        <Select
          style={{ width: 100 }}
          options={['morning', 'noon', 'evening'].map((s) => ({ value: s, label: t(key(`inst.session.${s}`)) }))}
          data-testid="check-session"
        />
      </Form.Item>
      <Form.Item name="present" label={t('inst.present')} rules={[{ required: true }]}>
        <InputNumber min={0} data-testid="check-present" />
      </Form.Item>
      <Form.Item name="absent" label={t('inst.absent')} rules={[{ required: true }]}>
        <InputNumber min={0} data-testid="check-absent" />
      </Form.Item>
      <Form.Item name="feverish" label={t('inst.feverish')} rules={[{ required: true }]}>
        <InputNumber min={0} data-testid="check-feverish" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="check-submit">
        {t('inst.reportCheck')}
      </Button>
    </Form>
  );
}

/** SCH-005 / SC-51: an illness absence; with fever the server issues a fast-track NAT task. */
export function AbsenceForm({ id }: { id: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: (v: { name: string; className?: string; reason: 'fever' | 'respiratory' | 'other_illness'; temperature?: number }) =>
      unwrap(api.POST('/api/institutions/{id}/absences', { params: { path: { id } }, body: v })),
    onSuccess: (r) => {
      showSuccess(r.natTaskId ? t('inst.natIssued') : t('inst.recorded'));
      form.resetFields();
      void invalidate();
    },
    onError: (e) => applyFormError(form, e, ['name', 'className', 'reason', 'temperature']),
  });
  return (
    <Form form={form} layout="inline" initialValues={{ reason: 'fever' }} onFinish={(v) => save.mutate(v)} data-testid="absence-form">
      <Form.Item name="name" label={t('inst.pupil')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 100 }} data-testid="absence-name" />
      </Form.Item>
      <Form.Item name="className" label={t('inst.className')}>
        <Input style={{ width: 110 }} data-testid="absence-class" />
      </Form.Item>
      <Form.Item name="reason" label={t('inst.reason')}>
        <Select
          style={{ width: 120 }}
          options={['fever', 'respiratory', 'other_illness'].map((r) => ({ value: r, label: t(key(`inst.reason.${r}`)) }))}
        />
      </Form.Item>
      <Form.Item name="temperature" label={t('inst.temperature')}>
        <InputNumber min={34} max={43} step={0.1} data-testid="absence-temperature" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="absence-submit">
        {t('inst.addAbsence')}
      </Button>
    </Form>
  );
}

/** MED-007: a day's sentinel visits. */
export function VisitCountForm({ id }: { id: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: (v: { feverClinicVisits: number; primaryCareVisits: number }) =>
      unwrap(api.POST('/api/institutions/{id}/visit-counts', { params: { path: { id } }, body: v })),
    onSuccess: () => {
      showSuccess(t('inst.recorded'));
      void invalidate();
    },
    onError: (e) => applyFormError(form, e, ['feverClinicVisits', 'primaryCareVisits']),
  });
  return (
    <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
      <Form.Item name="feverClinicVisits" label={t('inst.feverClinicVisits')} rules={[{ required: true }]}>
        <InputNumber min={0} />
      </Form.Item>
      <Form.Item name="primaryCareVisits" label={t('inst.primaryCareVisits')} rules={[{ required: true }]}>
        <InputNumber min={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('inst.reportVisits')}
      </Button>
    </Form>
  );
}

const SALE_FIELDS = ['buyerName', 'buyerIdNumber', 'buyerPhone', 'drugName', 'drugClass', 'quantity'] as const;

/** PHAR-001 / SC-61: a real-name sale; the buyer goes to their community's work list. */
export function SaleForm({ id }: { id: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: (v: {
      buyerName: string;
      buyerIdNumber: string;
      buyerPhone: string;
      drugName: string;
      drugClass: 'fever' | 'cough' | 'antiviral' | 'antibiotic';
      quantity: number;
    }) => unwrap(api.POST('/api/institutions/{id}/pharmacy-sales', { params: { path: { id } }, body: v })),
    onSuccess: () => {
      showSuccess(t('inst.saleRecorded'));
      form.resetFields();
      void invalidate();
    },
    onError: (e) => applyFormError(form, e, SALE_FIELDS),
  });
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ drugClass: 'fever', quantity: 1 }}
      onFinish={(v) => save.mutate(v)}
      data-testid="sale-form"
    >
      <Form.Item name="buyerName" label={t('inst.buyerName')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 100 }} data-testid="sale-name" />
      </Form.Item>
      <Form.Item name="buyerIdNumber" label={t('inst.buyerIdNumber')} rules={[{ required: true }]}>
        <Input style={{ width: 190 }} data-testid="sale-id" />
      </Form.Item>
      <Form.Item name="buyerPhone" label={t('inst.buyerPhone')} rules={[{ required: true }]}>
        <Input style={{ width: 130 }} data-testid="sale-phone" />
      </Form.Item>
      <Form.Item name="drugName" label={t('inst.drugName')} rules={[{ required: true, whitespace: true }]}>
        <Input style={{ width: 140 }} data-testid="sale-drug" />
      </Form.Item>
      <Form.Item name="drugClass" label={t('inst.drugClass')}>
        <Select
          style={{ width: 100 }}
          options={['fever', 'cough', 'antiviral', 'antibiotic'].map((c) => ({ value: c, label: t(key(`inst.drugClass.${c}`)) }))}
        />
      </Form.Item>
      <Form.Item name="quantity" label={t('inst.quantity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="sale-submit">
        {t('inst.addSale')}
      </Button>
    </Form>
  );
}

/** The full buyer only for a stated purpose (audited). */
function RevealButton({ sale }: { sale: SaleItem }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [full, setFull] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => unwrap(api.POST('/api/pharmacy-sales/{id}/reveal', { params: { path: { id: sale.id } }, body: { purpose } })),
    onSuccess: (r) => {
      setFull(`${r.buyerName} ${r.buyerIdNumber} ${r.buyerPhone}`);
      setOpen(false);
    },
    onError: showError,
  });
  if (full) return <span data-testid="sale-full">{full}</span>;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('inst.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('inst.reveal')}
        onCancel={() => setOpen(false)}
        onOk={() => reveal.mutate()}
        okButtonProps={{ disabled: purpose.trim().length < 2 }}
      >
        <Input placeholder={t('inst.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} />
      </Modal>
    </>
  );
}

export function SalesTable({ institutionId }: { institutionId?: string }) {
  const { t } = useI18n();
  const sales = useSales(institutionId);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={sales.isPending}
      dataSource={sales.data?.items ?? []}
      pagination={{ pageSize: 10 }}
      locale={{ emptyText: t('inst.none') }}
      data-testid="sales-table"
      columns={[
        { title: t('inst.soldAt'), dataIndex: 'soldAt', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
        { title: t('inst.buyerName'), dataIndex: 'buyerName' },
        { title: t('inst.buyerIdNumber'), dataIndex: 'buyerIdNumber' },
        { title: t('inst.buyerPhone'), dataIndex: 'buyerPhone' },
        { title: t('inst.drugName'), dataIndex: 'drugName' },
        { title: t('inst.drugClass'), dataIndex: 'drugClass', render: (v: string) => t(key(`inst.drugClass.${v}`)) },
        { title: t('inst.followUpDue'), dataIndex: 'followUpDueAt', render: (v: string) => formatTime(v, 'MM-DD HH:mm') },
        { title: '', key: 'reveal', render: (_: unknown, row) => <Space>{<RevealButton sale={row} />}</Space> },
      ]}
    />
  );
}

/** CASE-013 / SC-66: a finding at the institution starts the protocol's steps as tasks. */
export function IncidentForm({ id }: { id: string }) {
  const { t } = useI18n();
  const [finding, setFinding] = useState<'confirmed_case' | 'suspected_case' | 'asymptomatic' | 'positive_sample'>('confirmed_case');
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: () => unwrap(api.POST('/api/institutions/{id}/incidents', { params: { path: { id } }, body: { finding } })),
    onSuccess: () => {
      showSuccess(t('inst.recorded'));
      void invalidate();
    },
    onError: showError,
  });
  return (
    <Space>
      <Select
        style={{ width: 160 }}
        value={finding}
        onChange={setFinding}
        options={['confirmed_case', 'suspected_case', 'asymptomatic', 'positive_sample'].map((f) => ({
          value: f,
          label: t(key(`inst.finding.${f}`)),
        }))}
      />
      <Button danger loading={save.isPending} onClick={() => save.mutate()} data-testid="incident-submit">
        {t('inst.addIncident')}
      </Button>
    </Space>
  );
}
