import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { categoryLabel } from '../key-persons/key-person-labels.ts';
import { reasonIn, tracingLabel } from './tracing-labels.ts';

const key = (caseId: string) => ['tracing', 'case', caseId];

function useCandidates(caseId: string) {
  return useQuery({
    queryKey: [...key(caseId), 'candidates'],
    queryFn: () => unwrap(api.GET('/api/tracing/cases/{caseId}/candidates', { params: { path: { caseId } } })),
  });
}

function useContacts(caseId: string) {
  return useQuery({
    queryKey: [...key(caseId), 'contacts'],
    queryFn: () => unwrap(api.GET('/api/tracing/cases/{caseId}/contacts', { params: { path: { caseId } } })),
  });
}

function RejectModal({ caseId, personId, onClose }: { caseId: string; personId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const reject = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/tracing/cases/{caseId}/rejections', { params: { path: { caseId } }, body: { personId: personId ?? '', note } }),
      ),
    onSuccess: async () => {
      showSuccess(t('contacts.rejectedOk'));
      setNote('');
      await client.invalidateQueries({ queryKey: key(caseId) });
      onClose();
    },
  });
  return (
    <Modal
      open={personId !== null}
      title={t('contacts.reject')}
      onCancel={onClose}
      onOk={() => reject.mutate()}
      okButtonProps={{ disabled: note.trim().length < 2 }}
      confirmLoading={reject.isPending}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Input.TextArea
        aria-label={t('contacts.rejectReason')}
        placeholder={t('contacts.rejectReason')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </Modal>
  );
}

function CandidatesTable({ caseId }: { caseId: string }) {
  const { t, language } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const candidates = useCandidates(caseId);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: (personId: string) =>
      unwrap(api.POST('/api/tracing/cases/{caseId}/contacts', { params: { path: { caseId } }, body: { personId } })),
    onSuccess: async (decision) => {
      showSuccess(t(decision.assistRequestId ? 'contacts.assistSent' : 'contacts.confirmedOk'));
      await client.invalidateQueries({ queryKey: key(caseId) });
    },
  });
  const window = candidates.data?.window;
  return (
    <>
      {window && (
        <Typography.Paragraph type="secondary">
          {t('contacts.window', { from: formatTime(window.from, 'MM-DD HH:mm'), to: formatTime(window.to, 'MM-DD HH:mm') })}
        </Typography.Paragraph>
      )}
      <Table
        data-testid="contact-candidates"
        rowKey="personId"
        size="small"
        loading={candidates.isPending}
        dataSource={candidates.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('contacts.none') }}
        columns={[
          { title: t('chains.name'), dataIndex: 'name' },
          { title: t('person.idNumber'), dataIndex: 'idMasked' },
          {
            title: t('contacts.reason'),
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                {c.reasons.map((r) => (
                  <span key={`${r.kind}-${r.zh}`}>
                    <Tag>{tracingLabel(t, 'contacts.kind', r.kind)}</Tag>
                    {reasonIn(language, r)}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('contacts.suggested'),
            render: (_, c) => (
              <Space>
                {categoryLabel(t, c.suggestedCategory)}
                {c.outsideJurisdiction && <Tag color="orange">{t('contacts.outside')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, c) =>
              can('keyPerson.write') && (
                <Space>
                  <Button
                    size="small"
                    type="primary"
                    loading={confirm.isPending && confirm.variables === c.personId}
                    onClick={() => confirm.mutate(c.personId)}
                  >
                    {t('contacts.confirm')}
                  </Button>
                  <Button size="small" onClick={() => setRejecting(c.personId)}>
                    {t('contacts.reject')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <RejectModal caseId={caseId} personId={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}

function DecidedTable({ caseId }: { caseId: string }) {
  const { t, language } = useI18n();
  const contacts = useContacts(caseId);
  return (
    <Table
      data-testid="contact-decided"
      rowKey="id"
      size="small"
      loading={contacts.isPending}
      dataSource={contacts.data ?? []}
      pagination={false}
      columns={[
        { title: t('chains.name'), dataIndex: 'name' },
        { title: t('contacts.reason'), render: (_, c) => reasonIn(language, c.reason) },
        { title: t('contacts.status'), render: (_, c) => tracingLabel(t, 'contacts.status', c.status) },
        { title: t('contacts.suggested'), render: (_, c) => (c.category ? categoryLabel(t, c.category) : '—') },
        {
          title: t('contacts.episode'),
          render: (_, c) =>
            c.assistRequestId
              ? t('contacts.episode.assist')
              : c.episodeStatus
                ? labelOf(t, 'keyPerson.status', c.episodeStatus)
                : (c.decisionNote ?? '—'),
        },
      ]}
    />
  );
}

/**
 * A case's contacts (REQUIREMENTS KP-D05, KP-D06): candidates with why, confirm (episode or 协查) or reject
 * with a reason, and the decided contacts with their episode status. Mounted by the case detail page.
 */
export function ContactsPanel({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const candidates = useCandidates(caseId);
  return (
    <Card title={t('contacts.title')} data-testid="contacts-panel">
      {candidates.isError && <Alert type="error" message={candidates.error.message} />}
      <Typography.Title level={5}>{t('contacts.candidates')}</Typography.Title>
      <CandidatesTable caseId={caseId} />
      <Typography.Title level={5}>{t('contacts.confirmed')}</Typography.Title>
      <DecidedTable caseId={caseId} />
    </Card>
  );
}
