import { ClearOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Dropdown, Input, Select, Space, Tooltip, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, STATUSES, type TicketFilters } from '../../api/types';
import { useCategoryTree, useLookups } from '../../common/lookups';
import { resolveContact, resolveStaff, searchContacts, searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';
import { COLUMNS, SORTS, type Column } from './list-state';
import { clearable, selectArrow, useSelectClear } from '../../common/quiet-icons';
import { SLA_FILTER_STATES, slaFilter, type SlaState } from '../../sla/sla-types';

// Filters on every field the list API supports, the full-text box, sort and the column chooser.

interface Props {
  filters: TicketFilters;
  sort: string;
  columns: Column[];
  onFilters: (f: TicketFilters) => void;
  onSort: (s: string) => void;
  onColumns: (c: Column[]) => void;
  onRefresh: () => void;
  /** In the phone's filter drawer: one control per line, full width, no column chooser (cards have no columns). */
  stacked?: boolean;
}

const SORT_LABEL: Record<string, string> = {
  '-updated_at': 'list.sortUpdatedDesc',
  updated_at: 'list.sortUpdatedAsc',
  '-created_at': 'list.sortCreatedDesc',
  created_at: 'list.sortCreatedAsc',
  '-priority': 'list.sortPriorityDesc',
  '-number': 'list.sortNumberDesc',
  sla_due_at: 'sla.list.sortDue',
};

const COLUMN_LABEL: Record<Column, string> = {
  number: 'field.number',
  title: 'field.title',
  status: 'field.status',
  priority: 'field.priority',
  sla: 'sla.list.column',
  requester: 'field.requester',
  assignee: 'field.assignee',
  team: 'field.team',
  category: 'field.category',
  channel: 'field.channel',
  tags: 'field.tags',
  createdAt: 'field.createdAt',
  updatedAt: 'field.updatedAt',
};
export const columnLabelKey = (c: Column) => COLUMN_LABEL[c];

type Range = [Dayjs | null, Dayjs | null] | null;
const toRange = (from?: string, to?: string): Range => (from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null);
const fromRange = (r: Range) => ({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') });

/** A from–to date filter; either end may stay open. */
function DateRange({ testId, label, from, to, onChange, width }: { testId: string; label: string; from?: string; to?: string; onChange: (from?: string, to?: string) => void; width: number | string }) {
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      allowEmpty={[true, true]}
      placeholder={[label, label]}
      value={toRange(from, to)}
      onChange={(r) => {
        const v = fromRange(r as Range);
        onChange(v.from, v.to);
      }}
      style={{ width }}
    />
  );
}

export function FilterBar({ filters, sort, columns, onFilters, onSort, onColumns, onRefresh, stacked = false }: Props) {
  const { t } = useTranslation();
  const selectClear = useSelectClear();
  const { teams } = useLookups();
  const categoryTree = useCategoryTree();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const set = (patch: Partial<TicketFilters>) => onFilters({ ...filters, ...patch });
  // widths: the bar's own, or the whole line in the phone's drawer
  const width = (px: number) => ({ width: stacked ? '100%' : px });
  const w = width(150);

  return (
    <Space wrap={!stacked} orientation={stacked ? 'vertical' : 'horizontal'} size={[8, 8]} style={stacked ? { width: '100%' } : undefined} data-testid="filter-bar">
      <Input.Search
        data-testid="filter-q"
        allowClear={clearable}
        placeholder={t('list.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        style={width(280)}
      />
      <Select
        data-testid="filter-status"
        mode="multiple"
        allowClear={selectClear}
        maxTagCount="responsive"
        placeholder={t('field.status')}
        value={filters.status ?? []}
        onChange={(v) => set({ status: v })}
        options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        style={width(200)}
      />
      <Select
        data-testid="filter-priority"
        mode="multiple"
        allowClear={selectClear}
        maxTagCount="responsive"
        placeholder={t('field.priority')}
        value={filters.priority ?? []}
        onChange={(v) => set({ priority: v })}
        options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        style={w}
      />
      <Select
        data-testid="filter-sla"
        mode="multiple"
        allowClear={selectClear}
        maxTagCount="responsive"
        placeholder={t('sla.list.filter')}
        value={slaFilter(filters)}
        onChange={(v: SlaState[]) => set({ sla: v })}
        options={SLA_FILTER_STATES.map((s) => ({ value: s, label: t(`sla.state.${s}`) }))}
        style={w}
      />
      <TreeSelect
        suffixIcon={selectArrow}
        data-testid="filter-category"
        allowClear={selectClear}
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={t('field.category')}
        value={filters.categoryId}
        onChange={(v) => set({ categoryId: v ?? undefined })}
        treeData={categoryTree}
        style={width(180)}
        popupMatchSelectWidth={false}
      />
      <Select
        data-testid="filter-team"
        mode="multiple"
        allowClear={selectClear}
        maxTagCount="responsive"
        placeholder={t('field.team')}
        value={filters.team ?? []}
        onChange={(v) => set({ team: v })}
        options={[{ value: 'none', label: t('list.teamNone') }, ...teams.map((tm) => ({ value: tm.id, label: tm.name }))]}
        style={w}
      />
      <RemoteSelect
        testId="filter-assignee"
        placeholder={t('field.assignee')}
        value={filters.assignee}
        onChange={(v) => set({ assignee: v })}
        search={searchStaff}
        resolve={resolveStaff}
        extra={[
          { value: 'me', label: t('list.assigneeMe') },
          { value: 'none', label: t('list.assigneeNone') },
        ]}
        style={w}
      />
      <RemoteSelect
        testId="filter-requester"
        placeholder={t('list.requesterPlaceholder')}
        value={filters.requesterId}
        onChange={(v) => set({ requesterId: v })}
        search={searchContacts}
        resolve={resolveContact}
        style={w}
      />
      <Select
        data-testid="filter-tag"
        mode="tags"
        allowClear={selectClear}
        maxTagCount="responsive"
        placeholder={t('field.tags')}
        value={filters.tag ?? []}
        onChange={(v: string[]) => set({ tag: v })}
        open={false}
        suffixIcon={null}
        style={w}
      />
      <DateRange testId="filter-created" label={t('list.createdRange')} from={filters.createdFrom} to={filters.createdTo} onChange={(from, to) => set({ createdFrom: from, createdTo: to })} width={stacked ? '100%' : 240} />
      <DateRange testId="filter-updated" label={t('list.updatedRange')} from={filters.updatedFrom} to={filters.updatedTo} onChange={(from, to) => set({ updatedFrom: from, updatedTo: to })} width={stacked ? '100%' : 240} />
      <Select
        data-testid="sort"
        value={sort}
        onChange={onSort}
        options={SORTS.map((s) => ({ value: s, label: t(SORT_LABEL[s]) }))}
        style={width(160)}
        prefix={t('list.sort')}
      />
      {!stacked && (
      <Dropdown
        trigger={['click']}
        popupRender={() => (
          <div style={{ background: 'var(--ant-color-bg-elevated, #fff)', padding: 12, borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,.12)' }}>
            <Checkbox.Group
              data-testid="column-chooser"
              value={columns}
              onChange={(v) => onColumns(COLUMNS.filter((c) => (v as string[]).includes(c)))}
              style={{ display: 'grid', gap: 6 }}
              options={COLUMNS.map((c) => ({ value: c, label: t(COLUMN_LABEL[c]), disabled: c === 'number' || c === 'title' }))}
            />
          </div>
        )}
      >
        <Button icon={<SettingOutlined aria-hidden />} data-testid="columns-button">
          {t('list.columns')}
        </Button>
      </Dropdown>
      )}
      <Tooltip title={t('list.clearFilters')}>
        <Button icon={<ClearOutlined aria-hidden />} onClick={() => onFilters({})} data-testid="clear-filters" aria-label={t('list.clearFilters')} />
      </Tooltip>
      <Tooltip title={t('list.refresh')}>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onRefresh} data-testid="refresh" aria-label={t('list.refresh')} />
      </Tooltip>
    </Space>
  );
}
