import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AppealCategory, AppealReceipt } from '../api/appeals.contract';
import { useQuery } from '../api/useQuery';
import { AppealForm, type AppealFormInitial } from '../features/appeals/AppealForm';
import { AppealReceiptView } from '../features/appeals/AppealReceiptView';
import { appealPaths, appealsApi } from '../features/appeals/appeals.api';
import { saveMyAppeal } from '../features/appeals/myAppeals';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

const PRECINCT_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** The prefill a link may carry: `category`, and from "find my inspector" `precinct`, `lat`, `lon`. */
function initialFrom(params: URLSearchParams): AppealFormInitial {
  const lat = Number(params.get('lat'));
  const lon = Number(params.get('lon'));
  const hasPoint = params.has('lat') && params.has('lon') && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  const precinct = params.get('precinct');
  return {
    category: params.get('category') ?? '',
    precinctId: precinct && PRECINCT_ID.test(precinct) ? precinct : null,
    point: hasPoint ? { lat, lon } : null,
  };
}

/** п.1 and п.3: a resident files an appeal, a proposal or a drug-advert report, and gets a code to follow it. */
export function AppealNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const categories = useQuery(() => appealsApi.categories(), []);
  const [done, setDone] = useState<{ receipt: AppealReceipt; category: AppealCategory } | null>(null);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(t('appeals.new.title'));

  const handleSubmitted = (receipt: AppealReceipt, category: AppealCategory) => {
    saveMyAppeal({ code: receipt.code, key: receipt.residentKey, kind: category.kind, category: { code: category.code, name: category.name } });
    setDone({ receipt, category });
  };

  return (
    <div className="page appeal-new">
      <p className="breadcrumbs">
        <Link to={appealPaths.list}>← {t('appeals.list.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('appeals.new.title')}</h1>
        {done ? null : <p className="lead">{t('appeals.new.lead')}</p>}
      </header>
      {done ? (
        <AppealReceiptView
          receipt={done.receipt}
          category={done.category}
          onAnother={() => {
            setDone(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : categories.loading && !categories.data ? (
        <LoadingState />
      ) : categories.error ? (
        <ProblemAlert error={categories.error} onRetry={categories.reload} />
      ) : categories.data ? (
        <>
          <p className="muted small">{t('appeals.new.emergency')}</p>
          <AppealForm key={formKey} categories={categories.data} initial={initialFrom(params)} onSubmitted={handleSubmitted} />
        </>
      ) : null}
    </div>
  );
}
