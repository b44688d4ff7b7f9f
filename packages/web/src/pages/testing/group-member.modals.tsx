import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PersonListItem } from '../../api/types.ts';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { shanghaiToday } from '../key-persons/key-person-labels.ts';
import { PersonPicker } from '../key-persons/person-picker.tsx';
import type { GroupId, GroupMember } from './group-queries.ts';
import { useInvalidateTesting } from './testing-queries.ts';

interface AddValues {
  personId: string;
  unitName?: string;
  joinedOn?: Dayjs;
}

const ADD_FIELDS = ['personId', 'unitName', 'joinedOn'];

/** Puts a registered person of the picked jurisdiction on the group's roster. */
export function AddGroupMemberModal(props: { open: boolean; group: GroupId; jurisdictionId: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AddValues>();
  const [picked, setPicked] = useState<PersonListItem | undefined>();
  const invalidate = useInvalidateTesting();
  const today = shanghaiToday();
  const add = useMutation({
    mutationFn: (v: AddValues) =>
      unwrap(
        api.POST('/api/testing/groups/{group}/members', {
          params: { path: { group: props.group } },
          body: {
            personId: v.personId,
            ...(v.unitName?.trim() ? { unitName: v.unitName.trim() } : {}),
            ...(v.joinedOn ? { joinedOn: v.joinedOn.format('YYYY-MM-DD') } : {}),
          },
        }),
      ),
    onSuccess: () => {
      showSuccess(t('testing.groups.added'));
      void invalidate();
      form.resetFields();
      setPicked(undefined);
      props.onClose();
    },
    onError: (error) => applyFormError(form, error, ADD_FIELDS),
  });
  return (
    <Modal
      open={props.open}
      title={t('testing.groups.add')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'group-add-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ joinedOn: dayjs(today) }}>
        <Form.Item name="personId" label={t('testing.groups.person')} rules={[{ required: true }]}>
          <PersonPicker
            picked={picked}
            jurisdictionId={props.jurisdictionId}
            onPick={(person) => {
              setPicked(person);
              form.setFieldValue('personId', person?.id);
            }}
          />
        </Form.Item>
        <Form.Item name="unitName" label={t('testing.groups.unit')} rules={[{ max: 100 }]}>
          <Input data-testid="group-add-unit" />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('testing.groups.joinedOn')}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Takes a member off the roster with the reason (audited); their later tests are no longer mandatory ones. */
export function LeaveGroupModal({ member, onClose }: { member: GroupMember | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const invalidate = useInvalidateTesting();
  const leave = useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/testing/group-members/{id}/leave', { params: { path: { id: member?.id ?? '' } }, body: { reason } })),
    onSuccess: () => {
      showSuccess(t('testing.groups.left'));
      void invalidate();
      form.resetFields();
      onClose();
    },
    onError: (error) => applyFormError(form, error, ['reason']),
  });
  return (
    <Modal
      open={member !== null}
      title={t('testing.groups.leaveTitle', { name: member?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={leave.isPending}
      okButtonProps={{ danger: true, 'data-testid': 'member-leave-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => leave.mutate(v.reason.trim())}>
        <Form.Item name="reason" label={t('testing.groups.leaveReason')} rules={[{ required: true, whitespace: true, min: 2, max: 200 }]}>
          <Input data-testid="member-leave-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
