import type { Feature } from 'geojson';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { DemoMark } from './DemoMark';
import { InspectorCardView } from './InspectorCardView';
import { LoadLevelBadge } from './LoadLevelBadge';
import type { FinderAnswer } from './useFinder';
import { VacantPrecinct } from './VacantPrecinct';

export interface FinderResultProps {
  answer: FinderAnswer;
  /** The precinct's outline from the map's data, for the small maps. */
  outline: Feature | null;
  /** Move focus to the answer's heading (after the resident asked, not on a page load). */
  takeFocus: boolean;
  /** The address the resident chose, when they searched one. */
  address: string | null;
}

/** The answer: the precinct and its inspector(s), a vacant precinct, or a point outside the city. */
export function FinderResult({ answer, outline, takeFocus, address }: FinderResultProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (takeFocus) headingRef.current?.focus();
  }, [answer, takeFocus]);

  if (answer.kind === 'outside') {
    return (
      <div className="finder-outside" data-testid="outside-city">
        <h2 id="finder-result-title" ref={headingRef} tabIndex={-1}>
          {t('precincts.outside.title')}
        </h2>
        <div className="alert alert-warning" role="alert">
          <p className="alert-title">{t('precincts.outside.message')}</p>
          <p className="small" data-testid="outside-point">
            {t('precincts.outside.point', { lat: answer.point.lat.toFixed(5), lon: answer.point.lon.toFixed(5) })}
          </p>
          <p>{t('precincts.outside.hint')}</p>
        </div>
      </div>
    );
  }

  const { precinct, inspectors, point } = answer;
  const synthetic = precinct.synthetic || inspectors.some((i) => i.synthetic);
  return (
    <div className="finder-found stack" data-testid="finder-result" data-precinct={precinct.id}>
      <div>
        <h2 id="finder-result-title" ref={headingRef} tabIndex={-1}>
          {t('precincts.result.title', { code: precinct.code })}
        </h2>
        <p className="finder-precinct-meta">
          <span data-testid="result-precinct-name">{localized(precinct.name)}</span>
          <span className="block muted">{t('precincts.result.district', { district: localized(precinct.district.name) })}</span>
          {address ? <span className="block muted">{t('precincts.result.address', { address })}</span> : null}
        </p>
        <p className="small">
          {t('precincts.result.load')} <LoadLevelBadge level={precinct.workload.level} />
        </p>
      </div>
      {synthetic ? <DemoMark>{t('precincts.demo.result')}</DemoMark> : null}
      {inspectors.length ? (
        <>
          {inspectors.length > 1 ? <p>{t('precincts.result.several', { n: inspectors.length })}</p> : null}
          {inspectors.map((inspector) => (
            <InspectorCardView key={inspector.id} inspector={inspector} precinctId={precinct.id} point={point} outline={outline} />
          ))}
        </>
      ) : (
        <VacantPrecinct precinct={precinct} point={point} />
      )}
    </div>
  );
}
