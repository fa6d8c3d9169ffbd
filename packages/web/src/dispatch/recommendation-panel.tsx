import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Collapse, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { formatNumber } from '../i18n/format';
import { AssignDialog, type AssignTarget } from './assign-dialog';
import { dispatchApi, dispatchKeys } from './dispatch-api';
import type { PersonStatus } from './dispatch-types';
import { candidateTerms, needText, outletLine, recommendationTitle } from './dispatch-words';
import { ExcludedList } from './excluded-list';
import { canOverride } from './use-dispatch-actions';

// The recommendation panel (推荐): the live ranking for one ticket, each person's score and its terms in
// words, a 派单 button each; the people a hard rule excludes with the rules in words, and for
// supervisors 强制派单 with a reason; the nearest service outlets (服务网点) with their distance and how many
// of their people could take it. Used by the 派单地图 and the ticket page.

export const STATUS_COLOR: Record<PersonStatus | (string & {}), string> = { available: 'green', busy: 'orange', away: 'gold', off_shift: 'default' };

/** `titled`: false where the panel sits under a heading of the same words (the ticket page's collapse). */
export function RecommendationPanel({ ticket, titled = true }: { ticket: { id: string; number: number; title: string }; titled?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const [target, setTarget] = useState<AssignTarget | null>(null);
  const q = useQuery({ queryKey: dispatchKeys.candidates(ticket.id), queryFn: () => dispatchApi.candidates(ticket.id) });
  if (q.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error, t)} />;
  const { need, candidates, excluded, current } = q.data;
  const outlets = q.data.outlets ?? [];
  const needs = needText(need, t);
  return (
    <Flex vertical gap={8} data-testid="recommendations">
      <Flex justify="space-between" align="baseline" wrap>
        {titled && <Typography.Text strong data-testid="recommendations-title">{recommendationTitle(need?.kind, t)}</Typography.Text>}
        {needs && <Typography.Text type="secondary">{t('dispatchMap.rec.need', { need: needs })}</Typography.Text>}
      </Flex>
      {current && (
        <Typography.Text data-testid="rec-current">
          {t('dispatchMap.rec.current', { name: current.name, state: t(`dispatchMap.state.${current.state}`) })}
        </Typography.Text>
      )}
      {candidates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatchMap.rec.empty')} />
      ) : (
        <List
          size="small"
          dataSource={candidates}
          renderItem={(c, i) => (
            <List.Item
              data-testid="candidate"
              data-user-id={c.userId}
              actions={
                // the holder has it already; anyone else is a 改派 when someone holds it
                c.userId === current?.userId
                  ? [<Tag key="holder" color="blue" data-testid="candidate-holder">{t('dispatchMap.rec.holder')}</Tag>]
                  : [
                      <Button key="assign" type={i === 0 ? 'primary' : 'default'} size="small" onClick={() => setTarget({ ticket, person: c, holder: current })} data-testid="candidate-assign" aria-label={`${t(current ? 'dispatchMap.rec.reassign' : 'dispatchMap.rec.assign')} ${c.name}`}>
                        {t(current ? 'dispatchMap.rec.reassign' : 'dispatchMap.rec.assign')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} align="center" wrap>
                    <span data-testid="candidate-name">{c.name}</span>
                    {c.status && <Tag color={STATUS_COLOR[c.status]}>{t(`dispatchMap.status.${c.status}`)}</Tag>}
                    <Typography.Text type="secondary">{t('dispatchMap.rec.score', { score: formatNumber(Math.round(c.score * 100) / 100) })}</Typography.Text>
                  </Flex>
                }
                description={<span data-testid="candidate-terms">{candidateTerms(c, need, t).join(t('app.phraseSep'))}</span>}
              />
            </List.Item>
          )}
        />
      )}
      {excluded.length > 0 && (
        <Collapse
          size="small"
          data-testid="excluded"
          items={[
            {
              key: 'excluded',
              label: t('dispatchMap.rec.excluded', { count: excluded.length }),
              children: (
                <ExcludedList
                  excluded={excluded}
                  kind={need?.kind}
                  holderId={current?.userId ?? null}
                  canOverride={canOverride(me.role)}
                  onOverride={(x) => setTarget({ ticket, person: x, reasons: x.reasons, holder: current })}
                />
              ),
            },
          ]}
        />
      )}
      {outlets.length > 0 && (
        <Flex vertical gap={2} data-testid="rec-outlets">
          <Typography.Text type="secondary">{t('dispatchMap.rec.outlets')}</Typography.Text>
          {outlets.map((o) => (
            <Flex key={o.id} gap={6} align="baseline" wrap data-testid="rec-outlet">
              <Typography.Text>{o.name}</Typography.Text>
              <Typography.Text type={o.eligiblePeople ? 'secondary' : 'warning'}>{outletLine(o, t)}</Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      <AssignDialog target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
}
