import { PREPARATION_KINDS } from '@fangkong/core';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ChecklistCard, EditPreparationModal, PREPARATION_STATUSES } from './preparation-edit.tsx';
import {
  type Exercise,
  type Plan,
  supplyLabel,
  useExercises,
  useInvalidateSupplies,
  usePlans,
  usePreparations,
} from './supplies-queries.ts';

/** Facilities and resources (vehicles, crews, beds, custodian, fund) from core; checklist items have their own card. */
const KINDS = PREPARATION_KINDS.filter((k) => k !== 'checklist');
const STATUSES = PREPARATION_STATUSES;
type Preparation = NonNullable<ReturnType<typeof usePreparations>['data']>['items'][number];
const REVIEW_COLOURS: Record<string, string> = { current: 'green', review_soon: 'gold', overdue: 'red' };

/** A small create form in a modal: the fields, the route, and the fields a 4xx may name. */
function CreateModal<T extends object>(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  submit: (values: T) => Promise<unknown>;
  fields: string[];
  initial?: Partial<T>;
  children: ReactNode;
}) {
  const [form] = Form.useForm<T>();
  const invalidate = useInvalidateSupplies();
  const create = useMutation({
    mutationFn: props.submit,
    onSuccess: async () => {
      form.resetFields();
      props.onClose();
      await invalidate();
    },
    onError: (error) => applyFormError(form, error, props.fields),
  });
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={props.initial} onFinish={(v) => create.mutate(v)}>
        {props.children}
      </Form>
    </Modal>
  );
}

