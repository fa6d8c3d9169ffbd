import { Button, Flex, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// A write-only secret: whether one is stored (已设置 / 未设置), a field to replace it, and "clear".
// Value: undefined or '' keeps the stored secret, a string replaces it, null removes it.

interface Props {
  name: string;
  isSet: boolean;
  value?: string | null;
  onChange?: (v: string | null | undefined) => void;
  disabled?: boolean;
}

export function SecretField({ name, isSet, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const clearing = value === null;
  return (
    <Flex gap={8} align="center" data-testid={`secret-${name}`}>
      <Tag color={clearing ? 'warning' : isSet ? 'success' : 'default'} data-testid={`secret-${name}-state`} style={{ flexShrink: 0 }}>
        {clearing ? t('intake.channels.secretWillClear') : isSet ? t('intake.channels.secretSet') : t('intake.channels.secretUnset')}
      </Tag>
      <Input.Password
        value={clearing ? '' : (value ?? '')}
        disabled={disabled || clearing}
        autoComplete="new-password"
        visibilityToggle={false}
        placeholder={isSet ? t('intake.channels.secretReplace') : t('intake.channels.secretNew')}
        onChange={(e) => onChange?.(e.target.value || undefined)}
        data-testid={`secret-${name}-input`}
      />
      {isSet && !disabled && (
        <Button size="small" type="link" onClick={() => onChange?.(clearing ? undefined : null)} data-testid={`secret-${name}-clear`}>
          {clearing ? t('intake.channels.secretUndo') : t('intake.channels.secretClear')}
        </Button>
      )}
    </Flex>
  );
}
