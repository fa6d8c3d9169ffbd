import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Row, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../api/types';
import { useCategoryTree, useLocalName, useLookups } from '../../common/lookups';

// A channel's routing: defaults for new tickets and ordered keyword rules (the first match wins).

function Targets({ prefix, testId, disabled }: { prefix: (string | number)[]; testId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const { teams } = useLookups();
  const tree = useCategoryTree();
  return (
    <Row gutter={8}>
      <Col xs={24} sm={12}>
        <Form.Item name={[...prefix, 'categoryId']} label={t('intake.channels.category')}>
          <TreeSelect allowClear treeData={tree} treeDefaultExpandAll disabled={disabled} data-testid={`${testId}-category`} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[...prefix, 'teamId']} label={t('intake.channels.team')}>
          <Select allowClear disabled={disabled} data-testid={`${testId}-team`} options={teams.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[...prefix, 'priority']} label={t('intake.channels.priority')}>
          <Select allowClear disabled={disabled} data-testid={`${testId}-priority`} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name={[...prefix, 'tags']} label={t('intake.channels.tags')}>
          <Select mode="tags" disabled={disabled} open={false} suffixIcon={null} tokenSeparators={[',', '，']} data-testid={`${testId}-tags`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function RoutingFields({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { ticketTypes } = useLookups();
  const name = useLocalName();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('intake.channels.routingHelp')}</Typography.Paragraph>
      <Targets prefix={['defaults']} testId="channel-default" disabled={disabled} />
      <Form.Item name={['defaults', 'typeId']} label={t('intake.channels.type')}>
        <Select allowClear disabled={disabled} data-testid="channel-default-type" options={ticketTypes.map((x) => ({ value: x.id, label: name(x) }))} />
      </Form.Item>
      <Typography.Title level={5}>{t('intake.channels.rules')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intake.channels.rulesHelp')}</Typography.Paragraph>
      <Form.List name={['defaults', 'rules']}>
        {(rows, { add, remove }) => (
          <div data-testid="channel-rules">
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 8 }}
                data-testid="channel-rule"
                title={t('intake.channels.ruleN', { n: i + 1 })}
                extra={
                  !disabled && (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('intake.channels.removeRule')} data-testid={`rule-${i}-remove`} />
                  )
                }
              >
                <Form.Item
                  name={[row.name, 'keywords']}
                  label={t('intake.channels.keywords')}
                  rules={[{ required: true, type: 'array', min: 1, message: t('intake.channels.keywordsRequired') }]}
                >
                  <Select mode="tags" disabled={disabled} open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} data-testid={`rule-${i}-keywords`} />
                </Form.Item>
                <Targets prefix={[row.name]} testId={`rule-${i}`} disabled={disabled} />
              </Card>
            ))}
            {!disabled && (
              <Button icon={<PlusOutlined />} onClick={() => add({ keywords: [] })} data-testid="rule-add">
                {t('intake.channels.addRule')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </>
  );
}
