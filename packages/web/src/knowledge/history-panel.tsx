import { Button, Flex, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { kbApi } from './kb-api';
import type { KbDiff, KbVersion } from './kb-types';

// 历史版本: every saved change (who, when, what), and the word diff of a version against the one before.

export function DiffView({ diff }: { diff: KbDiff }) {
  const { t } = useTranslation();
  const changed = diff.body.some((p) => p.op !== 'equal');
  const part = (p: KbDiff['body'][number], i: number) =>
    p.op === 'insert' ? <ins key={i} style={{ background: '#d9f7be', textDecoration: 'none' }}>{p.text}</ins> : p.op === 'delete' ? <del key={i} style={{ background: '#ffccc7' }}>{p.text}</del> : <span key={i}>{p.text}</span>;
  return (
    <div data-testid="kb-diff">
      <Typography.Title level={5}>{diff.title.map(part)}</Typography.Title>
      <Typography.Text type="secondary">{t('kb.history.stats', diff.stats)}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{changed ? diff.body.map(part) : t('kb.history.noChange')}</div>
    </div>
  );
}

export function HistoryPanel({ articleId, version }: { articleId: string; version: number }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<KbVersion[]>([]);
  const [diff, setDiff] = useState<KbDiff | null>(null);
  useEffect(() => {
    kbApi.versions(articleId).then((r) => setItems(r.items)).catch(() => setItems([]));
  }, [articleId, version]);
  return (
    <>
      <Flex vertical gap={8} data-testid="kb-history">
        <Typography.Text strong>{t('kb.history.title')}</Typography.Text>
        {items.map((v) => (
          <Flex key={v.version} justify="space-between" align="start" gap={8} style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6 }}>
            <Space orientation="vertical" size={0}>
              <Typography.Text>
                {t('kb.editor.version', { version: v.version })} · {t(`kb.history.action.${v.action}`, { defaultValue: v.action })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {v.authorName} · {formatDateTime(v.createdAt)}
                {v.comment ? ` · ${v.comment}` : ''}
              </Typography.Text>
            </Space>
            {v.version > 1 && (
              <Button size="small" type="link" onClick={() => void kbApi.diff(articleId, v.version - 1, v.version).then(setDiff)} data-testid={`kb-diff-${v.version}`}>
                {t('kb.history.compareWithPrevious')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
      <Modal open={!!diff} footer={null} onCancel={() => setDiff(null)} width={720} title={diff ? t('kb.history.diffTitle', { from: diff.from.version, to: diff.to.version }) : ''}>
        {diff && <DiffView diff={diff} />}
      </Modal>
    </>
  );
}
