import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RuleTargets } from './rule-targets';

// An ordered list of keyword rules (the first match wins) inside an antd Form: the channel dialog's
// `defaults.rules` and the cold-start `rules` of ticket intelligence.

interface Props {
  /** The Form.List's name in the surrounding form. */
  name: (string | number)[];
  disabled?: boolean;
  /** Rules of ticket intelligence set no tags. */
  withTags?: boolean;
  /** The list's test id (each rule is `rule-<i>-…`). */
  testId?: string;
}

export function KeywordRulesEditor({ name, disabled, withTags = true, testId = 'channel-rules' }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <div data-testid={testId}>
          {rows.map((row, i) => (
            <Card
              key={row.key}
              size="small"
              style={{ marginBottom: 8 }}
              data-testid="channel-rule"
              title={t('intake.channels.ruleN', { n: i + 1 })}
              extra={
                !disabled && (
                  <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} onClick={() => remove(row.name)} aria-label={t('intake.channels.removeRule')} data-testid={`rule-${i}-remove`} />
                )
              }
            >
              <Form.Item name={[row.name, 'keywords']} label={t('intake.channels.keywords')} rules={[{ required: true, type: 'array', min: 1, message: t('intake.channels.keywordsRequired') }]}>
                <Select mode="tags" disabled={disabled} open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} data-testid={`rule-${i}-keywords`} />
              </Form.Item>
              <RuleTargets prefix={[row.name]} testId={`rule-${i}`} disabled={disabled} withTags={withTags} />
            </Card>
          ))}
          {!disabled && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ keywords: [] })} data-testid="rule-add">
              {t('intake.channels.addRule')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
