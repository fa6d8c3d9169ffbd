import { Col, Form, Row, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../api/types';
import { useCategoryTree, useLookups } from '../../common/lookups';

// What a routing default or keyword rule sets on a new ticket: category, team, priority and (where
// the rules' reader uses them) tags. Shared by the channel dialog and the 智能分类 page.

export function RuleTargets({ prefix, testId, disabled, withTags = true }: { prefix: (string | number)[]; testId: string; disabled?: boolean; withTags?: boolean }) {
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
      {withTags && (
        <Col xs={24} sm={12}>
          <Form.Item name={[...prefix, 'tags']} label={t('intake.channels.tags')}>
            <Select mode="tags" disabled={disabled} open={false} suffixIcon={null} tokenSeparators={[',', '，']} data-testid={`${testId}-tags`} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
