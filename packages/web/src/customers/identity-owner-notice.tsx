import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IdentityOwner } from './identity-rules';

// Who already has an identity the server refused: a link to that contact and, where the caller
// offers it, merging that contact into the one being edited.
export function IdentityOwnerNotice({ owner, onMerge }: { owner: IdentityOwner; onMerge?: (ownerId: string) => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="identity-owner"
      title={t('customers.identityOwner', { name: owner.name })}
      description={
        <Flex gap={12} wrap align="center">
          <Link to={`/customers/contacts/${owner.id}`} data-testid="identity-owner-link">
            {t('customers.openOwner', { name: owner.name })}
          </Link>
          {onMerge && (
            <Button size="small" onClick={() => onMerge(owner.id)} data-testid="identity-owner-merge">
              {t('customers.mergeOwner', { name: owner.name })}
            </Button>
          )}
        </Flex>
      }
    />
  );
}
