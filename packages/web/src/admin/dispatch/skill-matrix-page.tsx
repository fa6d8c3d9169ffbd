import { EditOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainedErrorMessage } from '../../common/api-errors';
import { useLookups } from '../../common/lookups';
import { formatStatedDate } from '../../i18n/format';
import { DISPATCH_KEYS, dispatchApi, type DispatchProfile } from './dispatch-api';
import { ProfileDrawer } from './profile-drawer';
import { SkillImport } from './skill-import';
import { bulkTargets, cellKey, certState, setLevel, shownLevel, skillColumns, toChanges, type CertState } from './skill-matrix-rules';
import { termLabel } from './vocabulary';

// 技能矩阵: people × skills with levels 1–5. Click cells (several) or tick people, then set a level for
// all of them at once; nothing is sent until 保存, which sends every edit in one request (all or none).
// Certifications expiring within 30 days are amber, expired ones red.

const LEVELS = [1, 2, 3, 4, 5];
/** The server's limit on a skill name (profile-schemas.ts SkillName), said at the input up front. */
const SKILL_NAME_MAX = 64;
const CERT_COLOR: Record<CertState, string | undefined> = { valid: undefined, soon: 'warning', expired: 'error' };
const CELL_BG = { selected: '#e6f4ff', pending: '#fffbe6' };

