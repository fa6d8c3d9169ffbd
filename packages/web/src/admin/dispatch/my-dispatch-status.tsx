import { App } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { errorMessage } from '../../common/api-errors';
import { DISPATCH_KEYS, dispatchApi, type DispatchStatus } from './dispatch-api';

// A person's own dispatch status (在线/忙碌/离开/下班), as items of the layout's user menu: engineers and
// agents only. 下班 hands back work not started yet (the server does it).

export const STATUSES: DispatchStatus[] = ['available', 'busy', 'away', 'off_shift'];
const DOT: Record<DispatchStatus, string> = { available: '#52c41a', busy: '#faad14', away: '#bfbfbf', off_shift: '#595959' };
export const hasDispatchStatus = (me: Me) => !!me.id && (me.role === 'engineer' || me.role === 'agent');

export function StatusDot({ status }: { status: DispatchStatus }) {
  return <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: DOT[status], marginInlineEnd: 6 }} />;
}

/** The user menu's status items and what a click on one does; none for people who are not dispatched. */
export function useDispatchStatusMenu(me: Me) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const enabled = hasDispatchStatus(me);
  const id = me.id ?? '';
  const query = useQuery({ queryKey: DISPATCH_KEYS.me(id), queryFn: () => dispatchApi.profile(id), enabled, staleTime: 60_000 });
  const current = query.data?.status;
  const items = enabled
    ? [
        {
          type: 'group' as const,
          key: 'dispatch-status',
          label: t('dispatch.status.title'),
          children: STATUSES.map((s) => ({
            key: `status:${s}`,
            label: (
              <span data-testid={`my-status-${s}`} aria-current={current === s}>
                <StatusDot status={s} />
                {t(`dispatch.status.${s}`)}
                {current === s ? ' ✓' : ''}
              </span>
            ),
          })),
        },
        { type: 'divider' as const, key: 'status-divider' },
      ]
    : [];
  const choose = (key: string) => {
    if (!key.startsWith('status:')) return false;
    const status = key.slice('status:'.length) as DispatchStatus;
    dispatchApi
      .setMyStatus(status)
      .then(() => {
        message.success(t('dispatch.status.changed', { status: t(`dispatch.status.${status}`) }));
        return queryClient.invalidateQueries({ queryKey: DISPATCH_KEYS.me(id) });
      })
      .catch((err) => message.error(errorMessage(err, t)));
    return true;
  };
  return { items, choose, current };
}
