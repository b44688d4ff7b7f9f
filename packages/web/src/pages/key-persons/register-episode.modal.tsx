import { useMutation } from '@tanstack/react-query';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.ts';
import type { PersonListItem } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { applyFormError, showSuccess } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { labelOf, messageIdsUnder, snakeId } from '../../i18n/labels.ts';
import { useScope } from '../../jurisdictions/scope.tsx';
import { CATEGORIES, categoryLabel, shanghaiToday } from './key-person-labels.ts';
import { useAssignableUsers, useInvalidateKeyPersons, useSite, useSites } from './key-person-queries.ts';
import { PersonPicker } from './person-picker.tsx';
import { PlanPreview } from './plan-preview.tsx';
import { SignerSelect } from './signer-select.tsx';

interface Values {
  personId?: string;
  name?: string;
  idType?: 'resident_id' | 'passport' | 'other';
  idNumber?: string;
  gender?: 'male' | 'female';
  phone?: string;
  address?: string;
  category: string;
  startDate: Dayjs;
  siteId?: string;
  roomId?: string;
  assignedCadreId?: string;
  assignedMedicId?: string;
}

const FIELDS = ['personId', 'name', 'idType', 'idNumber', 'phone', 'address', 'category', 'startDate', 'siteId', 'roomId'] as const;
const ID_TYPES = messageIdsUnder('person.idType').map(snakeId);

