import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client';
import { intelApi } from '../../api/intelligence-endpoints';
import type { RoutingRule } from '../../api/intake-types';
import { useFormSubmit } from '../../common/use-form-submit';
import { KeywordRulesEditor } from '../routing/keyword-rules-editor';
import { cleanRules, ruleFieldPaths, type RuleValues } from '../routing/keyword-rules';

// The cold-start keyword rules: until a target has a trained model, the first rule whose keyword
// the ticket mentions sets it. The channels' rules editor, without tags (intelligence sets none).

interface Values {
  rules: RuleValues[];
}

const toValues = (rules: RoutingRule[] | undefined): Values => ({ rules: (rules ?? []).map((r) => ({ ...r })) });

export function RulesCard({ rules, canEdit, onSaved }: { rules: RoutingRule[] | undefined; canEdit: boolean; onSaved: (rules: RoutingRule[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const known = () => ruleFieldPaths('rules', (form.getFieldValue('rules') as RuleValues[] | undefined)?.length ?? 0, ['keywords', 'categoryId', 'teamId', 'priority']);
  // a category or team deleted meanwhile: said in words, not the server's
  const describe = (issue: FieldIssue) =>
    /^rules\.\d+\.categoryId$/.test(issue.field) ? t('intel.admin.rules.unknownCategory') : /^rules\.\d+\.teamId$/.test(issue.field) ? t('intel.admin.rules.unknownTeam') : null;
  const { busy, general, submit } = useFormSubmit(form, known, { describe });

  useEffect(() => form.setFieldsValue(toValues(rules)), [form, rules]);

  const save = () =>
    submit(async () => {
      // all values: the tags of a rule (set elsewhere, not shown here) are kept
      const all = form.getFieldsValue(true) as Values;
      const saved = await intelApi.updateSettings({ rules: cleanRules(all.rules) });
      onSaved(saved.rules ?? []);
      message.success(t('intel.admin.rules.saved'));
    });

  return (
    <Card size="small" title={t('intel.admin.rules.title')} data-testid="intel-rules">
      <Typography.Paragraph type="secondary">{t('intel.admin.rules.help')}</Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!canEdit} initialValues={toValues(rules)}>
        <KeywordRulesEditor name={['rules']} disabled={!canEdit} withTags={false} testId="intel-rules-list" />
        {general && <Alert type="error" showIcon title={general} style={{ margin: '12px 0' }} data-testid="intel-rules-error" />}
        {canEdit && (
          <Button type="primary" onClick={save} loading={busy} style={{ marginTop: 12 }} data-testid="intel-rules-save">
            {t('intel.admin.rules.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
