import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Flex, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../common/api-errors';
import { formatDateTime } from '../i18n/format';
import { GapsList } from './gaps-list';
import { kbApi } from './kb-api';
import { SynonymsTab } from './synonyms-tab';
import { KB_AUDIENCES, KB_STATES, type KbArticleListItem, type KbAudience, type KbCategory, type KbSearchHit, type KbState } from './kb-types';

// 知识库: the articles (filtered by state, category, audience and due for review, or searched through
// the ranked knowledge search), the articles waiting for my review, the knowledge gaps and the search's synonyms.

const STATE_COLOR: Record<KbState, string> = { draft: 'default', in_review: 'gold', published: 'green', retired: 'red' };

export function StateTag({ state }: { state: KbState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]}>{t(`kb.state.${state}`)}</Tag>;
}

function ArticleTable({ items, loading, categories, empty }: { items: KbArticleListItem[]; loading: boolean; categories: Map<string, string>; empty: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<KbArticleListItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: empty }}
      onRow={(r) => ({ onClick: () => navigate(`/knowledge/${r.id}`), style: { cursor: 'pointer' }, 'data-testid': `kb-row-${r.title}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'title',
          title: t('kb.column.title'),
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{r.title}</Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
                {r.excerpt}
              </Typography.Text>
            </Space>
          ),
        },
        { key: 'state', title: t('kb.column.state'), width: 150, render: (_, r) => <Space size={4}><StateTag state={r.state} />{r.dueForReview && <Tag color="orange">{t('kb.dueTag')}</Tag>}</Space> },
        { key: 'category', title: t('kb.column.category'), width: 130, render: (_, r) => (r.categoryId ? categories.get(r.categoryId) : '') },
        { key: 'audience', title: t('kb.column.audience'), width: 120, render: (_, r) => t(`kb.audience.${r.audience}`) },
        { key: 'rating', title: t('kb.column.rating'), width: 100, render: (_, r) => `${r.helpful} / ${r.notHelpful}` },
        { key: 'views', title: t('kb.column.views'), width: 70, render: (_, r) => r.views },
        { key: 'updatedAt', title: t('kb.column.updatedAt'), width: 150, render: (_, r) => formatDateTime(r.updatedAt) },
      ]}
    />
  );
}

function SearchHits({ hits, categories }: { hits: KbSearchHit[]; categories: Map<string, string> }) {
  const navigate = useNavigate();
  return (
    <Flex vertical gap={8} data-testid="kb-search-hits">
      {hits.map((h) => (
        <div key={h.articleId} role="link" tabIndex={0} style={{ cursor: 'pointer', padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} onClick={() => navigate(`/knowledge/${h.articleId}`)} data-testid={`kb-hit-${h.title}`}>
          <Typography.Text strong>
            <span dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
          </Typography.Text>
          {h.categoryId && <Tag style={{ marginInlineStart: 8 }}>{categories.get(h.categoryId)}</Tag>}
          <div className="gd-kb-snippet" style={{ color: '#595959' }} dangerouslySetInnerHTML={{ __html: h.snippet }} />
        </div>
      ))}
    </Flex>
  );
}

function ArticlesTab({ reviewQueue, categories }: { reviewQueue: boolean; categories: KbCategory[] }) {
  const { t } = useTranslation();
  const [state, setState] = useState<KbState | undefined>();
  const [categoryId, setCategoryId] = useState<string | undefined>();
  const [audience, setAudience] = useState<KbAudience | undefined>();
  const [due, setDue] = useState(false);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<KbArticleListItem[]>([]);
  const [hits, setHits] = useState<KbSearchHit[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const names = new Map(categories.map((c) => [c.id, c.name]));

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    const run = q
      ? kbApi.search(q, { categoryId, limit: 50 }).then((r) => live && (setHits(r.hits), setTotal(r.total)))
      : kbApi.list(reviewQueue ? { reviewer: 'me', limit: 100 } : { state, categoryId, audience, dueForReview: due, limit: 100 }).then((r) => live && (setHits(null), setItems(r.items), setTotal(r.total)));
    run.catch((e) => live && setError(e)).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [reviewQueue, state, categoryId, audience, due, q]);

  return (
    <Flex vertical gap={12}>
      {!reviewQueue && (
        <Flex gap={8} wrap data-testid="kb-filters">
          <Input.Search allowClear placeholder={t('kb.filter.search')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 280 }} data-testid="kb-search" />
          <Select allowClear placeholder={t('kb.filter.state')} value={state} onChange={setState} style={{ width: 120 }} options={KB_STATES.map((s) => ({ value: s, label: t(`kb.state.${s}`) }))} data-testid="kb-filter-state" />
          <Select allowClear placeholder={t('kb.filter.category')} value={categoryId} onChange={setCategoryId} style={{ width: 150 }} options={categories.map((c) => ({ value: c.id, label: c.name }))} data-testid="kb-filter-category" />
          <Select allowClear placeholder={t('kb.filter.audience')} value={audience} onChange={setAudience} style={{ width: 150 }} options={KB_AUDIENCES.map((a) => ({ value: a, label: t(`kb.audience.${a}`) }))} data-testid="kb-filter-audience" />
          <Checkbox checked={due} onChange={(e) => setDue(e.target.checked)} data-testid="kb-filter-due">
            {t('kb.filter.due')}
          </Checkbox>
        </Flex>
      )}
      {error != null && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      <Typography.Text type="secondary" data-testid="kb-total">
        {t('kb.total', { count: total })}
      </Typography.Text>
      {hits ? <SearchHits hits={hits} categories={names} /> : <ArticleTable items={items} loading={loading} categories={names} empty={reviewQueue ? t('kb.reviewEmpty') : t('kb.empty')} />}
    </Flex>
  );
}

export default function KnowledgePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'articles';
  const [categories, setCategories] = useState<KbCategory[]>([]);
  useEffect(() => {
    kbApi.categories().then((r) => setCategories(r.items)).catch(() => setCategories([]));
  }, []);
  return (
    <Flex vertical gap={12} data-testid="knowledge-page">
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('kb.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/knowledge/new')} data-testid="kb-new">
          {t('kb.newArticle')}
        </Button>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'articles' ? {} : { tab: k })}
        destroyOnHidden
        items={[
          { key: 'articles', label: t('kb.tabs.articles'), children: <ArticlesTab reviewQueue={false} categories={categories} /> },
          { key: 'review', label: <span data-testid="kb-tab-review">{t('kb.tabs.review')}</span>, children: <ArticlesTab reviewQueue categories={categories} /> },
          { key: 'gaps', label: <span data-testid="kb-tab-gaps">{t('kb.tabs.gaps')}</span>, children: <GapsList /> },
          { key: 'synonyms', label: <span data-testid="kb-tab-synonyms">{t('kb.tabs.synonyms')}</span>, children: <SynonymsTab /> },
        ]}
      />
    </Flex>
  );
}
