import { Form, Input, Switch, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The fields a webhook and a notification channel both have, in the order both forms show them: the
// name, the address, the target's own fields (children), and whether it is on.

interface Props {
  /** webhook / channel: the prefix of the inputs' test ids */
  testId: string;
  /** the address field: its name, label, help and rules differ between the two */
  url: Pick<FormItemProps, 'name' | 'label' | 'extra' | 'rules'> & { placeholder?: string };
  children?: ReactNode;
}

export function TargetFields({ testId, url: { placeholder, ...url }, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('delivery.name')} rules={[{ required: true, whitespace: true, message: t('delivery.nameRequired') }]}>
        <Input maxLength={100} data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item {...url}>
        <Input placeholder={placeholder ?? 'https://…'} data-testid={`${testId}-url`} />
      </Form.Item>
      {children}
      <Form.Item name="active" label={t('delivery.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
