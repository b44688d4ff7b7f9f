import { Alert, Button, Card, Form, Input, List, Popconfirm, Select, Space, Tag } from 'antd';
import { useNavigate } from 'react-router-dom';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { h5Api, useDependants, useH5Mutation } from './h5-api.ts';
import { useH5 } from './h5-i18n.ts';
import { ConsentByCode, MyProxiesCard } from './proxies-card.tsx';

type DependantForm = Parameters<typeof h5Api.addDependant>[0];
const RELATIONS = ['child', 'parent', 'grandparent', 'spouse', 'other'] as const;

export function DependantsPage() {
  const { t } = useH5();
  const dependants = useDependants();
  const navigate = useNavigate();
  const [form] = Form.useForm<DependantForm>();
  const add = useH5Mutation(
    (v: DependantForm) => h5Api.addDependant({ ...v, phone: v.phone?.trim() || undefined }),
    () => {
      showSuccess(t('added'));
      form.resetFields();
    },
  );
  const remove = useH5Mutation((id: string) => h5Api.removeDependant(id));
  const required = [{ required: true, message: t('required') }];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <List
        bordered
        style={{ background: '#fff' }}
        header={t('dependants')}
        dataSource={dependants.data?.items ?? []}
        renderItem={(d) => (
          <List.Item
            data-testid="dependant-item"
            actions={[
              d.status === 'active' && (
                <Button key="v" type="link" size="small" onClick={() => navigate(`/h5?p=${d.personId}`)} data-testid="dependant-view">
                  {t('viewCode')}
                </Button>
              ),
              <Popconfirm key="r" title={t('remove')} onConfirm={() => remove.mutate(d.linkId)}>
                <Button type="link" size="small" danger>
                  {t('remove')}
                </Button>
              </Popconfirm>,
            ].filter(Boolean)}
          >
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <span>
                {d.name} · {t(`relation.${d.relation}`)}
              </span>
              <Space size={4}>
                <Tag>{t(`verifiedBy.${d.verifiedBy === 'phone' ? 'phone' : 'household'}`)}</Tag>
                <Tag color={d.status === 'pending' ? 'orange' : 'green'}>{t(`status.${d.status}`)}</Tag>
              </Space>
              {d.status === 'pending' && (
                <>
                  <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('pendingHint')}</span>
                  <ConsentByCode linkId={d.linkId} />
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Card title={t('addDependant')} data-testid="dependant-form">
        {dependants.data && (
          <Alert type="info" showIcon message={t('dependantsHint', { limit: dependants.data.limit })} style={{ marginBottom: 12 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ idType: 'resident_id', relation: 'child' }}
          onFinish={(v) => add.mutate(v, { onError: (e) => applyFormError(form, e, ['idNumber', 'name', 'phone']) })}
        >
          <Form.Item name="idType" label={t('idType')}>
            <Select options={(['resident_id', 'passport', 'other'] as const).map((v) => ({ value: v, label: t(`idType.${v}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('idNumber')} rules={required}>
            <Input data-testid="dep-id" autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={required}>
            <Input data-testid="dep-name" />
          </Form.Item>
          <Form.Item name="relation" label={t('relation')}>
            <Select options={RELATIONS.map((v) => ({ value: v, label: t(`relation.${v}`) }))} />
          </Form.Item>
          <Form.Item name="phone" label={t('dependantPhone')}>
            <Input data-testid="dep-phone" inputMode="tel" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={add.isPending} data-testid="dep-submit">
            {t('addDependant')}
          </Button>
        </Form>
      </Card>
      <MyProxiesCard />
    </Space>
  );
}
