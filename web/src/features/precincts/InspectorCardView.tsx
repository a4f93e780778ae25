import type { Feature } from 'geojson';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectorCard } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { InspectorContacts } from './InspectorContacts';
import { InspectorPhoto } from './InspectorPhoto';
import { appealLink, precinctPaths } from './precincts.api';
import { ReceptionMap } from './ReceptionMap';
import { ReceptionSummary } from './ReceptionSummary';
import { SheetLinks } from './SheetLinks';

export interface InspectorCardViewProps {
  inspector: InspectorCard;
  /** The precinct the resident located (the appeal goes there). */
  precinctId: string;
  /** The resident's point, passed to the appeal form and drawn on the small map. */
  point: { lat: number; lon: number } | null;
  outline?: Feature | null;
}

/** One inspector as a resident needs them: who, how to call, where and when they receive, how to write. */
export function InspectorCardView({ inspector, precinctId, point, outline = null }: InspectorCardViewProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const titleId = useId();
  const name = localized(inspector.name);
  return (
    <article className="card inspector-card" aria-labelledby={titleId} data-testid="inspector-card" data-id={inspector.id}>
      <div className="inspector-head">
        <InspectorPhoto inspector={inspector} />
        <div className="inspector-who">
          <h3 id={titleId} className="inspector-name">
            {name}
          </h3>
          <p className="inspector-rank">
            {localized(inspector.position)}
            {localized(inspector.rank) ? <span className="block muted">{localized(inspector.rank)}</span> : null}
          </p>
        </div>
      </div>

      <InspectorContacts inspector={inspector} />

      <Link className="button button-primary button-wide" to={appealLink(precinctId, point)} data-testid="appeal-link">
        {t('precincts.card.appeal')}
      </Link>

      <div className="inspector-reception">
        <h4 className="h4">{t('precincts.card.reception')}</h4>
        {inspector.reception ? (
          <>
            <ReceptionSummary point={inspector.reception} />
            <ReceptionMap point={inspector.reception} home={point} outline={outline} />
          </>
        ) : (
          <p className="muted">{t('precincts.card.noReception')}</p>
        )}
      </div>

      <div className="inspector-links">
        <SheetLinks inspector={inspector} />
        <p>
          <Link to={precinctPaths.inspector(inspector.id)} data-testid="inspector-page-link">
            {t('precincts.card.page', { name })}
          </Link>
        </p>
      </div>
    </article>
  );
}
