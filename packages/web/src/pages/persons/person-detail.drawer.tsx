import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Descriptions, Drawer, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PersonDetail, PersonListItem } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { CodePanel } from '../codes/code-panel.tsx';
import { PersonTimeline } from '../key-persons/person-timeline.tsx';
import { PersonResultsPanel } from '../testing/person-results.panel.tsx';

const PURPOSES: MessageKey[] = [
  'person.purpose.routineCheck',
  'person.purpose.investigation',
  'person.purpose.healthMonitoring',
  'person.purpose.correction',
];

interface Props {
  personId: string | null;
  /** The masked list row, shown until the full view is asked for. */
  summary: PersonListItem | undefined;
  onOpen: (id: string) => void;
  onClose: () => void;
}

function FullDetail({ person, onOpen }: { person: PersonDetail; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="person-detail"
        items={[
          {
            key: 'name',
            label: t('person.name'),
            children: (
              <>
                <span data-testid="person-detail-name">{person.name}</span>{' '}
                {person.fullValues ? <Tag color="blue">{t('person.fullValues')}</Tag> : <Tag>{t('person.masked')}</Tag>}
              </>
            ),
          },
          { key: 'gender', label: t('person.gender'), children: labelOf(t, 'person.gender', person.gender) },
          { key: 'birthDate', label: t('person.birthDate'), children: person.birthDate },
          { key: 'idType', label: t('person.idType'), children: labelOf(t, 'person.idType', person.idType) },
          {
            key: 'idNumber',
            label: t('person.idNumber'),
            children: (
              <Typography.Text copyable={person.fullValues} data-testid="person-detail-id">
                {person.idNumber}
              </Typography.Text>
            ),
          },
          { key: 'phone', label: t('person.phone'), children: <span data-testid="person-detail-phone">{person.phone}</span> },
          { key: 'address', label: t('person.address'), children: person.address },
          { key: 'jurisdiction', label: t('jurisdiction.jurisdiction'), children: person.jurisdictionName },
          { key: 'household', label: t('person.household'), children: person.householdName },
          { key: 'householdRole', label: t('person.householdRole'), children: labelOf(t, 'person.householdRole', person.householdRole) },
        ]}
      />
      <Typography.Title level={5}>{t('person.householdMembers')}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        data-testid="household-members"
        dataSource={person.householdMembers}
        pagination={false}
        locale={{ emptyText: t('common.none') }}
        columns={[
          {
            title: t('person.name'),
            dataIndex: 'name',
            render: (name: string, member) =>
              member.id === person.id ? <b>{name}</b> : <Typography.Link onClick={() => onOpen(member.id)}>{name}</Typography.Link>,
          },
          {
            title: t('person.householdRole'),
            dataIndex: 'householdRole',
            render: (role: string | null) => labelOf(t, 'person.householdRole', role),
          },
          { title: t('person.idNumber'), dataIndex: 'idMasked' },
        ]}
      />
    </Space>
  );
}

/** Masked first; the full record is fetched only when asked, with a purpose, because every view is audited. */
export function PersonDetailDrawer({ personId, summary, onOpen, onClose }: Props) {
  const { t } = useI18n();
  const [purpose, setPurpose] = useState('');
  const view = useMutation({
    mutationFn: ({ id, why }: { id: string; why: string }) =>
      unwrap(api.GET('/api/persons/{id}', { params: { path: { id }, query: why ? { purpose: why } : {} } })),
  });
  const { reset } = view;
  useEffect(() => {
    if (personId) reset();
  }, [personId, reset]);
  const { can } = useSession();
  const shown = view.data && view.data.id === personId ? view.data : null;
  const details = shown ? (
    <FullDetail person={shown} onOpen={onOpen} />
  ) : (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {summary && (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'name', label: t('person.name'), children: summary.name },
            { key: 'idNumber', label: t('person.idNumber'), children: summary.idMasked },
            { key: 'phone', label: t('person.phone'), children: summary.phoneMasked },
            { key: 'jurisdiction', label: t('jurisdiction.jurisdiction'), children: summary.jurisdictionName },
          ]}
        />
      )}
      <Alert type="info" showIcon title={t('person.viewNotice')} />
      <Space.Compact style={{ width: '100%' }}>
        <AutoComplete
          style={{ flex: 1 }}
          value={purpose}
          onChange={setPurpose}
          options={PURPOSES.map((key) => ({ value: t(key) }))}
          showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
          placeholder={t('person.purposePlaceholder')}
          data-testid="person-purpose"
          maxLength={200}
        />
        <Button
          type="primary"
          icon={<EyeOutlined />}
          loading={view.isPending}
          data-testid="person-view-full"
          onClick={() => personId && view.mutate({ id: personId, why: purpose.trim() })}
        >
          {t('person.viewFull')}
        </Button>
      </Space.Compact>
    </Space>
  );
  return (
    <Drawer open={personId !== null} onClose={onClose} title={t('person.detail')} size={720} destroyOnHidden data-testid="person-drawer">
      {personId && (can('keyPerson.read') || can('code.read')) ? (
        <Tabs
          items={[
            { key: 'details', label: t('person.detail'), children: details },
            ...(can('keyPerson.read')
              ? [
                  {
                    key: 'timeline',
                    label: <span data-testid="person-tab-timeline">{t('keyPerson.timeline')}</span>,
                    children: <PersonTimeline personId={personId} />,
                  },
                ]
              : []),
            ...(can('code.read')
              ? [
                  {
                    key: 'code',
                    label: <span data-testid="person-tab-code">{t('code.tab')}</span>,
                    children: <CodePanel personId={personId} />,
                  },
                ]
              : []),
            ...(can('testing.read')
              ? [
                  {
                    key: 'testing',
                    label: <span data-testid="person-tab-testing">{t('testing.tab')}</span>,
                    children: <PersonResultsPanel personId={personId} />,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        details
      )}
    </Drawer>
  );
}
