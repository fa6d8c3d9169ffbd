import { Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalName, useLookups } from '../../common/lookups';
import { KeywordRulesEditor } from '../routing/keyword-rules-editor';
import { RuleTargets } from '../routing/rule-targets';

// A channel's routing: defaults for new tickets and ordered keyword rules (the first match wins).

export function RoutingFields({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { ticketTypes } = useLookups();
  const name = useLocalName();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('intake.channels.routingHelp')}</Typography.Paragraph>
      <RuleTargets prefix={['defaults']} testId="channel-default" disabled={disabled} />
      <Form.Item name={['defaults', 'typeId']} label={t('intake.channels.type')}>
        <Select allowClear disabled={disabled} data-testid="channel-default-type" options={ticketTypes.map((x) => ({ value: x.id, label: name(x) }))} />
      </Form.Item>
      <Typography.Title level={5}>{t('intake.channels.rules')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intake.channels.rulesHelp')}</Typography.Paragraph>
      <KeywordRulesEditor name={['defaults', 'rules']} disabled={disabled} />
    </>
  );
}