export default function SkillMatrixPage({ today = new Date().toISOString().slice(0, 10) }: { today?: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { teams, teamById } = useLookups();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: DISPATCH_KEYS.profiles, queryFn: () => dispatchApi.profiles() });
  const people = useMemo(() => query.data?.items ?? [], [query.data]);
  const [teamFilter, setTeamFilter] = useState<string | undefined>();
  const [skillFilter, setSkillFilter] = useState<string[]>([]);
  const [added, setAdded] = useState<string[]>([]);
  const [cells, setCells] = useState<Set<string>>(new Set());
  const [picked, setPicked] = useState<string[]>([]);
  const [bulkSkill, setBulkSkill] = useState('');
  const [pending, setPending] = useState<Map<string, number | null>>(new Map());
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [profileOf, setProfileOf] = useState<DispatchProfile | null>(null);

  const allSkills = useMemo(() => skillColumns(people, added, i18n.language), [people, added, i18n.language]);
  // how many of the people hold each skill, as the rule form's pick list says it ("电梯维保 · 6 人")
  const holders = useMemo(() => {
    const n = new Map<string, number>();
    for (const p of people) for (const s of Object.keys(p.skills)) n.set(s, (n.get(s) ?? 0) + 1);
    return n;
  }, [people]);
  const columnsShown = skillFilter.length ? allSkills.filter((s) => skillFilter.includes(s)) : allSkills;
  const rows = teamFilter ? people.filter((p) => p.teamIds.includes(teamFilter)) : people;
  const saved = (userId: string, skill: string) => people.find((p) => p.userId === userId)?.skills[skill] ?? null;

  const toggleCell = (key: string) =>
    setCells((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const apply = (level: number | null) => {
    const targets = bulkTargets(cells, picked, bulkSkill);
    if (!targets.size) return void message.info(t('dispatch.matrix.selectFirst'));
    const skill = bulkSkill.trim();
    if (skill.length > SKILL_NAME_MAX) return void message.error(t('errors.issue.too_big_skill'));
    if (skill && picked.length && !allSkills.includes(skill)) setAdded((a) => [...a, skill]);
    setPending((p) => setLevel(p, targets, level, saved));
    setCells(new Set());
    setPicked([]);
  };
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const { updated } = await dispatchApi.patchSkills(toChanges(pending));
      message.success(t('dispatch.matrix.saved', { count: pending.size, people: updated }));
      setPending(new Map());
      setAdded([]);
      await queryClient.invalidateQueries({ queryKey: DISPATCH_KEYS.profiles });
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const cell = (p: DispatchProfile, skill: string) => {
    const key = cellKey(p.userId, skill);
    const level = shownLevel(p, skill, pending);
    const background = cells.has(key) ? CELL_BG.selected : pending.has(key) ? CELL_BG.pending : undefined;
    return (
      <div
        role="gridcell"
        tabIndex={0}
        aria-selected={cells.has(key)}
        onClick={() => toggleCell(key)}
        onKeyDown={(e) => (e.key === ' ' || e.key === 'Enter') && (e.preventDefault(), toggleCell(key))}
        style={{ background, cursor: 'pointer', textAlign: 'center', padding: '4px 0', borderRadius: 4, fontWeight: pending.has(key) ? 600 : undefined }}
        data-testid={`cell-${p.name}-${skill}`}
        data-level={level ?? ''}
      >
        {level ?? '·'}
      </div>
    );
  };

  const selectedCount = bulkTargets(cells, picked, bulkSkill).size;
  return (
    <Flex vertical gap={12} data-testid="skill-matrix-page">
      <Typography.Text type="secondary">{t('dispatch.matrix.intro')}</Typography.Text>
      <Flex gap={8} wrap justify="space-between">
        <Space wrap>
          <Select
            allowClear
            placeholder={t('dispatch.matrix.allTeams')}
            value={teamFilter}
            onChange={setTeamFilter}
            options={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            style={{ width: 180 }}
            data-testid="matrix-team-filter"
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('dispatch.matrix.allSkills')}
            value={skillFilter}
            onChange={setSkillFilter}
            options={allSkills.map((s) => ({ value: s, label: s }))}
            style={{ minWidth: 220 }}
            data-testid="matrix-skill-filter"
          />
        </Space>
        <SkillImport onDone={() => void queryClient.invalidateQueries({ queryKey: DISPATCH_KEYS.profiles })} />
      </Flex>
      <Flex gap={8} wrap align="center" data-testid="matrix-bulk">
        <Typography.Text data-testid="matrix-selected">{t('dispatch.matrix.selected', { cells: cells.size, people: picked.length })}</Typography.Text>
        <AutoComplete
          value={bulkSkill}
          onChange={setBulkSkill}
          options={allSkills.map((s) => ({ value: s, label: holders.has(s) ? termLabel({ name: s, people: holders.get(s)! }, t) : s }))}
          placeholder={t('dispatch.matrix.skillForPeople')}
          maxLength={SKILL_NAME_MAX}
          style={{ width: 180 }}
          data-testid="matrix-bulk-skill"
        />
        {bulkSkill.length > 0 && (
          <Typography.Text type={bulkSkill.length > SKILL_NAME_MAX ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="matrix-bulk-skill-count">
            {bulkSkill.length}/{SKILL_NAME_MAX}
          </Typography.Text>
        )}
        {LEVELS.map((l) => (
          <Button key={l} size="small" disabled={!selectedCount} onClick={() => apply(l)} data-testid={`matrix-set-${l}`}>
            {t('dispatch.matrix.level', { level: l })}
          </Button>
        ))}
        <Button size="small" danger disabled={!selectedCount} onClick={() => apply(null)} data-testid="matrix-set-none">
          {t('dispatch.matrix.clear')}
        </Button>
        <span style={{ marginInlineStart: 'auto' }} />
        <Button disabled={!pending.size || saving} onClick={() => setPending(new Map())} data-testid="matrix-discard">
          {t('dispatch.matrix.discard')}
        </Button>
        <Button type="primary" disabled={!pending.size} loading={saving} onClick={() => void save()} data-testid="matrix-save">
          {t('dispatch.matrix.save', { count: pending.size })}
        </Button>
      </Flex>
      {!!(error ?? query.error) && <Alert type="error" showIcon title={explainedErrorMessage(error ?? query.error, t)} data-testid="matrix-error" />}
      <Table<DispatchProfile>
        rowKey="userId"
        size="small"
        bordered
        loading={query.isFetching && !people.length}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 320 + columnsShown.length * 90 }}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (keys) => setPicked(keys as string[]),
          columnWidth: 36,
          getCheckboxProps: (p) => ({ 'aria-label': t('dispatch.matrix.pick', { name: p.name }) }) as never,
          columnTitle: (
            <Checkbox
              aria-label={t('dispatch.matrix.pickAll')}
              checked={!!rows.length && rows.every((p) => picked.includes(p.userId))}
              indeterminate={picked.length > 0 && !rows.every((p) => picked.includes(p.userId))}
              onChange={(e) => setPicked(e.target.checked ? rows.map((p) => p.userId) : [])}
              data-testid="matrix-pick-all"
            />
          ),
        }}
        locale={{ emptyText: t('dispatch.matrix.empty') }}
        onRow={(p) => ({ 'data-testid': `matrix-row-${p.name}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('dispatch.matrix.person'),
            fixed: 'left',
            width: 150,
            render: (_, p) => (
              <Flex vertical align="start">
                <Flex gap={4} align="center">
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Button type="text" size="small" icon={<EditOutlined aria-hidden />} title={t('dispatch.profile.edit')} aria-label={t('dispatch.profile.editOf', { name: p.name })} onClick={() => setProfileOf(p)} data-testid={`profile-edit-${p.name}`} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[t(`role.${p.role}`), ...p.teamIds.map((id) => teamById.get(id)?.name ?? '')].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            ),
          },
          ...columnsShown.map((skill) => ({ key: `s:${skill}`, title: skill, width: 90, align: 'center' as const, render: (_: unknown, p: DispatchProfile) => cell(p, skill) })),
          {
            key: 'certs',
            title: t('dispatch.matrix.certifications'),
            width: 220,
            render: (_, p) =>
              p.certifications.length ? (
                <Flex gap={4} wrap>
                  {p.certifications.map((c) => {
                    const state = certState(c.expires, today);
                    return (
                      <Tag key={c.name} color={CERT_COLOR[state]} data-testid={`cert-${p.name}-${c.name}`} data-state={state}>
                        {c.name} · {c.expires ? (state === 'expired' ? t('dispatch.matrix.expired', { date: formatStatedDate(c.expires) }) : t('dispatch.matrix.expires', { date: formatStatedDate(c.expires) })) : t('dispatch.matrix.never')}
                      </Tag>
                    );
                  })}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('dispatch.matrix.noCerts')}</Typography.Text>
              ),
          },
        ]}
      />
      <ProfileDrawer
        profile={profileOf}
        onClose={() => setProfileOf(null)}
        onSaved={() => {
          setProfileOf(null);
          void queryClient.invalidateQueries({ queryKey: DISPATCH_KEYS.profiles });
        }}
      />
    </Flex>
  );
}
