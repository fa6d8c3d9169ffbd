import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Modal, Space, Tag, TimePicker, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../common/api-errors';
import { fieldApi } from './field-api';
import { windowText, type VisitWindow } from './visit-window';

// 预约上门: the visit's time window agreed with the customer — shown, and booked or moved by a dispatcher
// on the ticket page or by the engineer on the phone (PUT /field/jobs/{id}/visit).

/** The window on a day from two times of day; null when it does not end after it starts. */
export function bookedWindow(day: Dayjs, from: Dayjs, to: Dayjs): { windowStart: string; windowEnd: string } | null {
  const at = (t: Dayjs) => day.hour(t.hour()).minute(t.minute()).second(0).millisecond(0);
  const start = at(from);
  const end = at(to);
  return end.isAfter(start) ? { windowStart: start.toISOString(), windowEnd: end.toISOString() } : null;
}

/** The next half hour from `now`, and two hours after it: what the form offers first. */
function firstGuess(now: Dayjs): [Dayjs, Dayjs, Dayjs] {
  const start = now.add(30 - (now.minute() % 30), 'minute').second(0).millisecond(0);
  return [start.startOf('day'), start, start.add(2, 'hour')];
}

interface Values {
  day: Dayjs;
  times: [Dayjs, Dayjs];
}

export function VisitBooking({ ticketId, window, canBook, onBooked }: { ticketId: string; window: VisitWindow | null; canBook: boolean; onBooked: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const book = useMutation({
    mutationFn: (w: { windowStart: string; windowEnd: string }) => fieldApi.book(ticketId, w),
    onSuccess: () => {
      void message.success(t('fieldApp.booking.saved'));
      setOpen(false);
      onBooked();
    },
    onError: (err) => void message.error(errorMessage(err, t)),
  });
  const start = () => {
    const [day, from, to] = window ? [dayjs(window.start).startOf('day'), dayjs(window.start), dayjs(window.end ?? dayjs(window.start).add(2, 'hour'))] : firstGuess(dayjs());
    form.setFieldsValue({ day, times: [from, to] });
    setOpen(true);
  };
  const save = async () => {
    const v = await form.validateFields();
    const w = bookedWindow(v.day, v.times[0], v.times[1]);
    if (!w) {
      form.setFields([{ name: 'times', errors: [t('fieldApp.booking.endAfterStart')] }]);
      return;
    }
    book.mutate(w);
  };
  return (
    <Space wrap size={6} data-testid="visit-booking">
      <Typography.Text type="secondary">{t('fieldApp.booking.label')}</Typography.Text>
      {window ? (
        <Tag color="purple" data-testid="visit-window">
          {windowText(window)}
        </Tag>
      ) : (
        <Typography.Text type="secondary" data-testid="visit-window">
          {t('fieldApp.booking.none')}
        </Typography.Text>
      )}
      {canBook && (
        <Button size="small" onClick={start} data-testid="visit-book">
          {window ? t('fieldApp.booking.move') : t('fieldApp.booking.book')}
        </Button>
      )}
      <Modal open={open} title={t('fieldApp.booking.title')} onOk={() => void save()} okButtonProps={{ loading: book.isPending, 'data-testid': 'visit-book-save' } as ButtonProps} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="day" label={t('fieldApp.booking.day')} rules={[{ required: true, message: t('fieldApp.booking.dayRequired') }]}>
            <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} style={{ width: '100%' }} data-testid="visit-book-day" />
          </Form.Item>
          <Form.Item name="times" label={t('fieldApp.booking.times')} rules={[{ required: true, message: t('fieldApp.booking.timesRequired') }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={15} order={false} style={{ width: '100%' }} data-testid="visit-book-times" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
