import { Button, Card, Checkbox, Form, InputNumber } from 'antd';
import { useNavigate } from 'react-router-dom';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { h5Api, useH5Mutation, useMe } from './h5-api.ts';
import { usePersonParam } from './h5-app.tsx';
import { useH5 } from './h5-i18n.ts';

const SYMPTOMS = ['fever', 'cough', 'fatigue', 'soreThroat', 'diarrhoea', 'lossOfSmell'] as const;

export function DeclarePage() {
  const { t } = useH5();
  const me = useMe();
  const p = usePersonParam();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ temperature?: number; symptoms: string[] }>();
  const personId = p ?? me.data?.personId ?? '';
  const declare = useH5Mutation(
    (values: { temperature?: number; symptoms: string[] }) =>
      // Symptoms are stored in the words the resident sees (zh-CN), as the staff pages read them.
      h5Api.declare(personId, { ...values, symptoms: values.symptoms.map((s) => SYMPTOM_ZH[s] ?? s) }),
    () => {
      showSuccess(t('declared'));
      navigate(p ? `/h5?p=${p}` : '/h5');
    },
  );
  return (
    <Card title={t('declare')} data-testid="declare-card">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ temperature: 36.5, symptoms: [] }}
        onFinish={(values) => declare.mutate(values, { onError: (error) => applyFormError(form, error, ['temperature', 'symptoms']) })}
      >
        <Form.Item name="temperature" label={t('temperature')}>
          <InputNumber min={34} max={43} step={0.1} style={{ width: '100%' }} data-testid="declare-temperature" />
        </Form.Item>
        <Form.Item name="symptoms" label={t('symptoms')}>
          <Checkbox.Group options={SYMPTOMS.map((s) => ({ value: s, label: t(`symptom.${s}`) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={declare.isPending} disabled={!personId} data-testid="declare-submit">
          {t('declare')}
        </Button>
      </Form>
    </Card>
  );
}

const SYMPTOM_ZH: Record<string, string> = {
  fever: '发热',
  cough: '咳嗽',
  fatigue: '乏力',
  soreThroat: '咽痛',
  diarrhoea: '腹泻',
  lossOfSmell: '嗅味觉减退',
};
