import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/endpoints';
import type { Contact } from '../api/types';
import { errorMessage } from '../common/api-errors';
import { searchContacts } from '../common/people-search';
import { RemoteSelect } from '../common/remote-select';
import { resolveContact } from '../common/people-search';
import { IdentitySummary } from './identity-list';

// Merges a duplicate contact into this one: pick the duplicate, see what it has, confirm. Its
// identities, tickets and portal sign-ins move here and the duplicate is deleted.

interface Props {
  open: boolean;
  target: Contact;
  onClose: () => void;
  onMerged: (c: Contact, moved: { identities: number; tickets: number; users: number }) => void;
  /** The duplicate to offer at once (e.g. the owner of an identity the server refused). */
  initialSourceId?: string;
}

export function MergeContactModal({ open, target, onClose, onMerged, initialSourceId }: Props) {
  const { t } = useTranslation();
  const [sourceId, setSourceId] = useState<string | undefined>();
  const [source, setSource] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open && initialSourceId && initialSourceId !== target.id) setSourceId(initialSourceId);
  }, [open, initialSourceId, target.id]);

  useEffect(() => {
    setSource(null);
    setError(null);
    if (!sourceId) return;
    let live = true;
    customersApi
      .contact(sourceId)
      .then((c) => live && setSource(c))
      .catch((e: unknown) => live && setError(errorMessage(e, t)));
    return () => {
      live = false;
    };
  }, [sourceId, t]);

  const search = async (q: string) => (await searchContacts(q)).filter((o) => o.value !== target.id);

  const merge = async () => {
    if (!source) return;
    setBusy(true);
    setError(null);
    try {
      const r = await customersApi.merge(target.id, source.id);
      setSourceId(undefined);
      onMerged(r.contact, r.moved);
    } catch (e) {
      setError(errorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('customers.mergeTitle', { name: target.name })}
      okText={t('customers.mergeConfirm')}
      okButtonProps={{ danger: true, disabled: !source, 'data-testid': 'merge-ok' } as never}
      cancelText={t('app.cancel')}
      onOk={merge}
      onCancel={() => {
        setSourceId(undefined);
        onClose();
      }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('customers.mergeHelp')}</Typography.Paragraph>
      <RemoteSelect testId="merge-source" value={sourceId} onChange={setSourceId} search={search} resolve={resolveContact} placeholder={t('customers.mergeSearch')} style={{ width: '100%' }} />
      {source && (
        <div data-testid="merge-preview" style={{ marginTop: 12 }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('customers.contactName')}>{source.name}</Descriptions.Item>
            <Descriptions.Item label={t('field.organization')}>{source.organization?.name ?? t('app.none')}</Descriptions.Item>
            <Descriptions.Item label={t('customers.identities')}>
              <IdentitySummary identities={source.identities} max={10} />
            </Descriptions.Item>
          </Descriptions>
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('customers.mergeWarning', { source: source.name, target: target.name })} />
        </div>
      )}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
    </Modal>
  );
}
