import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisteredTow } from '../api/towing.contract';
import { useQuery } from '../api/useQuery';
import { towingApi } from '../features/towing/towing.api';
import { TowForm } from '../features/towing/TowForm';
import { TowRegistered } from '../features/towing/TowRegistered';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** п.24: the tow operator registers a tow at the car, on the phone; the owner's SMS goes out with it. */
export function StaffTowNewPage() {
  const { t } = useTranslation();
  const reference = useQuery(() => Promise.all([towingApi.lots(), towingApi.reasons()]).then(([lots, reasons]) => ({ lots, reasons })), []);
  const [registered, setRegistered] = useState<RegisteredTow | null>(null);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(t('towing.new.title'));
  const synthetic = reference.data ? reference.data.lots.some((l) => l.active && l.synthetic) || reference.data.reasons.some((r) => r.synthetic) : false;

  return (
    <div className="page tow-new-page">
      <StaffPageHeader title={t('towing.new.title')} lead={t('towing.new.lead')} />
      {synthetic ? <DemoNotice>{t('towing.new.demo')}</DemoNotice> : null}
      {registered ? (
        <TowRegistered
          tow={registered}
          onAnother={() => {
            setRegistered(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : reference.loading && !reference.data ? (
        <LoadingState />
      ) : reference.error ? (
        <ProblemAlert error={reference.error} onRetry={reference.reload} />
      ) : reference.data ? (
        <TowForm key={formKey} lots={reference.data.lots} reasons={reference.data.reasons} onRegistered={setRegistered} />
      ) : null}
    </div>
  );
}
