import { Alert, Divider, Form, Select, Space, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogApi, ticketsApi } from '../../api/endpoints';
import { PRIORITIES, type CustomField, type Ticket } from '../../api/types';
import type { SignedIn } from '../../auth/auth-context';
import { mapErrorToFields } from '../../common/api-errors';
import { useCategoryTree, useLocalName, useLookups } from '../../common/lookups';
import { resolveStaff, searchStaff } from '../../common/people-search';
import { RemoteSelect } from '../../common/remote-select';
import { resolveAsset, searchAssets } from '../../assets/asset-search';
import { CustomFieldInput, fieldsForType } from '../custom-field-input';
import { siteOf } from '../site/site-geo';
import { SiteProperty } from '../site/site-input';
import { allowedStatuses } from '../ticket-tags';
import { LinksAndSubtasks, RequesterTickets, Watchers } from './related-panels';
import { ResolveDialog } from './resolve-dialog';
import { TransferDialog, type TransferTarget } from './transfer-dialog';
import { ApiError } from '../../api/client';
import { selectArrow, useSelectClear } from '../../common/quiet-icons';

// The ticket's properties, each saved as soon as it is changed; errors appear under the field.
// Changing an existing assignee or team asks for the transfer reason (转派原因), kept on the timeline; a
// person the dispatch rules exclude is refused, or assigned by a supervisor's override with a reason.

export interface SidePanelHandle {
  assign: (userId: string) => void;
}

interface Props {
  ticket: Ticket;
  me: SignedIn;
  version: number;
  /** Fields the intelligence set (categoryId, teamId, priority), marked beside their label. */
  setByIntelligence?: string[];
  onUpdated: (t: Ticket) => void;
}

const FIELDS = ['status', 'priority', 'categoryId', 'typeId', 'teamId', 'assigneeId', 'tags', 'assetId', 'customFields', 'transferReason'];

