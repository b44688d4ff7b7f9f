import { DownloadOutlined } from '@ant-design/icons';
import { INSTITUTION_KINDS } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Button, Drawer, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { ImportOutcome, useImportJob, XlsxDropzone, xlsxBody } from '../../components/xlsx-import.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import type { ScopedJurisdiction } from '../../jurisdictions/scope.tsx';
import { type InstitutionItem, useInvalidateInstitutions } from './institution-queries.ts';

const key = (k: string) => k as MessageKey;
type Kind = InstitutionItem['kind'];
type Profile = InstitutionItem['profile'];

/** The profile fields each kind is asked (SCH-010, ENT-003/004, MED-007, INST-001, PHAR-003, MKT-005). */
const COUNT_FIELDS: Partial<Record<Kind, (keyof Profile)[]>> = {
  school: ['students', 'classes', 'staff', 'healthWorkers'],
  kindergarten: ['students', 'classes', 'staff', 'healthWorkers'],
  enterprise: ['employees'],
  special_institution: ['residents', 'staff'],
};
const FLAG_FIELDS: Partial<Record<Kind, (keyof Profile)[]>> = {
  enterprise: ['resumptionPlan', 'isolationArea'],
  medical_institution: ['feverClinic', 'sentinel'],
  pharmacy: ['nearCommunity'],
  market: ['livePoultry', 'coldChain'],
};
/** ORG-070: every unit, whatever its kind, states its prevention teams and instructors. */
const PREVENTION_FIELDS: (keyof Profile)[] = ['preventionTeams', 'preventionInstructors'];
const SPECIAL_TYPES = ['elderly_home', 'welfare_home', 'mental_health', 'prison'];

interface Values {
  kind: Kind;
  name: string;
  code: string;
  responsibleName?: string;
  responsiblePhone?: string;
  profile: Profile;
}

/** 登记机构: kind, name, code and the kind's profile; the server checks it against the protocol and says why it refuses. */
export function RegisterInstitutionModal({
  open,
  onClose,
  jurisdiction,
}: {
  open: boolean;
  onClose: () => void;
  jurisdiction: ScopedJurisdiction;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'school';
  const invalidate = useInvalidateInstitutions();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(api.POST('/api/institutions', { body: { ...v, profile: v.profile ?? {}, jurisdictionId: jurisdiction.id } })),
    onSuccess: (row) => {
      showSuccess(row.findings.length > 0 ? t('inst.registeredWithFindings') : t('inst.registered'));
      form.resetFields();
      void invalidate();
      onClose();
    },
    onError: (e) => {
      // A profile refusal (`profile.classes`: more classes than students) lands on its own field.
      if (e instanceof ApiError && e.field?.startsWith('profile.')) {
        form.setFields([{ name: ['profile', e.field.slice('profile.'.length) as keyof Profile], errors: [e.message] }]);
        return;
      }
      applyFormError(form, e, ['kind', 'name', 'code', 'responsibleName', 'responsiblePhone']);
    },
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('inst.registerTitle', { name: jurisdiction.name })}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'register-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'school', profile: {} }}
        onFinish={(v) => save.mutate(v)}
        data-testid="register-form"
      >
        <Form.Item name="kind" label={t('inst.kind')} rules={[{ required: true }]}>
          <Select options={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(key(`inst.kind.${k}`)) }))} data-testid="register-kind" />
        </Form.Item>
        <Form.Item name="name" label={t('inst.name')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="register-name" />
        </Form.Item>
        <Form.Item name="code" label={t('inst.code')} rules={[{ required: true, whitespace: true }]}>
          <Input data-testid="register-code" />
        </Form.Item>
        <Space wrap>
          {[...(COUNT_FIELDS[kind] ?? []), ...PREVENTION_FIELDS].map((f) => (
            <Form.Item key={f} name={['profile', f]} label={t(key(`inst.profile.${f}`))}>
              <InputNumber min={0} data-testid={`register-${f}`} />
            </Form.Item>
          ))}
          {(FLAG_FIELDS[kind] ?? []).map((f) => (
            <Form.Item key={f} name={['profile', f]} label={t(key(`inst.profile.${f}`))} valuePropName="checked">
              <Switch data-testid={`register-${f}`} />
            </Form.Item>
          ))}
        </Space>
        {kind === 'special_institution' && (
          <Form.Item name={['profile', 'specialType']} label={t('inst.profile.specialType')} rules={[{ required: true }]}>
            <Select options={SPECIAL_TYPES.map((s) => ({ value: s, label: t(key(`inst.special.${s}`)) }))} />
          </Form.Item>
        )}
        <Space>
          <Form.Item name="responsibleName" label={t('inst.responsible')}>
            <Input />
          </Form.Item>
          <Form.Item name="responsiblePhone" label={t('inst.responsiblePhone')}>
            <Input />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

async function startImport(file: File, jurisdictionId: string) {
  return unwrap(
    api.POST('/api/institution-imports', {
      params: { query: { jurisdictionId, fileName: file.name, wait: false } },
      ...xlsxBody(await file.arrayBuffer()),
    }),
  );
}

const readJob = (id: string) => unwrap(api.GET('/api/institution-imports/{id}', { params: { path: { id } } }));

/** 导入机构名录: template, the file, then progress, counts and every row's problem. */
export function InstitutionImportDrawer({
  open,
  onClose,
  jurisdiction,
}: {
  open: boolean;
  onClose: () => void;
  jurisdiction: ScopedJurisdiction;
}) {
  const { t } = useI18n();
  const [jobId, setJobId] = useState<string | null>(null);
  const invalidate = useInvalidateInstitutions();
  const upload = useMutation({ mutationFn: (file: File) => startImport(file, jurisdiction.id), onSuccess: (job) => setJobId(job.id) });
  const job = useImportJob('institution-import', jobId, readJob, invalidate);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('inst.importTitle')}
      data-testid="institution-import"
      extra={
        <Button icon={<DownloadOutlined />} href="/api/institution-imports/template" data-testid="institution-import-template">
          {t('inst.template')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('inst.importIntro')}
        </Typography.Paragraph>
        <XlsxDropzone
          disabled={upload.isPending}
          hint={t('inst.importHint', { name: jurisdiction.name })}
          onFile={(file) => upload.mutate(file)}
          testId="institution-import-upload"
        />
        {job.data && <ImportOutcome job={job.data} createdLabel={t('inst.imported')} existingLabel={t('inst.alreadyHeld')} />}
      </Space>
    </Drawer>
  );
}
