import { SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, List, Row, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { catalogApi, customersApi, ticketsApi } from '../../api/endpoints';
import type { Body } from '../../api/contract';
import { OPEN_STATUSES, PRIORITIES, type Contact, type CustomField, type Priority, type Ticket } from '../../api/types';
import { mapErrorToFields } from '../../common/api-errors';
import { useCategoryTree, useLocalName, useLookups } from '../../common/lookups';
import { searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';
import { CustomFieldInput, fieldsForType } from '../custom-field-input';
import { siteBody, type SiteDraft } from '../site/site-geo';
import { SiteInput, siteRule } from '../site/site-input';
import { StatusTag } from '../ticket-tags';

// A ticket on behalf of a caller: find them by phone or email (with their open tickets), or
// enter a new requester; then the ticket type with its custom fields and the ticket itself.

interface Values {
  lookup?: string;
  requester?: { name?: string; phone?: string; email?: string };
  typeId?: string;
  title: string;
  description?: string;
  priority?: Priority;
  categoryId?: string;
  teamId?: string;
  assigneeId?: string;
  tags?: string[];
  customFields?: NewTicket['customFields'];
  /** 上门地址, optional: sent only when given */
  site?: SiteDraft;
}

type NewTicket = Body<'/api/v1/tickets', 'post'>;

const KNOWN = ['requester.name', 'requester.phone', 'requester.email', 'requester', 'typeId', 'title', 'description', 'priority', 'categoryId', 'teamId', 'assigneeId', 'tags', 'customFields', 'site'];
const FORM_DRAFT = 'gongdan.draft.new-ticket';
const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export default function CreateTicketPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { teams, ticketTypes } = useLookups();
  const categoryTree = useCategoryTree();
  const name = useLocalName();
  const [contact, setContact] = useState<Contact | null>(null);
  const [lookupState, setLookupState] = useState<'idle' | 'busy' | 'found' | 'missing'>('idle');
  const [openTickets, setOpenTickets] = useState<Ticket[]>([]);
  const [allFields, setAllFields] = useState<CustomField[]>([]);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // one key per form: a retried submit after a lost answer cannot create a second ticket
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const typeId = Form.useWatch('typeId', form);
  const fields = useMemo(() => fieldsForType(allFields, typeId), [allFields, typeId]);

  // what was typed survives a reload or a failed request until the ticket is created
  useEffect(() => {
    try {
      const saved = localStorage.getItem(FORM_DRAFT);
      if (saved) form.setFieldsValue(JSON.parse(saved) as Values);
    } catch {
      /* no usable draft */
    }
  }, [form]);
  // from the screen pop of an incoming call: /tickets/new?phone=… looks the caller up at once
  const [params] = useSearchParams();
  const callerPhone = params.get('phone');
  useEffect(() => {
    if (!callerPhone) return;
    form.setFieldsValue({ lookup: callerPhone });
    void lookup();
  }, [callerPhone]); // eslint-disable-line react-hooks/exhaustive-deps

  const keepDraft = (_: unknown, all: Values) => {
    try {
      localStorage.setItem(FORM_DRAFT, JSON.stringify({ ...all, lookup: undefined }));
    } catch {
      /* storage off */
    }
  };

  useEffect(() => {
    catalogApi
      .customFields()
      .then((r) => setAllFields(r.items))
      .catch(() => setAllFields([]));
  }, []);

  const lookup = async () => {
    const raw = (form.getFieldValue('lookup') as string | undefined)?.trim();
    if (!raw) return;
    setLookupState('busy');
    const by = raw.includes('@') ? { email: raw } : { phone: raw };
    try {
      const c = await customersApi.lookup(by);
      setContact(c);
      setLookupState('found');
      const page = await ticketsApi.list({ requesterId: c.id, status: OPEN_STATUSES, sort: '-updated_at', limit: 10 });
      setOpenTickets(page.items);
    } catch (err) {
      setContact(null);
      setOpenTickets([]);
      setLookupState(err instanceof ApiError && err.status === 404 ? 'missing' : 'idle');
      if (err instanceof ApiError && err.status === 404) form.setFieldsValue({ requester: by.email ? { email: by.email } : { phone: by.phone } });
      else message.error(mapErrorToFields(err, t, []).general ?? '');
    }
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setGeneral(null);
    const requester = contact
      ? { id: contact.id }
      : (Object.fromEntries(Object.entries(v.requester ?? {}).filter(([, x]) => typeof x === 'string' && x.trim()).map(([k, x]) => [k, (x as string).trim()])) as Values['requester'] & object);
    const customFields = Object.fromEntries(Object.entries(v.customFields ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    const site = siteBody(v.site);
    const body: NewTicket = {
      title: v.title,
      description: v.description ? `<p>${v.description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>` : '',
      channel: 'phone',
      ...(Object.keys(requester).length ? { requester } : {}),
      ...(v.typeId ? { typeId: v.typeId } : {}),
      ...(v.priority ? { priority: v.priority } : {}),
      ...(v.categoryId ? { categoryId: v.categoryId } : {}),
      ...(v.teamId ? { teamId: v.teamId } : {}),
      ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}),
      ...(v.tags?.length ? { tags: v.tags } : {}),
      ...(Object.keys(customFields).length ? { customFields } : {}),
      ...(site ? { site } : {}),
    };
    try {
      const created = await ticketsApi.create(body, idempotencyKey);
      setIdempotencyKey(newKey());
      localStorage.removeItem(FORM_DRAFT);
      message.success(t('create.created', { number: created.number }));
      navigate(`/tickets/${created.number}`);
    } catch (err) {
      const { fields: fe, general: g } = mapErrorToFields(err, t, KNOWN);
      // "requester" as a whole (none given) is shown under the name of a new requester
      form.setFields(fe.map((f) => (f.name.join('.') === 'requester' ? { ...f, name: ['requester', 'name'] } : f)) as never);
      setGeneral(g);
      // a validation answer means nothing was stored: the same key may be used again with new content
      if (err instanceof ApiError && err.status < 500 && err.status !== 0) setIdempotencyKey(newKey());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} onValuesChange={keepDraft} data-testid="create-form" scrollToFirstError>
      <Typography.Title level={4}>{t('create.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('create.caller')}>
            <Form.Item name="lookup" label={`${t('create.lookupPhone')} / ${t('create.lookupEmail')}`}>
              <Input.Search data-testid="lookup-input" enterButton={<SearchOutlined aria-label={t('app.search')} />} loading={lookupState === 'busy'} onSearch={lookup} placeholder="138 1234 5678 / name@example.com" />
            </Form.Item>
            {contact ? (
              <div data-testid="lookup-contact">
                <Alert type="success" showIcon title={t('create.found')} style={{ marginBottom: 8 }} />
                <Descriptions size="small" column={1}>
                  <Descriptions.Item label={t('create.requesterName')}>
                    <UserOutlined aria-hidden /> {contact.name}
                  </Descriptions.Item>
                  {contact.organization && <Descriptions.Item label={t('field.organization')}>{contact.organization.name}</Descriptions.Item>}
                  {contact.identities.map((i) => (
                    <Descriptions.Item key={`${i.kind}:${i.value}`} label={i.kind}>
                      {i.value}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                {contact.effectiveTier !== 'standard' && <Tag color="gold">{contact.effectiveTier.toUpperCase()}</Tag>}
                <Typography.Title level={5} style={{ marginTop: 12 }}>
                  {t('create.openTickets')}
                </Typography.Title>
                <List
                  size="small"
                  data-testid="lookup-open-tickets"
                  dataSource={openTickets}
                  locale={{ emptyText: t('create.noOpenTickets') }}
                  renderItem={(x) => (
                    <List.Item>
                      <Space>
                        <Link to={`/tickets/${x.number}`}>#{x.number}</Link>
                        <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                          {x.title}
                        </Typography.Text>
                        <StatusTag status={x.status} />
                      </Space>
                    </List.Item>
                  )}
                />
                <Button
                  size="small"
                  onClick={() => {
                    setContact(null);
                    setLookupState('idle');
                  }}
                >
                  {t('create.useOther')}
                </Button>
              </div>
            ) : (
              <>
                {lookupState === 'missing' && <Alert type="info" showIcon title={t('create.notFound')} style={{ marginBottom: 8 }} />}
                <Typography.Text type="secondary">{t('create.newRequester')}</Typography.Text>
                <Form.Item name={['requester', 'name']} label={t('create.requesterName')}>
                  <Input data-testid="requester-name" maxLength={200} />
                </Form.Item>
                <Form.Item name={['requester', 'phone']} label={t('create.requesterPhone')}>
                  <Input data-testid="requester-phone" maxLength={40} />
                </Form.Item>
                <Form.Item name={['requester', 'email']} label={t('create.requesterEmail')}>
                  <Input data-testid="requester-email" maxLength={320} />
                </Form.Item>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('create.details')}>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="typeId" label={t('field.type')}>
                  <Select data-testid="create-type" allowClear options={ticketTypes.map((x) => ({ value: x.id, label: name(x) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                {/* left empty, the intelligence decides: a default the agent never touched is not the agent's choice */}
                <Form.Item name="priority" label={t('field.priority')} tooltip={t('intel.autoDecideHelp')}>
                  <Select data-testid="create-priority" allowClear placeholder={t('intel.autoDecide')} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true, message: t('create.titleRequired') }]}>
              <Input data-testid="create-title" maxLength={500} />
            </Form.Item>
            <Form.Item name="description" label={t('field.description')}>
              <Input.TextArea data-testid="create-description" rows={5} placeholder={t('field.description_placeholder')} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="categoryId" label={t('field.category')} tooltip={t('intel.autoDecideHelp')}>
                  <TreeSelect data-testid="create-category" allowClear placeholder={t('intel.autoDecide')} showSearch={{ treeNodeFilterProp: 'title' }} treeData={categoryTree} popupMatchSelectWidth={false} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="teamId" label={t('field.team')} tooltip={t('intel.autoDecideHelp')}>
                  <Select data-testid="create-team" allowClear placeholder={t('intel.autoDecide')} options={teams.map((x) => ({ value: x.id, label: x.name }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="assigneeId" label={t('field.assignee')}>
                  <RemoteSelect testId="create-assignee" search={searchStaff} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="tags" label={t('field.tags')}>
                  <Select data-testid="create-tags" mode="tags" open={false} placeholder={t('list.tagPlaceholder')} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="site" label={t('site.label')} tooltip={t('site.help')} rules={[siteRule(t)]}>
              <SiteInput />
            </Form.Item>
            {fields.length > 0 && (
              <>
                <Typography.Title level={5}>{t('field.customFields')}</Typography.Title>
                <Row gutter={12}>
                  {fields.map((f) => (
                    <Col xs={24} md={12} key={f.id}>
                      <Form.Item name={['customFields', f.key]} label={name(f)} rules={f.required ? [{ required: true, message: t('errors.issue.required') }] : []}>
                        <CustomFieldInput field={f} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </>
            )}
            {general && <Alert data-testid="create-error" type="error" showIcon title={general} style={{ marginBottom: 12 }} />}
            <Flex justify="end" gap={8}>
              <Button onClick={() => navigate(-1)}>{t('app.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="create-submit">
                {t('create.submit')}
              </Button>
            </Flex>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
