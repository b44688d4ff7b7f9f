import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showError, showSuccess } from '../../components/feedback.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { type Assessment, type AssessmentItem, RISK_TAG, type RiskArea } from './zone-api-types.ts';
import { ZoneReasons } from './zone-reasons.tsx';

const EDITIONS = ['seed-2020', 'cn-2022-9th'];
const LEVELS = ['low', 'medium', 'high'] as const;

function LevelTag({ level }: { level: string }) {
  const { t } = useI18n();
  return (
    <Tag color={RISK_TAG[level]} data-testid="risk-level" data-level={level}>
      {t(`zone.risk.${level}` as MessageKey)}
    </Tag>
  );
}

function ConfirmModal({ area, onClose }: { area: RiskArea | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ level: string; note?: string }>();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: (body: { level: (typeof LEVELS)[number]; note?: string }) =>
      unwrap(api.POST('/api/risk-areas/{id}/confirm', { params: { path: { id: area?.id ?? '' } }, body })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['risk-assessment'] });
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['level', 'note']),
  });
  return (
    <Modal
      open={area !== null}
      title={t('zone.confirm')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'risk-confirm-ok' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: area?.level }}
        onFinish={(v) => confirm.mutate(v as { level: (typeof LEVELS)[number]; note?: string })}
      >
        <Form.Item name="level" label={t('zone.level')}>
          <Select options={LEVELS.map((l) => ({ value: l, label: t(`zone.risk.${l}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('zone.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PublishModal({ area, publisher, onClose }: { area: RiskArea | null; publisher: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ issuingAuthority: string; publicationRef: string }>();
  const client = useQueryClient();
  const publish = useMutation({
    mutationFn: (body: { issuingAuthority: string; publicationRef: string }) =>
      unwrap(api.POST('/api/risk-areas/{id}/publish', { params: { path: { id: area?.id ?? '' } }, body })),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['risk-assessment'] });
      client.invalidateQueries({ queryKey: ['zone-map'] });
      showSuccess(t('zone.published.ok'));
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['issuingAuthority', 'publicationRef']),
  });
  return (
    <Modal
      open={area !== null}
      title={t('zone.publish')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'risk-publish-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ issuingAuthority: publisher }} onFinish={(v) => publish.mutate(v)}>
        <Form.Item name="issuingAuthority" label={t('zone.issuingAuthority')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="risk-authority" />
        </Form.Item>
        <Form.Item name="publicationRef" label={t('zone.publicationRef')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="risk-publication" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Actions({
  item,
  editionId,
  onConfirm,
  onPublish,
}: {
  item: AssessmentItem;
  editionId: string;
  onConfirm: (a: RiskArea) => void;
  onPublish: (a: RiskArea) => void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const propose = useMutation({
    mutationFn: () => unwrap(api.POST('/api/risk-areas', { body: { jurisdictionId: item.jurisdictionId, editionId } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['risk-assessment'] }),
    onError: showError,
  });
  const pending = item.pending;
  if (!pending)
    return can('risk.propose') ? (
      <Button size="small" onClick={() => propose.mutate()} loading={propose.isPending} data-testid="risk-propose">
        {t('zone.propose')}
      </Button>
    ) : null;
  return (
    <Space>
      <Tag data-testid="risk-pending" data-status={pending.status}>
        {t(`zone.status.${pending.status}` as MessageKey)} · {t(`zone.risk.${pending.level}` as MessageKey)}
      </Tag>
      {can('risk.publish') && pending.status === 'proposed' && (
        <Button size="small" type="primary" onClick={() => onConfirm(pending)} data-testid="risk-confirm">
          {t('zone.confirm')}
        </Button>
      )}
      {can('risk.publish') && pending.status === 'confirmed' && (
        <Button size="small" type="primary" onClick={() => onPublish(pending)} data-testid="risk-publish">
          {t('zone.publish')}
        </Button>
      )}
    </Space>
  );
}

/** 风险等级: what the edition's rule gives each unit today with its reasons, the published grade, and the proposal to confirm and publish. */
export function RiskAreasTab() {
  const { t } = useI18n();
  const [editionId, setEditionId] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<RiskArea | null>(null);
  const [publishing, setPublishing] = useState<RiskArea | null>(null);
  const assessment = useQuery({
    queryKey: ['risk-assessment', editionId],
    queryFn: () => unwrap(api.GET('/api/risk-areas/assessment', { params: { query: { editionId } } })),
  });
  const data: Assessment | undefined = assessment.data;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('zone.edition')}</span>
        <Select
          style={{ width: 160 }}
          value={editionId ?? data?.editionId}
          onChange={setEditionId}
          options={EDITIONS.map((e) => ({ value: e, label: e }))}
          data-testid="risk-edition"
        />
        {data && (
          <Typography.Text type="secondary">
            {t('zone.asOf')} {data.asOf} · {t('zone.unit')} {t(`zone.unit.${data.unit.level}` as MessageKey)}
          </Typography.Text>
        )}
      </Space>
      <Table
        rowKey="jurisdictionId"
        size="small"
        loading={assessment.isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 30 }}
        onRow={(item) => ({ 'data-testid': 'risk-row', 'data-name': item.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('zone.jurisdiction'), dataIndex: 'name' },
          { title: t('zone.computed'), render: (_, item) => <LevelTag level={item.computed.level} /> },
          { title: t('zone.because'), render: (_, item) => <ZoneReasons reasons={item.computed.because} /> },
          {
            title: t('zone.published'),
            render: (_, item) => (item.published ? <LevelTag level={item.published.level} /> : '—'),
          },
          {
            title: t('zone.pending'),
            render: (_, item) => (
              <Actions item={item} editionId={data?.editionId ?? ''} onConfirm={setConfirming} onPublish={setPublishing} />
            ),
          },
        ]}
      />
      <ConfirmModal area={confirming} onClose={() => setConfirming(null)} />
      <PublishModal area={publishing} publisher={data?.authority.publisher ?? ''} onClose={() => setPublishing(null)} />
    </>
  );
}
