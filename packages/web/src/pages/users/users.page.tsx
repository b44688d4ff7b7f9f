import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { UserItem } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { showSuccess } from '../../components/feedback.tsx';
import { formatTime } from '../../components/time.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { OneTimePasswordModal } from './one-time-password.modal.tsx';
import { ReasonModal } from './reason.modal.tsx';
import { RoleGrantModal } from './role-grant.modal.tsx';
import { UserCreateModal } from './user-create.modal.tsx';

const PAGE_SIZE = 20;
export const USERS_KEY = ['users'] as const;

type Pending = { kind: 'disable' | 'enable' | 'reset'; user: UserItem } | null;

function Status({ user }: { user: UserItem }) {
  const { t } = useI18n();
  if (user.disabled) return <Tag color="red">{t('user.disabled')}</Tag>;
  if (user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs())) return <Tag color="orange">{t('user.locked')}</Tag>;
  return <Tag color="green">{t('user.enabled')}</Tag>;
}

function RoleTags({ user, admin }: { user: UserItem; admin: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (assignmentId: string) =>
      unwrap(api.DELETE('/api/users/{id}/roles/{assignmentId}', { params: { path: { id: user.id, assignmentId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
  return (
    <Space size={[4, 4]} wrap>
      {user.roles.map((role) => {
        const text = `${labelOf(t, 'role', role.role)} · ${role.jurisdictionName}`;
        return admin ? (
          <Popconfirm key={role.id} title={t('user.revokeRole')} onConfirm={() => revoke.mutate(role.id)}>
            <Tag color="blue" closable onClose={(event) => event.preventDefault()} data-testid="user-role-tag">
              {text}
            </Tag>
          </Popconfirm>
        ) : (
          <Tag key={role.id} color="blue" data-testid="user-role-tag">
            {text}
          </Tag>
        );
      })}
    </Space>
  );
}

/** Accounts with a role in my scope; admins create them, grant and revoke roles, disable, and reset passwords. */
export function UsersPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const admin = can('user.admin');
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<UserItem | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [oneTime, setOneTime] = useState<{ username: string; password: string } | null>(null);
  const users = useQuery({
    queryKey: [...USERS_KEY, { q, page }],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: async ({ kind, user, reason }: { kind: 'disable' | 'enable' | 'reset'; user: UserItem; reason: string }) => {
      if (kind === 'reset') {
        const { oneTimePassword } = await unwrap(
          api.POST('/api/users/{id}/reset-password', { params: { path: { id: user.id } }, body: { reason } }),
        );
        if (oneTimePassword) setOneTime({ username: user.username, password: oneTimePassword });
        return;
      }
      await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { disabled: kind === 'disable', reason } }));
      showSuccess(t('user.saved'));
    },
    onSuccess: () => {
      setPending(null);
      return queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  return (
    <Card
      title={t('menu.users')}
      extra={
        <Space>
          <Input.Search
            allowClear
            placeholder={t('user.search')}
            style={{ width: 240 }}
            onSearch={(value) => {
              setQ(value.trim());
              setPage(1);
            }}
          />
          {admin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t('user.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<UserItem>
        rowKey="id"
        size="middle"
        data-testid="users-table"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('user.username'),
            dataIndex: 'username',
            render: (value: string) => <span data-testid="user-row-username">{value}</span>,
          },
          { title: t('user.displayName'), dataIndex: 'displayName' },
          { title: t('user.roles'), key: 'roles', render: (_, user) => <RoleTags user={user} admin={admin} /> },
          { title: t('user.status'), key: 'status', render: (_, user) => <Status user={user} /> },
          {
            title: t('user.lastLoginAt'),
            dataIndex: 'lastLoginAt',
            render: (value: string | null) => formatTime(value, 'YYYY-MM-DD HH:mm'),
          },
          ...(admin
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, user: UserItem) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" data-testid="user-grant" onClick={() => setGranting(user)}>
                        {t('user.grantRole')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        data-testid="user-toggle"
                        onClick={() => setPending({ kind: user.disabled ? 'enable' : 'disable', user })}
                      >
                        {user.disabled ? t('user.enable') : t('user.disable')}
                      </Button>
                      <Button type="link" size="small" data-testid="user-reset" onClick={() => setPending({ kind: 'reset', user })}>
                        {t('user.resetPassword')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(username, password) => {
          setCreating(false);
          if (password) setOneTime({ username, password });
          void queryClient.invalidateQueries({ queryKey: USERS_KEY });
        }}
      />
      <RoleGrantModal
        user={granting}
        onClose={() => setGranting(null)}
        onGranted={() => {
          setGranting(null);
          void queryClient.invalidateQueries({ queryKey: USERS_KEY });
        }}
      />
      <ReasonModal
        open={pending !== null}
        title={
          pending
            ? `${pending.kind === 'reset' ? t('user.resetPassword') : pending.kind === 'disable' ? t('user.disable') : t('user.enable')} · ${pending.user.username}`
            : ''
        }
        loading={act.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(reason) => pending && act.mutate({ ...pending, reason })}
      />
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </Card>
  );
}
