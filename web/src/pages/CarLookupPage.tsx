import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { LookupResult } from '../api/towing.contract';
import { useQuery } from '../api/useQuery';
import { CarLookupForm } from '../features/towing/CarLookupForm';
import { CarLookupResult } from '../features/towing/CarLookupResult';
import { ImpoundLots } from '../features/towing/ImpoundLots';
import { towingApi } from '../features/towing/towing.api';
import { DemoNotice } from '../ui/DemoNotice';
import { usePageTitle } from '../ui/usePageTitle';

const TOKEN = /^[0-9A-Za-z]{8}$/;

/**
 * п.24 "Where is my car": the owner of a towed car finds the impound lot with the plate (or the SMS link
 * `/c/<token>`) and the code from the SMS. Served at /car and /c/:token.
 */
export function CarLookupPage() {
  const { t } = useTranslation();
  const params = useParams();
  const token = params.token && TOKEN.test(params.token) ? params.token : null;
  const badLink = params.token !== undefined && token === null;
  const [result, setResult] = useState<LookupResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  const lots = useQuery(() => towingApi.lots(), []);
  const demoLots = lots.data?.some((lot) => lot.synthetic && lot.active) ?? false;
  usePageTitle(t('towing.lookup.title'));

  return (
    <div className="page tow-lookup-page">
      <header className="page-header">
        <h1>{t('towing.lookup.title')}</h1>
        <p className="lead">{token ? t('towing.lookup.leadLink') : t('towing.lookup.lead')}</p>
      </header>
      {badLink ? (
        <p className="alert alert-warning" data-testid="lookup-bad-link">
          {t('towing.lookup.badLink')}
        </p>
      ) : null}
      {result ? (
        <CarLookupResult
          result={result}
          onAnother={() => {
            setResult(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <CarLookupForm key={formKey} token={token} onFound={setResult} />
      )}
      {!result && lots.data && lots.data.some((lot) => lot.active) ? (
        <section className="section" aria-labelledby="lots-title">
          <h2 id="lots-title">{t('towing.lookup.lotsTitle')}</h2>
          <p className="muted">{t('towing.lookup.lotsLead')}</p>
          {demoLots ? <DemoNotice>{t('towing.lookup.demoLots')}</DemoNotice> : null}
          <ImpoundLots lots={lots.data} />
        </section>
      ) : null}
    </div>
  );
}
