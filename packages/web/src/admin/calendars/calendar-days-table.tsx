import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from './calendars-api';

// 节假日与调休: the dated exceptions of a calendar, edited in place; a 调休 workday uses the Monday hours.

const WEEKDAY_OF = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d.getUTCDay();
};

export function CalendarDaysTable({ days, onChange }: { days: CalendarDay[]; onChange: (days: CalendarDay[]) => void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<CalendarDay>) => onChange(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const add = () => onChange([...days, { day: '', kind: 'holiday', name: '', hours: null }]);
  return (
    <Flex vertical gap={8} data-testid="calendar-days">
      <Table<CalendarDay & { i: number }>
        rowKey="i"
        size="small"
        pagination={days.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={days.map((d, i) => ({ ...d, i }))}
        locale={{ emptyText: t('calendars.days.empty') }}
        columns={[
          {
            key: 'day',
            title: t('calendars.days.day'),
            width: 170,
            render: (_, r) => {
              const wd = WEEKDAY_OF(r.day);
              return (
                <Flex gap={4} align="center">
                  <Input size="small" value={r.day} placeholder="2026-10-01" maxLength={10} onChange={(e) => set(r.i, { day: e.target.value.trim() })} data-testid={`calendar-day-${r.i}`} />
                  {wd != null && <Tag>{t(`calendars.weekdayShort.${wd === 0 ? 7 : wd}`)}</Tag>}
                </Flex>
              );
            },
          },
          {
            key: 'kind',
            title: t('calendars.days.kind'),
            width: 130,
            render: (_, r) => (
              <Select
                size="small"
                value={r.kind}
                style={{ width: 120 }}
                onChange={(kind) => set(r.i, { kind, hours: kind === 'holiday' ? null : r.hours })}
                options={[
                  { value: 'holiday', label: t('calendars.days.holiday') },
                  { value: 'workday', label: t('calendars.days.workday') },
                ]}
              />
            ),
          },
          { key: 'name', title: t('calendars.days.name'), render: (_, r) => <Input size="small" value={r.name} maxLength={200} onChange={(e) => set(r.i, { name: e.target.value })} /> },
          {
            key: 'actions',
            title: '',
            width: 48,
            render: (_, r) => (
              <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('app.delete')} onClick={() => onChange(days.filter((_, j) => j !== r.i))} />
            ),
          },
        ]}
      />
      <Button icon={<PlusOutlined aria-hidden />} onClick={add} style={{ alignSelf: 'flex-start' }} data-testid="calendar-day-add">
        {t('calendars.days.add')}
      </Button>
    </Flex>
  );
}
