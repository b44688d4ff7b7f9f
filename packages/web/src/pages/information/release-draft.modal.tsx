import { RELEASE_AUDIENCES, RELEASE_CHANNELS, RELEASE_KINDS, type ReleaseKind } from '@fangkong/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { applyFormError } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import type { ScopedJurisdiction } from '../../jurisdictions/scope.tsx';
import { useInformationAction } from './information-api.ts';

const KINDS = RELEASE_KINDS;
const AUDIENCES = RELEASE_AUDIENCES;
const CHANNELS = RELEASE_CHANNELS;
type Kind = ReleaseKind;

interface DraftValues {
  kind: Kind;
  title: string;
  body: string;
  interpretation?: string;
  audience: (typeof AUDIENCES)[number];
  channels: (typeof CHANNELS)[number][];
  forDate?: Dayjs;
}

/** The warning tip pre-filled from an early-warning signal (INFO-007), put into the form once it arrives. */
function useSignalPrefill(signalId: string | undefined, open: boolean, form: ReturnType<typeof Form.useForm<DraftValues>>[0]) {
  const { t } = useI18n();
  const draft = useQuery({
    queryKey: ['information', 'warning-draft', signalId],
    queryFn: () => unwrap(api.GET('/api/information/warning-draft', { params: { query: { signalId: signalId ?? '' } } })),
    enabled: open && signalId !== undefined,
  });
  useEffect(() => {
    if (open && draft.data) form.setFieldsValue({ kind: 'warning', title: draft.data.title, body: draft.data.body });
  }, [open, draft.data, form]);
  if (!signalId || !draft.data) return null;
  const d = draft.data;
  return t('information.fromSignal', {
    place: d.jurisdictionName,
    series: t(`sentinel.${d.series}` as MessageKey),
    day: d.day,
    count: d.count,
  });
}

/**
 * A new notice, daily outbreak information (pre-filled from the platform, DAILY-007), warning or work bulletin
 * (工作动态, DAILY-008), for the chosen jurisdiction; a warning may be drafted from an early-warning signal (INFO-007),
 * which it keeps.
 */
export function ReleaseDraftModal({
  jurisdiction,
  open,
  onClose,
  signalId,
}: {
  jurisdiction: ScopedJurisdiction;
  open: boolean;
  onClose: () => void;
  signalId?: string;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<DraftValues>();
  const fromSignal = useSignalPrefill(signalId, open, form);
  const kind = Form.useWatch('kind', form);
  const [figures, setFigures] = useState<Record<string, number> | undefined>();
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const draft = useInformationAction((values: DraftValues) =>
    unwrap(
      api.POST('/api/information/releases', {
        body: {
          jurisdictionId: jurisdiction.id,
          kind: values.kind,
          title: values.title,
          body: values.body,
          interpretation: values.interpretation ?? '',
          audience: values.audience,
          channels: values.channels,
          forDate: values.forDate ? values.forDate.format('YYYY-MM-DD') : null,
          ...(figures ? { figures } : {}),
          ...(signalId && values.kind === 'warning' ? { signalId } : {}),
        },
      }),
    ),
  );
  async function prefill() {
    const day = form.getFieldValue('forDate') as Dayjs | undefined;
    const reply = await unwrap(
      api.GET('/api/information/daily-outbreak', {
        params: { query: { jurisdictionId: jurisdiction.id, ...(day ? { date: day.format('YYYY-MM-DD') } : {}) } },
      }),
    );
    form.setFieldsValue({ title: reply.title, body: reply.body });
    setFigures(reply.figures);
    setPrefilled(t('information.prefilled', { date: reply.date, due: formatTime(reply.dueAt, 'MM-DD HH:mm') }));
  }
  const close = () => {
    form.resetFields();
    setFigures(undefined);
    setPrefilled(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={`${t('information.new')} · ${jurisdiction.name}`}
      width={760}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'information-draft-save', loading: draft.isPending }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'notice', audience: 'public', channels: ['platform'] }}
        onFinish={(values) =>
          draft.mutate(values, {
            onSuccess: close,
            onError: (error) => applyFormError(form, error, ['kind', 'title', 'body', 'interpretation', 'channels', 'forDate']),
          })
        }
      >
        <Form.Item name="kind" label={t('information.kind')}>
          <Select
            data-testid="information-kind"
            // The leading group's work bulletin (DAILY-008) is for staff unless the drafter chooses otherwise.
            onChange={(next: Kind) => next === 'work_bulletin' && form.setFieldsValue({ audience: 'internal' })}
            options={KINDS.map((k) => ({ value: k, label: t(`information.kind.${k}` as MessageKey) }))}
          />
        </Form.Item>
        {kind === 'daily_outbreak' && (
          <Form.Item label={t('information.forDate')} required>
            <Form.Item name="forDate" noStyle rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>{' '}
            <Button onClick={prefill} data-testid="information-prefill">
              {t('information.prefill')}
            </Button>
          </Form.Item>
        )}
        {prefilled && <Alert type="info" showIcon message={prefilled} style={{ marginBottom: 12 }} />}
        {fromSignal && (
          <Alert type="warning" showIcon message={fromSignal} style={{ marginBottom: 12 }} data-testid="information-from-signal" />
        )}
        <Form.Item name="title" label={t('information.title')} rules={[{ required: true }]}>
          <Input data-testid="information-title" />
        </Form.Item>
        <Form.Item name="body" label={t('information.body')} rules={[{ required: true }]}>
          <Input.TextArea rows={5} data-testid="information-body" />
        </Form.Item>
        {kind === 'daily_outbreak' && (
          <Form.Item name="interpretation" label={t('information.interpretation')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        <Form.Item name="audience" label={t('information.audience')}>
          <Select options={AUDIENCES.map((a) => ({ value: a, label: t(`information.audience.${a}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('information.channels')} rules={[{ required: true }]}>
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`information.channel.${c}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
