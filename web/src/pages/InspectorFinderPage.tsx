import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AddressMatch } from '../api/precincts.contract';
import { AddressSearch } from '../features/precincts/AddressSearch';
import { FinderMap } from '../features/precincts/FinderMap';
import { FinderResult } from '../features/precincts/FinderResult';
import { forgetLastPrecinct, readLastPrecinct } from '../features/precincts/lastPrecinct';
import { LastPrecinctOffer } from '../features/precincts/LastPrecinctOffer';
import { ModularPosts } from '../features/precincts/ModularPosts';
import { precinctPaths } from '../features/precincts/precincts.api';
import { PrecinctPicker } from '../features/precincts/PrecinctPicker';
import { useFinder } from '../features/precincts/useFinder';
import { usePrecinctOutlines } from '../features/precincts/usePrecinctOutlines';
import { UseMyLocation } from '../features/precincts/UseMyLocation';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

/**
 * "Find my inspector" (п.9, п.22): an address, a tap on the map or the phone's location gives the
 * precinct, its inspector's card and a prefilled appeal; plus the 24-hour modular posts.
 */
export function InspectorFinderPage() {
  const { t } = useTranslation();
  usePageTitle(t('precincts.finder.title'));
  const finder = useFinder();
  const outlines = usePrecinctOutlines();
  const [last, setLast] = useState(readLastPrecinct);

  const found = finder.answer.data?.kind === 'found' ? finder.answer.data : null;
  const selected = found?.precinct.id ?? null;
  const outline = outlines.data?.precincts.features.find((f) => f.properties.id === selected) ?? null;
  const synthetic = outlines.data?.precincts.features.some((f) => f.properties.synthetic) ?? false;

  const handleAddress = (match: AddressMatch) => finder.locate({ lat: match.lat, lon: match.lon }, 'address', `${match.street}, ${match.house}`);
  const handlePoint = (how: 'map' | 'location') => (point: { lat: number; lon: number }) => finder.locate(point, how);
  const handleShowLast = () => {
    if (!last) return;
    if (last.point) finder.locate(last.point, 'saved');
    else finder.choosePrecinct(last.id, 'saved');
  };

  return (
    <div className="page finder">
      <header className="page-header">
        <h1>{t('precincts.finder.title')}</h1>
        <p className="lead">{t('precincts.finder.lead')}</p>
      </header>
      {synthetic ? <DemoNotice>{t('precincts.demo.finder')}</DemoNotice> : null}

      {last && !finder.asked ? (
        <LastPrecinctOffer
          last={last}
          onShow={handleShowLast}
          onForget={() => {
            forgetLastPrecinct();
            setLast(null);
          }}
        />
      ) : null}

      <section className="card finder-ask" aria-labelledby="finder-ask-title">
        <h2 id="finder-ask-title" className="h3">
          {t('precincts.finder.askTitle')}
        </h2>
        <AddressSearch onChoose={handleAddress} />
        <UseMyLocation onLocated={handlePoint('location')} />
        <p className="finder-map-hint">
          {t('precincts.finder.mapHint')}
        </p>
        {outlines.loading && !outlines.data ? <LoadingState /> : null}
        {outlines.error ? <ProblemAlert error={outlines.error} onRetry={outlines.reload} /> : null}
        {outlines.data ? (
          <>
            <FinderMap
              precincts={outlines.data.precincts}
              districts={outlines.data.districts}
              selected={selected}
              point={finder.point}
              focusPoint={finder.source !== 'map'}
              onPick={handlePoint('map')}
            />
            <details className="disclosure finder-list">
              <summary>{t('precincts.finder.listTitle')}</summary>
              <p className="small muted">{t('precincts.finder.listHint')}</p>
              <PrecinctPicker precincts={outlines.data.precincts} districts={outlines.data.districts} onPick={(id) => finder.choosePrecinct(id)} />
            </details>
          </>
        ) : null}
      </section>

      <div className="section finder-answer" aria-busy={finder.answer.loading}>
        {finder.answer.loading && !finder.answer.data && finder.asked ? <LoadingState label={t('precincts.finder.locating')} /> : null}
        {finder.answer.error ? <ProblemAlert error={finder.answer.error} onRetry={finder.answer.reload} /> : null}
        {finder.answer.data && !finder.answer.error ? (
          <div className={finder.answer.loading ? 'is-stale' : undefined}>
            <FinderResult answer={finder.answer.data} outline={outline} takeFocus={finder.source !== null} address={finder.address} />
          </div>
        ) : null}
      </div>

      <section className="section" aria-labelledby="posts-title">
        <h2 id="posts-title">{t('precincts.posts.title')}</h2>
        <p>{t('precincts.posts.lead')}</p>
        <ModularPosts near={found?.point ?? null} />
      </section>

      <p className="section small">
        <Link to={precinctPaths.workload}>{t('precincts.finder.workloadLink')}</Link>
      </p>
    </div>
  );
}
