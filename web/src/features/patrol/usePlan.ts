import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { PatrolPlan } from '../../api/patrol.contract';
import { patrolApi } from './patrol.api';

const POLL_MS = 600;
const RETRY_MS = 2_000;

export interface PlanState {
  plan: PatrolPlan | undefined;
  error: ApiError | undefined;
}

const working = (plan: PatrolPlan) => plan.status === 'queued' || plan.status === 'running';

/**
 * A plan, read again every 0.6 s while it is being made (its task's progress comes with it), then once
 * more when it has finished. `onFinished` hears when a plan that was being made is done or failed.
 */
export function usePlan(id: string | null, onFinished?: (plan: PatrolPlan) => void): PlanState {
  const [state, setState] = useState<PlanState & { id: string | null }>({ id, plan: undefined, error: undefined });
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  if (state.id !== id) setState({ id, plan: undefined, error: undefined });

  useEffect(() => {
    if (id === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasWorking = false;
    const tick = async () => {
      try {
        const plan = await patrolApi.plan(id, controller.signal);
        if (controller.signal.aborted) return;
        setState({ id, plan, error: undefined });
        if (working(plan)) {
          wasWorking = true;
          timer = setTimeout(() => void tick(), POLL_MS);
        } else if (wasWorking) finishedRef.current?.(plan);
      } catch (reason) {
        if (controller.signal.aborted) return;
        const error = reason instanceof ApiError ? reason : new ApiError({ type: 'urn:openbeat:client', title: String(reason), status: 0 });
        setState((s) => ({ ...s, id, error }));
        if (error.unreachable) timer = setTimeout(() => void tick(), RETRY_MS);
      }
    };
    void tick();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id]);

  return state.id === id ? { plan: state.plan, error: state.error } : { plan: undefined, error: undefined };
}
