import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { errorMessage } from '../common/api-errors';
import { useLookups } from '../common/lookups';
import { dispatchApi, dispatchKeys } from './dispatch-api';
import { canOverride } from './use-dispatch-actions';

// On a 日程 row without a day plan: plan the day of the engineer's team (POST /routes/plan-team; admins
// and supervisors, the planners). The plan shares the team's jobs out again; it moves no assignment.

export function PlanTeamButton({ userId, date }: { userId: string; date: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const teams = useLookups().teams.filter((team) => team.memberIds.includes(userId));
  const plan = useMutation({
    mutationFn: (teamId: string) => dispatchApi.planTeam({ teamId, date }),
    onSuccess: (_, teamId) => {
      message.success(t('dispatchBoard.planned', { team: teams.find((x) => x.id === teamId)?.name ?? '' }));
      return qc.invalidateQueries({ queryKey: dispatchKeys.routes(date) });
    },
    onError: (err) => message.error(errorMessage(err, t)),
  });
  if (!canOverride(me.role) || !teams.length) return null;
  if (teams.length === 1)
    return (
      <Button size="small" type="link" loading={plan.isPending} onClick={() => plan.mutate(teams[0].id)} data-testid="plan-team" className="gd-sched-plan">
        {t('dispatchBoard.planTeam', { team: teams[0].name })}
      </Button>
    );
  return (
    <Dropdown menu={{ items: teams.map((team) => ({ key: team.id, label: t('dispatchBoard.planTeam', { team: team.name }) })), onClick: ({ key }) => plan.mutate(key) }}>
      <Button size="small" type="link" loading={plan.isPending} data-testid="plan-team" className="gd-sched-plan">
        {t('dispatchBoard.planTeams')}
      </Button>
    </Dropdown>
  );
}
