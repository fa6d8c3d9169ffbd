import { Alert, Button, Checkbox, Empty, Flex, List, Skeleton, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/api-errors';
import { formatDateTime, formatNumber } from '../i18n/format';
import type { AppliedImprovements, ImprovementMove } from './dispatch-types';
import { useApplyImprovements, useImprovements } from './use-improvements';

// 日内优化 (optimise unstarted jobs): the moves of jobs not yet started between engineers that the server
// proposes (fewer km, never later), each with what it saves, all picked at first; 应用所选 applies the
// picked ones, then says how many went through and why each other one did not. The 派单地图 shows it.

const km = (v: number) => formatNumber(Math.round(v * 10) / 10);
const minutes = (v: number) => formatNumber(Math.round(v));

/** "#2051 3 号楼电梯困人：张伟 → 王磊" */
export const moveTitle = (m: ImprovementMove, t: TFunction) => t('dispatchMap.improve.move', { number: m.ticketNumber, title: m.title, from: m.from.name, to: m.to.name });

/** What the move saves, and the minutes late it takes away when it does. */
export function moveGains(m: ImprovementMove, t: TFunction): string {
  const parts = [t('dispatchMap.improve.saved', { km: km(m.kmSaved), minutes: minutes(m.travelSavedMinutes) })];
  if (m.lateAfter < m.lateBefore) parts.push(t('dispatchMap.improve.late', { before: minutes(m.lateBefore), after: minutes(m.lateAfter) }));
  if (m.insertBefore != null) parts.push(t('dispatchMap.improve.inserted', { name: m.to.name, n: m.insertBefore }));
  return parts.join(t('app.phraseSep'));
}

/** Why a move was not applied, by its code (an unknown code: named). */
export const skipText = (code: string, t: TFunction) => t(`dispatchMap.improve.skip.${code}`, { defaultValue: t('dispatchMap.improve.skip.other', { code }) });

export function ImprovementPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const q = useImprovements();
  const apply = useApplyImprovements();
  // moves are picked unless unpicked, so a move is picked by default
  const [unpicked, setUnpicked] = useState<ReadonlySet<string>>(new Set());
  const close = (
    <Button key="close" onClick={onClose} data-testid="improve-close">
      {t('dispatchMap.improve.close')}
    </Button>
  );

  const head = (
    <Flex justify="space-between" align="baseline" wrap>
      <Typography.Text strong>{t('dispatchMap.improve.title')}</Typography.Text>
      {q.data && <Typography.Text type="secondary">{t('dispatchMap.improve.computed', { time: formatDateTime(q.data.computedAt) })}</Typography.Text>}
    </Flex>
  );
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError)
    return (
      <Flex vertical gap={8} data-testid="improvements">
        {head}
        <Alert type="error" showIcon title={errorMessage(q.error, t)} />
        <Flex justify="end">{close}</Flex>
      </Flex>
    );

  const { moves } = q.data;
  if (apply.data) return <AppliedResult result={apply.data} moves={moves} head={head} close={close} />;
  if (moves.length === 0)
    return (
      <Flex vertical gap={8} data-testid="improvements">
        {head}
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatchMap.improve.empty')} data-testid="improve-empty" />
        <Flex justify="end">{close}</Flex>
      </Flex>
    );

  const picked = moves.filter((m) => !unpicked.has(m.ticketId));
  const toggle = (id: string, on: boolean) =>
    setUnpicked((s) => {
      const next = new Set(s);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  const total = (f: (m: ImprovementMove) => number) => moves.reduce((sum, m) => sum + f(m), 0);
  return (
    <Flex vertical gap={8} data-testid="improvements">
      {head}
      <Typography.Text data-testid="improve-summary">
        {t('dispatchMap.improve.summary', { count: moves.length, km: km(total((m) => m.kmSaved)), minutes: minutes(total((m) => m.travelSavedMinutes)) })}
      </Typography.Text>
      <List
        size="small"
        dataSource={moves}
        renderItem={(m) => (
          <List.Item data-testid="improve-move" data-ticket-id={m.ticketId}>
            <Checkbox checked={!unpicked.has(m.ticketId)} onChange={(e) => toggle(m.ticketId, e.target.checked)} disabled={apply.isPending} data-testid="improve-pick">
              <Flex vertical>
                <span data-testid="improve-move-title">{moveTitle(m, t)}</span>
                <Typography.Text type="secondary" data-testid="improve-move-gains">
                  {moveGains(m, t)}
                </Typography.Text>
              </Flex>
            </Checkbox>
          </List.Item>
        )}
      />
      {apply.isError && <Alert type="error" showIcon title={errorMessage(apply.error, t)} data-testid="improve-error" />}
      <Flex justify="end" gap={8}>
        {close}
        <Button type="primary" disabled={picked.length === 0} loading={apply.isPending} onClick={() => apply.mutate(picked)} data-testid="improve-apply">
          {t('dispatchMap.improve.apply')}
        </Button>
      </Flex>
    </Flex>
  );
}

function AppliedResult({ result, moves, head, close }: { result: AppliedImprovements; moves: ImprovementMove[]; head: ReactNode; close: ReactNode }) {
  const { t } = useTranslation();
  const byId = new Map(moves.map((m) => [m.ticketId, m]));
  return (
    <Flex vertical gap={8} data-testid="improvements">
      {head}
      <Alert type={result.applied.length ? 'success' : 'info'} showIcon title={t('dispatchMap.improve.applied', { count: result.applied.length })} data-testid="improve-applied" />
      {result.skipped.length > 0 && (
        <Flex vertical gap={2}>
          <Typography.Text type="secondary">{t('dispatchMap.improve.skippedTitle', { count: result.skipped.length })}</Typography.Text>
          {result.skipped.map((s) => {
            const m = byId.get(s.ticketId);
            const why = skipText(s.code, t);
            return (
              <Typography.Text key={s.ticketId} data-testid="improve-skipped">
                {m ? t('dispatchMap.improve.skipped', { number: m.ticketNumber, title: m.title, why }) : why}
              </Typography.Text>
            );
          })}
        </Flex>
      )}
      <Flex justify="end">{close}</Flex>
    </Flex>
  );
}
