import { ArrowLeftOutlined } from '@ant-design/icons';
import type { SubmittedTemplate } from '@fangkong/core';
import { Alert, Button, Card, Form, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showError, showSuccess } from '../../components/feedback.tsx';
import { Loading } from '../../components/loading.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { bodyOf, FigureInputs, initialValues, NotesInput, type ReportValues, RowsEditor, showProblems } from './report-form.tsx';
import { type SignatureValues, SignModal } from './report-modals.tsx';
import { definitionOf, type Prefill, type SubmissionView, useInvalidateReports, usePrefill } from './report-queries.ts';
import { TableUpload } from './report-upload.tsx';

interface Sending {
  zero: boolean;
}

/** What happened, in words: sent (late or on time), or waiting for the secretary's signature. */
function outcome(t: ReturnType<typeof useI18n>['t'], saved: SubmissionView): string {
  if (saved.status === 'draft') return t('report.draftSaved');
  return saved.late ? t('report.submittedLate') : t('report.submitted');
}

function Header({ prefill, template }: { prefill: Prefill; template: SubmittedTemplate }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text>
        {t('report.unit')}：{prefill.unit.name} · {t('report.date')}：{prefill.period} · {t('report.deadline')}：
        {formatTime(prefill.dueAt, 'HH:mm')}
      </Typography.Text>
      <Space wrap>
        {template.signature.required && <Tag color="purple">{t('report.signatureRequired')}</Tag>}
        {template.zeroReport.allowed && <Tag color="cyan">{t('report.zeroAllowed')}</Tag>}
        <Typography.Text type="secondary">
          {t('report.basis')}：{template.basis.source} {template.basis.clause}
        </Typography.Text>
      </Space>
      {prefill.current && (
        <Alert
          type="info"
          showIcon
          message={`${t('report.correct')}：${t('report.revision')} ${prefill.current.revision}`}
          data-testid="report-current"
        />
      )}
    </Space>
  );
}

/**
 * 填报 (issue 15 item 2): one unit's report of a day on a phone or a desk — figures pre-filled from the platform
 * where it holds them (and saying so), the table's rows, a zero report in one action, the responsible person's
 * e-signature where the table needs it, or a filled Excel table uploaded.
 */
export function ReportFillPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const templateId = params.get('templateId') ?? '';
  const unitId = params.get('unitId') ?? '';
  const period = params.get('period') ?? '';
  const prefill = usePrefill(templateId, unitId, period);
  const invalidate = useInvalidateReports();
  const [form] = Form.useForm<ReportValues>();
  const [signing, setSigning] = useState<Sending | null>(null);
  if (!prefill.data) return prefill.isPending ? <Loading /> : null;
  const p = prefill.data;
  const template = definitionOf(p.definition);
  const signs = template.signature.required && can('report.sign');

  const send = async (zero: boolean, signature?: SignatureValues) => {
    // A zero report sends nothing but itself: the server keeps the standing counts (platform, last report).
    const body = zero ? {} : bodyOf(template, form.getFieldsValue(true) as ReportValues);
    const saved = await unwrap(
      api.POST('/api/reports/submissions', { body: { templateId, unitId, period, zero, ...body, ...(signature ? { signature } : {}) } }),
    );
    showSuccess(outcome(t, saved));
    await invalidate();
    navigate('/reports');
  };
  const start = async (zero: boolean) => {
    if (!zero) await form.validateFields();
    if (signs) return setSigning({ zero });
    try {
      await send(zero);
    } catch (error) {
      if (!showProblems(form, error)) showError(error);
    }
  };
  const confirmZero = () =>
    Modal.confirm({
      title: t('report.zeroReport'),
      content: t('report.zeroConfirm', { date: period }),
      onOk: () => start(true),
      okButtonProps: { 'data-testid': 'zero-confirm' } as never,
    });
  const signAndSend = async (signature: SignatureValues) => {
    try {
      await send(signing?.zero ?? false, signature);
      setSigning(null);
    } catch (error) {
      if (showProblems(form, error)) return setSigning(null);
      throw error;
    }
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/reports')} />
          <span data-testid="report-fill-title">{template.name}</span>
        </Space>
      }
      styles={{ body: { maxWidth: 720 } }}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Header prefill={p} template={template} />
        <Form form={form} layout="vertical" initialValues={initialValues(p)} data-testid="report-form">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <FigureInputs template={template} prefill={p} />
            {template.columns.length > 0 && <RowsEditor template={template} prefilledRows={p.rows?.length ?? 0} />}
            <NotesInput correcting={p.current !== null} />
          </Space>
        </Form>
        {template.signature.required && !signs && <Alert type="warning" showIcon message={t('report.draftHint')} />}
        <Space wrap>
          <Button type="primary" onClick={() => start(false).catch(() => {})} data-testid="report-submit">
            {signs ? t('report.signAndSubmit') : template.signature.required ? t('report.saveDraft') : t('report.submit')}
          </Button>
          {template.zeroReport.allowed && (
            <Button onClick={confirmZero} data-testid="report-zero">
              {t('report.zeroReport')}
            </Button>
          )}
        </Space>
        {template.columns.length > 0 && (
          <TableUpload templateId={templateId} unitId={unitId} period={period} onDone={() => navigate('/reports')} />
        )}
      </Space>
      <SignModal open={signing !== null} seal={template.signature.seal} onClose={() => setSigning(null)} onSign={signAndSend} />
    </Card>
  );
}