export const SidePanel = forwardRef<SidePanelHandle, Props>(function SidePanel({ ticket, me, version, setByIntelligence = [], onUpdated }, ref) {
  const { t } = useTranslation();
  const selectClear = useSelectClear();
  const { teams, ticketTypes } = useLookups();
  const categoryTree = useCategoryTree();
  const name = useLocalName();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [fields, setFields] = useState<CustomField[]>([]);
  const [transfer, setTransfer] = useState<TransferTarget | null>(null);
  // 已解决 asks for the resolution note (and what else the ticket type requires) first
  const [resolving, setResolving] = useState(false);

  useEffect(() => {
    catalogApi
      .customFields(ticket.typeId ?? undefined)
      .then((r) => setFields(fieldsForType(r.items, ticket.typeId)))
      .catch(() => setFields([]));
  }, [ticket.typeId]);

  const save = async (patch: Record<string, unknown>, field: string) => {
    setSaving(field);
    setErrors((e) => ({ ...e, [field]: '' }));
    try {
      onUpdated(await ticketsApi.update(ticket.id, patch));
      return true;
    } catch (err) {
      // a person the dispatch rules exclude: the dialog names the rules (and lets a supervisor override)
      if (field === 'assigneeId' && typeof patch.assigneeId === 'string' && err instanceof ApiError && err.code === 'DISPATCH_RULE_VIOLATION') {
        setTransfer({ field: 'assigneeId', to: patch.assigneeId, refused: true });
        return false;
      }
      const { fields: fe, general } = mapErrorToFields(err, t, FIELDS);
      const next: Record<string, string> = {};
      for (const f of fe) next[String(f.name[0]) === 'customFields' && f.name[1] ? `cf.${f.name[1]}` : String(f.name[0])] = f.errors.join('；');
      if (general) next[field] = general;
      setErrors((e) => ({ ...e, ...next }));
      return false;
    } finally {
      setSaving(null);
    }
  };

  const assign = (to: string | null) => {
    if (to === ticket.assigneeId) return;
    if (ticket.assigneeId && to) setTransfer({ field: 'assigneeId', to });
    else void save({ assigneeId: to }, 'assigneeId');
  };
  useImperativeHandle(ref, () => ({ assign }));

  // required fields a customer writing in did not fill (the server says which; the definitions give their names)
  const missing = fields.filter((f) => ticket.missingFields?.includes(f.key));

  const marked = (field: string, label: string) =>
    setByIntelligence.includes(field) ? (
      <Space size={4}>
        {label}
        <Tooltip title={t('intel.setByIntelHelp')}>
          <Tag color="geekblue" bordered={false} style={{ fontSize: 11, lineHeight: '18px', marginInlineEnd: 0 }} data-testid={`set-by-intel-${field}`}>
            {t('intel.setByIntel')}
          </Tag>
        </Tooltip>
      </Space>
    ) : (
      label
    );

  const item = (field: string, label: string, node: React.ReactNode) => (
    <Form.Item label={marked(field, label)} validateStatus={errors[field] ? 'error' : saving === field ? 'validating' : undefined} help={errors[field] || undefined} style={{ marginBottom: 12 }}>
      {node}
    </Form.Item>
  );

  return (
    <div data-testid="side-panel">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('detail.properties')}
      </Typography.Title>
      <Form layout="vertical" size="middle">
        {item(
          'status',
          t('field.status'),
          <Select
            data-testid="field-status"
            value={ticket.status}
            onChange={(v) => (v === 'resolved' ? setResolving(true) : void save({ status: v }, 'status'))}
            options={allowedStatuses(ticket.status).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />,
        )}
        {ticket.resolution && (
          <div style={{ marginTop: -4, marginBottom: 12 }} data-testid="ticket-resolution">
            <Typography.Text type="secondary">{t('detail.resolutionShown')}：</Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{ticket.resolution}</Typography.Text>
          </div>
        )}
        {item(
          'priority',
          t('field.priority'),
          <Select data-testid="field-priority" value={ticket.priority} onChange={(v) => void save({ priority: v }, 'priority')} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />,
        )}
        {item(
          'categoryId',
          t('field.category'),
          <TreeSelect
            suffixIcon={selectArrow}
            data-testid="field-category"
            allowClear={selectClear}
            showSearch={{ treeNodeFilterProp: 'title' }}
            value={ticket.categoryId ?? undefined}
            treeData={categoryTree}
            onChange={(v) => void save({ categoryId: v ?? null }, 'categoryId')}
            popupMatchSelectWidth={false}
          />,
        )}
        {item(
          'typeId',
          t('field.type'),
          <Select data-testid="field-type" allowClear={selectClear} value={ticket.typeId ?? undefined} onChange={(v) => void save({ typeId: v ?? null }, 'typeId')} options={ticketTypes.map((x) => ({ value: x.id, label: name(x) }))} />,
        )}
        {item(
          'teamId',
          t('field.team'),
          <Select data-testid="field-team" allowClear={selectClear} value={ticket.teamId ?? undefined} onChange={(v) => (ticket.teamId && v ? setTransfer({ field: 'teamId', to: v }) : void save({ teamId: v ?? null }, 'teamId'))} options={teams.map((x) => ({ value: x.id, label: x.name }))} />,
        )}
        {item(
          'assigneeId',
          t('field.assignee'),
          <RemoteSelect
            testId="field-assignee"
            value={ticket.assigneeId ?? undefined}
            onChange={(v) => assign(v ?? null)}
            search={searchStaff}
            resolve={async (id) => (id === ticket.assigneeId && ticket.assigneeName ? { value: id, label: ticket.assigneeName } : resolveStaff(id))}
            extra={ticket.assigneeId === me.id ? [] : [{ value: me.id, label: `${me.name}（${t('list.assigneeMe')}）` }]}
            style={{ width: '100%' }}
          />,
        )}
        {item(
          'tags',
          t('field.tags'),
          <Select data-testid="field-tags" mode="tags" value={ticket.tags} onChange={(v: string[]) => void save({ tags: v }, 'tags')} open={false} placeholder={t('list.tagPlaceholder')} />,
        )}
        {me.role !== 'customer' &&
          item(
            'assetId',
            t('assets.ticketAsset'),
            <RemoteSelect
              testId="field-asset"
              value={ticket.assetId ?? undefined}
              onChange={(v) => void save({ assetId: v ?? null }, 'assetId')}
              search={searchAssets}
              resolve={resolveAsset}
              placeholder={t('assets.ticketAssetSearch')}
              style={{ width: '100%' }}
            />,
          )}
        {me.role !== 'customer' && item('site', t('site.label'), <SiteProperty site={siteOf(ticket)} onSave={(site) => save({ site }, 'site')} />)}
        {missing.length > 0 && (
          <Alert data-testid="missing-fields" type="warning" showIcon style={{ marginBottom: 12 }} title={t('detail.missingFields', { fields: missing.map(name).join('、') })} />
        )}
        {fields.map((f) => (
          <div key={f.id}>
            {item(
              `cf.${f.key}`,
              name(f) + (f.required ? ' *' : ''),
              <CustomFieldInput field={f} value={ticket.customFields[f.key]} onChange={(v) => void save({ customFields: { [f.key]: v } }, `cf.${f.key}`)} />,
            )}
          </div>
        ))}
      </Form>
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Title level={5}>{t('field.watchers')}</Typography.Title>
      <Watchers ticket={ticket} me={me} />
      <LinksAndSubtasks ticket={ticket} version={version} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.requesterTickets')}
      </Typography.Title>
      <RequesterTickets ticket={ticket} />
      <ResolveDialog
        ticket={ticket}
        me={me}
        open={resolving}
        onClose={() => setResolving(false)}
        onResolved={(x) => {
          setResolving(false);
          onUpdated(x);
        }}
      />
      <TransferDialog ticket={ticket} me={me} target={transfer} onClose={() => setTransfer(null)} onUpdated={onUpdated} />
    </div>
  );
});