function PlacementFields({ siteId }: { siteId: string | undefined }) {
  const { t } = useI18n();
  const { can } = useSession();
  const sites = useSites(can('site.read'));
  const site = useSite(siteId);
  if (!can('site.read')) return null;
  return (
    <Row gutter={12}>
      <Col span={14}>
        <Form.Item name="siteId" label={t('keyPerson.site')}>
          <Select allowClear options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="register-site" />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="roomId" label={t('keyPerson.room')}>
          <Select
            allowClear
            disabled={!siteId}
            showSearch={{ optionFilterProp: 'label' }}
            options={(site.data?.rooms ?? []).map((r) => ({
              value: r.id,
              label: t('keyPerson.roomBeds', { code: r.code, occupied: r.occupied, beds: r.beds }),
              disabled: r.occupied >= r.beds,
            }))}
            data-testid="register-room"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

function NewPersonFields({ jurisdictionName }: { jurisdictionName: string | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {jurisdictionName ? (
        <Alert type="info" showIcon title={t('keyPerson.newPersonIn', { name: jurisdictionName })} style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="warning" showIcon title={t('keyPerson.pickScopeFirst')} style={{ marginBottom: 12 }} />
      )}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="name" label={t('person.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input data-testid="register-name" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="gender" label={t('person.gender')}>
            <Select allowClear options={['male', 'female'].map((g) => ({ value: g, label: labelOf(t, 'person.gender', g) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="idType" label={t('person.idType')} initialValue="resident_id" rules={[{ required: true }]}>
            <Select options={ID_TYPES.map((id) => ({ value: id, label: labelOf(t, 'person.idType', id) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="idNumber" label={t('person.idNumber')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input data-testid="register-id-number" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('person.phone')} rules={[{ max: 20 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('person.address')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
    </>
  );
}

interface Props {
  open: boolean;
  onClose: () => void;
  onRegistered: (episodeId: string) => void;
}

/** The 409 for an ID number already registered inside my scope names that record: it is the person to manage. */
const alreadyRegisteredId = (error: unknown): string | undefined =>
  error instanceof ApiError && error.code === 'duplicatePerson'
    ? (error.details as { existingId?: string } | undefined)?.existingId
    : undefined;

/** Puts a person (found or newly registered) under management, after showing the plan the protocol in force gives. */
export function RegisterEpisodeModal({ open, onClose, onRegistered }: Props) {
  const { t } = useI18n();
  const { jurisdiction } = useScope();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [picked, setPicked] = useState<PersonListItem | undefined>();
  const [createdPersonId, setCreatedPersonId] = useState<string | null>(null);
  const invalidate = useInvalidateKeyPersons();
  const category = Form.useWatch('category', form);
  const start = Form.useWatch('startDate', form)?.format('YYYY-MM-DD');
  const siteId = Form.useWatch('siteId', form);
  const personJurisdictionId = mode === 'existing' ? picked?.jurisdictionId : jurisdiction?.id;
  const signers = useAssignableUsers(personJurisdictionId);

  const personOf = async (values: Values): Promise<string> => {
    if (mode === 'existing') return values.personId ?? '';
    if (createdPersonId) return createdPersonId;
    const created = await unwrap(
      api.POST('/api/persons', {
        body: {
          name: values.name?.trim() ?? '',
          idType: values.idType ?? 'resident_id',
          idNumber: values.idNumber?.trim() ?? '',
          jurisdictionId: jurisdiction?.id ?? '',
          ...(values.gender ? { gender: values.gender } : {}),
          ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
          ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        },
      }),
    ).catch((error: unknown) => {
      const existingId = alreadyRegisteredId(error);
      if (!existingId) throw error;
      showSuccess(t('keyPerson.existingPersonUsed'));
      return { id: existingId };
    });
    // If the episode is then refused, a retry must not register the person twice.
    setCreatedPersonId(created.id);
    return created.id;
  };
  const register = useMutation({
    mutationFn: async (values: Values) => {
      const personId = await personOf(values);
      return unwrap(
        api.POST('/api/key-persons/episodes', {
          body: {
            personId,
            category: values.category as 'close_contact',
            startDate: values.startDate.format('YYYY-MM-DD'),
            ...(values.siteId ? { siteId: values.siteId } : {}),
            ...(values.roomId ? { roomId: values.roomId } : {}),
            ...(values.assignedCadreId ? { assignedCadreId: values.assignedCadreId } : {}),
            ...(values.assignedMedicId ? { assignedMedicId: values.assignedMedicId } : {}),
          },
        }),
      );
    },
    meta: { ownErrors: true },
    onSuccess: async (episode) => {
      showSuccess(t('keyPerson.registered'));
      await invalidate();
      form.resetFields();
      setPicked(undefined);
      setCreatedPersonId(null);
      onRegistered(episode.id);
    },
    onError: (error) => applyFormError(form, error, [...FIELDS, 'assignedCadreId', 'assignedMedicId']),
  });
  const today = shanghaiToday();
  return (
    <Modal
      open={open}
      title={t('keyPerson.register')}
      width={1080}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('keyPerson.register')}
      cancelText={t('common.cancel')}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'register-submit' }}
      destroyOnHidden
    >
      <Row gutter={24}>
        <Col span={12}>
          <Form form={form} layout="vertical" onFinish={(values) => register.mutate(values)} data-testid="register-form">
            <Segmented
              block
              value={createdPersonId ? 'new' : mode}
              disabled={createdPersonId !== null}
              onChange={(value) => setMode(value === 'new' ? 'new' : 'existing')}
              options={[
                { value: 'existing', label: t('keyPerson.pickPerson') },
                { value: 'new', label: t('keyPerson.newPerson') },
              ]}
              style={{ marginBottom: 16 }}
            />
            {mode === 'existing' ? (
              <Form.Item name="personId" label={t('keyPerson.person')} rules={[{ required: true, message: t('keyPerson.personRequired') }]}>
                <PersonPicker
                  jurisdictionId={jurisdiction?.id}
                  picked={picked}
                  onPick={(person) => {
                    setPicked(person);
                    form.setFieldsValue({ personId: person?.id, assignedCadreId: undefined, assignedMedicId: undefined });
                  }}
                />
              </Form.Item>
            ) : (
              <NewPersonFields jurisdictionName={jurisdiction?.name} />
            )}
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="category" label={t('keyPerson.category')} rules={[{ required: true }]}>
                  <Select options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} data-testid="register-category" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="startDate" label={t('keyPerson.startDate')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} data-testid="register-start" />
                </Form.Item>
              </Col>
            </Row>
            <PlacementFields siteId={siteId} />
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="assignedCadreId" label={t('keyPerson.assignedCadre')}>
                  <SignerSelect as="cadre" users={signers.data ?? []} loading={signers.isFetching} testId="register-cadre" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="assignedMedicId" label={t('keyPerson.assignedMedic')}>
                  <SignerSelect as="medic" users={signers.data ?? []} loading={signers.isFetching} testId="register-medic" />
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Col>
        <Col span={12}>
          <PlanPreview category={category} start={start} jurisdictionId={personJurisdictionId ?? jurisdiction?.id} />
        </Col>
      </Row>
    </Modal>
  );
}
