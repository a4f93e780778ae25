import '../features/patrol/patrol.css';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../features/auth/AuthProvider';
import { hasRole } from '../features/auth/roles';
import { PATROL_PLANNERS, patrolApi, taskProblem } from '../features/patrol/patrol.api';
import { PlanForm } from '../features/patrol/PlanForm';
import { PlanList } from '../features/patrol/PlanList';
import { PlanProgress } from '../features/patrol/PlanProgress';
import { PlanView } from '../features/patrol/PlanView';
import { ShiftEditor } from '../features/patrol/ShiftEditor';
import { usePlan } from '../features/patrol/usePlan';
import { useLocale } from '../i18n/useLocale';
import { DemoNotice } from '../ui/DemoNotice';
import { ProblemAlert } from '../ui/ProblemAlert';
import { QueryBlock } from '../ui/QueryBlock';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * Patrol deployment (п.6): the shifts and their crews, producing a plan for a shift and date with its
 * progress, and the plan — coverage against the alternatives, map, sectors, crews and files. Analysts
 * and admins produce plans and edit shifts; dispatchers and the council read them.
 */
export function StaffPatrolPage() {
  const { t } = useTranslation();
  const { localized, formatDate } = useLocale();
  const { user } = useAuth();
  const planner = hasRole(user, PATROL_PLANNERS) && user.scope.kind === 'city';
  usePageTitle(t('patrol.title'));
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan');
  const shifts = useQuery((signal) => patrolApi.shifts(signal), []);
  const plans = useQuery((signal) => patrolApi.plans({}, signal), []);
  const reloadPlans = plans.reload;
  const { plan, error } = usePlan(planId, useCallback(() => reloadPlans(), [reloadPlans]));

  const openPlan = (id: string) => {
    setParams({ plan: id });
    reloadPlans();
  };
  const shiftName = (code: string) => localized(shifts.data?.find((s) => s.code === code)?.name) || code;

  return (
    <div className="page staff-patrol">
      <StaffPageHeader title={t('patrol.title')} lead={t('patrol.lead')} />
      <DemoNotice>{t('patrol.demo')}</DemoNotice>

      <section className="section" aria-labelledby="shifts-title">
        <h2 id="shifts-title">{t('patrol.shifts.title')}</h2>
        <p>{t('patrol.shifts.intro')}</p>
        <QueryBlock query={shifts}>{(data) => <ShiftEditor shifts={data} editable={planner} onSaved={() => shifts.reload()} />}</QueryBlock>
      </section>

      <section className="section card" aria-labelledby="produce-title">
        <h2 id="produce-title">{t('patrol.produce.title')}</h2>
        {planner ? <QueryBlock query={shifts}>{(data) => <PlanForm shifts={data} onStarted={openPlan} />}</QueryBlock> : <p>{t('patrol.produce.readOnly')}</p>}
        {plan && plan.status !== 'done' ? <PlanProgress plan={plan} label={t('patrol.produce.progress', { shift: shiftName(plan.shift), date: formatDate(plan.date) })} /> : null}
        {plan?.status === 'failed' && plan.task?.error ? <ProblemAlert error={taskProblem(plan.task.error)} /> : null}
        {error ? <ProblemAlert error={error} /> : null}
      </section>

      {plan?.status === 'done' && plan.result ? <PlanView key={plan.id} planId={plan.id} result={plan.result} /> : null}

      <section className="section" aria-labelledby="plans-title">
        <h2 id="plans-title">{t('patrol.plans.title')}</h2>
        <QueryBlock query={plans}>{(data) => <PlanList plans={data} shifts={shifts.data ?? []} openId={planId} />}</QueryBlock>
      </section>
    </div>
  );
}
