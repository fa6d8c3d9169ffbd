import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Modal, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { customersApi } from '../api/endpoints';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { searchStaff, resolveStaff } from '../common/people-search';
import { RemoteSelect } from '../common/remote-select';
import { confirmIcon } from '../common/quiet-icons';
import { HistoryPanel } from './history-panel';
import { kbApi } from './kb-api';
import { StateTag } from './knowledge-page';
import { KB_AUDIENCES, type KbArticle, type KbAudience, type KbCategory } from './kb-types';
import { RichTextEditor } from './rich-text-editor';
import { mayEdit, mayReview } from './article-access';

// 文章编辑: the article's title, rich-text body (images and attachments uploaded in place), category,
// tags and audience; its workflow (submit to named reviewers, approve or send back, retire) and history.

interface FormValues {
  title: string;
  categoryId?: string | null;
  tags: string[];
  audience: KbAudience;
  organizationId?: string;
}

const searchOrganizations = async (q: string) => (await customersApi.organizations({ q: q || undefined, limit: 20 })).items.map((o) => ({ value: o.id, label: o.name }));
const resolveOrganization = async (id: string) => {
  const o = await customersApi.organization(id);
  return { value: o.id, label: o.name };
};

function Workflow({ article, onChange }: { article: KbArticle; onChange: (a: KbArticle) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [submitting, setSubmitting] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [picked, setPicked] = useState<string | undefined>();
  const [comment, setComment] = useState('');
  const run = (p: Promise<KbArticle>, done: string) =>
    p
      .then((a) => {
        onChange(a);
        message.success(t(done));
        setSubmitting(false);
        setRejecting(false);
        setComment('');
      })
      .catch((e) => message.error(errorMessage(e, t)));
  const isAuthor = article.authorId === me.id;
  const manager = me.role === 'admin' || me.role === 'supervisor';
  return (
    <Space wrap data-testid="kb-workflow">
      {article.state === 'draft' && (isAuthor || manager) && (
        <Button type="primary" onClick={() => setSubmitting(true)} data-testid="kb-submit">
          {t('kb.workflow.submit')}
        </Button>
      )}
      {article.state === 'in_review' && mayReview(me, article) && (
        <>
          <Button type="primary" onClick={() => run(kbApi.approve(article.id), 'kb.workflow.approved')} data-testid="kb-approve">
            {t('kb.workflow.approve')}
          </Button>
          <Button onClick={() => setRejecting(true)} data-testid="kb-reject">
            {t('kb.workflow.reject')}
          </Button>
        </>
      )}
      {article.state !== 'retired' && (isAuthor || manager) && (
        <Popconfirm icon={confirmIcon} title={t('kb.workflow.confirmRetire')} okText={t('kb.workflow.retire')} cancelText={t('app.cancel')} onConfirm={() => run(kbApi.retire(article.id), 'kb.workflow.retired')}>
          <Button danger data-testid="kb-retire">
            {t('kb.workflow.retire')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={submitting}
        title={t('kb.workflow.submit')}
        onCancel={() => setSubmitting(false)}
        okText={t('kb.workflow.submit')}
        cancelText={t('app.cancel')}
        okButtonProps={{ disabled: !reviewers.length, 'data-testid': 'kb-submit-ok' } as never}
        onOk={() => run(kbApi.submit(article.id, reviewers, comment.trim() || undefined), 'kb.workflow.submitted')}
      >
        <Typography.Text>{t('kb.workflow.reviewers')}</Typography.Text>
        <RemoteSelect
          value={picked}
          search={searchStaff}
          resolve={resolveStaff}
          testId="kb-reviewer"
          style={{ width: '100%' }}
          onChange={(v) => {
            setPicked(undefined);
            if (v && !reviewers.includes(v)) setReviewers([...reviewers, v]);
          }}
        />
        <ReviewerNames ids={reviewers} onRemove={(id) => setReviewers(reviewers.filter((r) => r !== id))} />
        <Input.TextArea placeholder={t('kb.workflow.comment')} value={comment} onChange={(e) => setComment(e.target.value)} style={{ marginTop: 8 }} />
      </Modal>
      <Modal
        open={rejecting}
        title={t('kb.workflow.reject')}
        onCancel={() => setRejecting(false)}
        okText={t('kb.workflow.reject')}
        cancelText={t('app.cancel')}
        okButtonProps={{ disabled: !comment.trim(), 'data-testid': 'kb-reject-ok' } as never}
        onOk={() => run(kbApi.reject(article.id, comment.trim()), 'kb.workflow.rejected')}
      >
        <Input.TextArea placeholder={t('kb.workflow.rejectComment')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="kb-reject-comment" />
      </Modal>
    </Space>
  );
}

function ReviewerNames({ ids, onRemove }: { ids: string[]; onRemove: (id: string) => void }) {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    for (const id of ids) if (!names[id]) resolveStaff(id).then((o) => o && setNames((n) => ({ ...n, [id]: String(o.label) }))).catch(() => undefined);
  }, [ids, names]);
  return (
    <Space wrap style={{ marginTop: 8 }} data-testid="kb-reviewers">
      {ids.map((id) => (
        <Button key={id} size="small" onClick={() => onRemove(id)}>
          {names[id] ?? id.slice(0, 8)} ×
        </Button>
      ))}
    </Space>
  );
}

export default function ArticleEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const { articleId } = useParams();
  const isNew = !articleId || articleId === 'new';
  const [form] = Form.useForm<FormValues>();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [body, setBody] = useState('');
  const [categories, setCategories] = useState<KbCategory[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const audience = Form.useWatch('audience', form);

  useEffect(() => {
    kbApi.categories().then((r) => setCategories(r.items)).catch(() => setCategories([]));
  }, []);
  useEffect(() => {
    if (isNew) {
      setArticle(null);
      setBody('');
      form.setFieldsValue({ title: '', tags: [], audience: 'internal', categoryId: undefined, organizationId: undefined });
      return;
    }
    kbApi
      .get(articleId)
      .then((a) => {
        setArticle(a);
        setBody(a.bodyHtml);
        form.setFieldsValue({ title: a.title, tags: a.tags, audience: a.audience, categoryId: a.categoryId ?? undefined, organizationId: a.organizationId ?? undefined });
      })
      .catch(setError);
  }, [articleId, isNew, form]);

  const editable = isNew || (article != null && mayEdit(me, article));
  const save = async () => {
    const v = await form.validateFields();
    if (!body.replace(/<[^>]*>/g, '').trim() && !/<img\b/i.test(body)) {
      message.error(t('kb.editor.bodyRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const payload = { title: v.title.trim(), bodyHtml: body, categoryId: v.categoryId ?? null, tags: v.tags ?? [], audience: v.audience, organizationId: v.audience === 'organization' ? (v.organizationId ?? null) : null };
    try {
      const saved = isNew ? await kbApi.create(payload) : await kbApi.update(article!.id, { ...payload, version: article!.version });
      setArticle(saved);
      setBody(saved.bodyHtml);
      message.success(t('kb.editor.saved', { version: saved.version }));
      if (isNew) navigate(`/knowledge/${saved.id}`, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="article-editor">
      <Space wrap>
        <Button type="text" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/knowledge')}>
          {t('kb.editor.back')}
        </Button>
        {article && <StateTag state={article.state} />}
        {article && <Typography.Text type="secondary">{t('kb.editor.version', { version: article.version })}</Typography.Text>}
      </Space>
      {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {article?.reviewComment && <Alert type="info" showIcon title={t('kb.editor.reviewComment', { comment: article.reviewComment })} />}
      {!editable && <Alert type="warning" showIcon title={t('kb.editor.readOnly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Form form={form} layout="vertical" requiredMark={false} disabled={!editable} data-testid="article-form">
              <Form.Item name="title" label={t('kb.editor.titleLabel')} rules={[{ required: true, whitespace: true, message: t('kb.editor.titleRequired') }]}>
                <Input maxLength={200} data-testid="article-title" />
              </Form.Item>
              <Form.Item label={t('kb.editor.body')} required>
                <RichTextEditor value={body} onChange={setBody} readOnly={!editable} upload={article && editable ? (file) => kbApi.upload(article.id, file) : undefined} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name="categoryId" label={t('kb.editor.category')}>
                    <Select allowClear options={categories.map((c) => ({ value: c.id, label: c.name }))} data-testid="article-category" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="audience" label={t('kb.editor.audience')}>
                    <Select options={KB_AUDIENCES.map((a) => ({ value: a, label: t(`kb.audience.${a}`) }))} data-testid="article-audience" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  {audience === 'organization' && (
                    <Form.Item name="organizationId" label={t('kb.editor.organization')} rules={[{ required: true, message: t('kb.editor.organizationRequired') }]}>
                      <RemoteSelect search={searchOrganizations} resolve={resolveOrganization} testId="article-organization" />
                    </Form.Item>
                  )}
                </Col>
              </Row>
              <Form.Item name="tags" label={t('kb.editor.tags')}>
                <Select mode="tags" tokenSeparators={[',', '，']} data-testid="article-tags" />
              </Form.Item>
            </Form>
            {editable && (
              <Button type="primary" loading={busy} onClick={() => void save()} data-testid="article-save">
                {t('kb.editor.save')}
              </Button>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          {article && (
            <Flex vertical gap={12}>
              <Card size="small">
                <Workflow article={article} onChange={setArticle} />
                {article.files.length > 0 && (
                  <div style={{ marginTop: 12 }}>
                    <Typography.Text strong>{t('kb.editor.files')}</Typography.Text>
                    {article.files.map((f) => (
                      <div key={f.id}>
                        <a href={f.url} target="_blank" rel="noreferrer">
                          {f.filename}
                        </a>
                      </div>
                    ))}
                  </div>
                )}
              </Card>
              <Card size="small">
                <HistoryPanel articleId={article.id} version={article.version} />
              </Card>
            </Flex>
          )}
        </Col>
      </Row>
    </Flex>
  );
}
