import { Button, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidates } from './dispatch-types';
import { exclusionText } from './dispatch-words';

// The people a hard rule keeps from a ticket (不可派). On an on-site ticket the desk agents with no field
// capacity of their own would each be listed as 不在班；不在处理团队；已满负荷（0/0）with a 强制派单: they do
// no on-site work at all, so they fold into one line (names on request). The ticket's holder is never
// offered a 强制派单 to themselves.

type Excluded = Candidates['excluded'][number];

/** Whether the person does no on-site work at all: their field capacity is 0 (the capacity rule says so). */
export function doesNoFieldWork(x: Excluded): boolean {
  return x.reasons.some((r) => r.rule === 'capacity' && r.detail.kind === 'field' && Number(r.detail.capacity) === 0);
}

/** The listed people, and those folded away (none unless the ticket is on-site). */
export function splitExcluded(excluded: Excluded[], kind: string | null | undefined): { listed: Excluded[]; noFieldWork: Excluded[] } {
  if (kind !== 'field') return { listed: excluded, noFieldWork: [] };
  return { listed: excluded.filter((x) => !doesNoFieldWork(x)), noFieldWork: excluded.filter(doesNoFieldWork) };
}

export function ExcludedList({ excluded, kind, holderId, canOverride, onOverride }: {
  excluded: Excluded[];
  kind: string | null | undefined;
  holderId: string | null;
  canOverride: boolean;
  onOverride: (x: Excluded) => void;
}) {
  const { t } = useTranslation();
  const [showNames, setShowNames] = useState(false);
  const { listed, noFieldWork } = splitExcluded(excluded, kind);
  return (
    <>
      {listed.length > 0 && (
        <List
          size="small"
          dataSource={listed}
          renderItem={(x) => (
            <List.Item
              data-testid="excluded-person"
              actions={
                x.userId === holderId
                  ? [<Tag key="holder" color="blue" data-testid="excluded-holder">{t('dispatchMap.rec.holder')}</Tag>]
                  : canOverride
                    ? [
                        <Button key="override" danger size="small" onClick={() => onOverride(x)} data-testid="override-open">
                          {t('dispatchMap.rec.override')}
                        </Button>,
                      ]
                    : []
              }
            >
              <List.Item.Meta title={x.name} description={<span data-testid="excluded-reasons">{x.reasons.map((r) => exclusionText(r, t)).join(t('app.clauseSep'))}</span>} />
            </List.Item>
          )}
        />
      )}
      {noFieldWork.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="excluded-no-field">
          {t('dispatchMap.rec.noFieldWork', { count: noFieldWork.length })}{' '}
          <Button type="link" size="small" onClick={() => setShowNames((v) => !v)} data-testid="excluded-no-field-toggle">
            {t(showNames ? 'dispatchMap.rec.hideNames' : 'dispatchMap.rec.showNames')}
          </Button>
          {showNames && <span data-testid="excluded-no-field-names">{noFieldWork.map((x) => x.name).join(t('app.phraseSep'))}</span>}
        </Typography.Paragraph>
      )}
    </>
  );
}
