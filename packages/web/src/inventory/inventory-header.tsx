import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** 备件 | 仓库: the two inventory pages. */
export function InventoryHeader() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const at = useLocation().pathname.startsWith('/inventory/warehouses') ? 'warehouses' : 'parts';
  return (
    <Segmented
      value={at}
      onChange={(v) => navigate(v === 'warehouses' ? '/inventory/warehouses' : '/inventory')}
      options={[
        { value: 'parts', label: t('inv.parts.title') },
        { value: 'warehouses', label: t('inv.warehouses.title') },
      ]}
      style={{ marginBottom: 12 }}
      data-testid="inventory-tabs"
    />
  );
}