function Facilities({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const items = usePreparations(jurisdictionId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Preparation | null>(null);
  type Values = { kind: (typeof KINDS)[number]; name: string; capacity?: number; status: (typeof STATUSES)[number] };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ChecklistCard jurisdictionId={jurisdictionId} />
      <Card
        size="small"
        title={t('prep.items')}
        extra={
          can('supply.write') &&
          jurisdictionId && (
            <Button size="small" onClick={() => setAdding(true)}>
              {t('prep.newItem')}
            </Button>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={items.isPending}
          dataSource={(items.data?.items ?? []).filter((i) => i.kind !== 'checklist')}
          columns={[
            { title: t('prep.kind'), dataIndex: 'kind', render: (v: string) => supplyLabel(t, 'prep.kind', v) },
            { title: t('prep.name'), dataIndex: 'name' },
            { title: t('prep.capacity'), dataIndex: 'capacity', render: (v: number | null) => v ?? '—' },
            {
              title: t('prep.status'),
              dataIndex: 'status',
              render: (v: string) => <Tag color={v === 'ready' ? 'green' : 'default'}>{supplyLabel(t, 'prep.status', v)}</Tag>,
            },
            {
              title: '',
              key: 'edit',
              render: (_: unknown, item: Preparation) =>
                can('supply.write') ? (
                  <Button size="small" type="link" onClick={() => setEditing(item)} data-testid={`prep-edit-${item.id}`}>
                    {t('prep.edit')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <EditPreparationModal item={editing} onClose={() => setEditing(null)} />
      {jurisdictionId && (
        <CreateModal<Values>
          open={adding}
          title={t('prep.newItem')}
          onClose={() => setAdding(false)}
          initial={{ kind: 'service_point', status: 'ready' }}
          fields={['kind', 'name', 'capacity', 'status']}
          submit={(v) => unwrap(api.POST('/api/preparedness/items', { body: { ...v, jurisdictionId } }))}
        >
          <Form.Item name="kind" label={t('prep.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: supplyLabel(t, 'prep.kind', k) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('prep.name')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="capacity" label={t('prep.capacity')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="status" label={t('prep.status')} rules={[{ required: true }]}>
            <Select options={STATUSES.map((k) => ({ value: k, label: supplyLabel(t, 'prep.status', k) }))} />
          </Form.Item>
        </CreateModal>
      )}
    </Space>
  );
}

function Plans({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const plans = usePlans(jurisdictionId);
  const [adding, setAdding] = useState(false);
  type Values = { title: string; level: 'I' | 'II' | 'III' | 'IV' | 'general'; issuedBy: string; issuedOn: string; reviewDueOn: string };
  return (
    <Card
      size="small"
      title={t('prep.plans')}
      extra={
        can('supply.write') &&
        jurisdictionId && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('prep.newPlan')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plans.data ?? []}
        data-testid="plan-table"
        columns={[
          { title: t('prep.plan.title'), dataIndex: 'title' },
          { title: t('prep.plan.level'), dataIndex: 'level' },
          { title: t('prep.plan.issuedBy'), dataIndex: 'issuedBy' },
          { title: t('prep.plan.issuedOn'), dataIndex: 'issuedOn' },
          { title: t('prep.plan.reviewDueOn'), dataIndex: 'reviewDueOn' },
          {
            title: t('common.status'),
            key: 's',
            render: (_: unknown, p: Plan) => (
              <Tag color={REVIEW_COLOURS[p.reviewState]}>{supplyLabel(t, 'prep.plan.reviewState', p.reviewState)}</Tag>
            ),
          },
        ]}
      />
      {jurisdictionId && (
        <CreateModal<Values>
          open={adding}
          title={t('prep.newPlan')}
          onClose={() => setAdding(false)}
          initial={{ level: 'general' }}
          fields={['title', 'level', 'issuedBy', 'issuedOn', 'reviewDueOn']}
          submit={(v) => unwrap(api.POST('/api/preparedness/plans', { body: { ...v, jurisdictionId } }))}
        >
          <Form.Item name="title" label={t('prep.plan.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="level" label={t('prep.plan.level')}>
            <Select options={['general', 'I', 'II', 'III', 'IV'].map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item name="issuedBy" label={t('prep.plan.issuedBy')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space>
            <Form.Item name="issuedOn" label={t('prep.plan.issuedOn')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="reviewDueOn" label={t('prep.plan.reviewDueOn')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Space>
        </CreateModal>
      )}
    </Card>
  );
}

function Exercises({ jurisdictionId }: { jurisdictionId?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const exercises = useExercises(jurisdictionId);
  const [adding, setAdding] = useState(false);
  type Values = { kind: 'drill' | 'training'; title: string; heldOn: string; expected: number; attended: number; findings: string };
  return (
    <Card
      size="small"
      title={t('prep.exercises')}
      extra={
        can('supply.write') &&
        jurisdictionId && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('prep.newExercise')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={exercises.data ?? []}
        data-testid="exercise-table"
        columns={[
          { title: t('prep.kind'), dataIndex: 'kind', render: (v: string) => supplyLabel(t, 'prep.exercise.kind', v) },
          { title: t('prep.exercise.title'), dataIndex: 'title' },
          { title: t('prep.exercise.heldOn'), dataIndex: 'heldOn' },
          { title: t('prep.exercise.attendance'), key: 'a', render: (_: unknown, e: Exercise) => `${e.attended}/${e.expected}` },
          { title: t('prep.exercise.findings'), dataIndex: 'findings' },
        ]}
      />
      {jurisdictionId && (
        <CreateModal<Values>
          open={adding}
          title={t('prep.newExercise')}
          onClose={() => setAdding(false)}
          initial={{ kind: 'drill' }}
          fields={['kind', 'title', 'heldOn', 'expected', 'attended', 'findings']}
          submit={(v) => unwrap(api.POST('/api/preparedness/exercises', { body: { ...v, jurisdictionId } }))}
        >
          <Form.Item name="kind" label={t('prep.kind')}>
            <Select options={['drill', 'training'].map((k) => ({ value: k, label: supplyLabel(t, 'prep.exercise.kind', k) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('prep.exercise.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="heldOn" label={t('prep.exercise.heldOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Space>
            <Form.Item name="expected" label={t('prep.exercise.expected')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
            <Form.Item name="attended" label={t('prep.exercise.attended')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="findings" label={t('prep.exercise.findings')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={2000} rows={3} />
          </Form.Item>
        </CreateModal>
      )}
    </Card>
  );
}

/** Preparedness (PREP-001…PREP-004): the checklist, facilities, plans with review dates, drills and training. */
export function PreparednessTab({ jurisdictionId }: { jurisdictionId?: string }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Facilities jurisdictionId={jurisdictionId} />
      <Plans jurisdictionId={jurisdictionId} />
      <Exercises jurisdictionId={jurisdictionId} />
    </Space>
  );
}
