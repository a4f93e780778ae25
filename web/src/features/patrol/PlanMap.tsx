import type { Feature, FeatureCollection } from 'geojson';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanCrew, PlanResult, SectorCollection, SectorFeatureProperties } from '../../api/patrol.contract';
import { CityMap, type MapLayer, type MapMarker } from '../../ui/map/CityMap';
import { usePatrolFormat } from './usePatrolFormat';

export type MapColouring = 'crews' | 'risk';

export interface PlanMapProps {
  result: PlanResult;
  sectors: SectorCollection;
  colouring: MapColouring;
  onColouring: (colouring: MapColouring) => void;
  selectedSector: string | null;
  crew: PlanCrew | null;
  /** Zoom to the crew's stops (once someone has chosen a sector or crew). */
  followCrew: boolean;
  onPickSector: (sectorId: string) => void;
}

// Five steps from light to dark; blue for crews, red for risk.
const PALETTES: Record<MapColouring, readonly string[]> = {
  crews: ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  risk: ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'],
};

/**
 * Up to five steps from the smallest to the largest value, and the step a value falls in: equal widths
 * for risk, whole numbers split as evenly as they go for crews.
 */
function classes(values: number[], integer: boolean) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (integer) {
    const range = max - min + 1;
    const steps = Math.min(5, range);
    const classOf = (v: number) => Math.min(steps - 1, Math.floor(((v - min) * steps) / range));
    const bounds = Array.from({ length: steps }, (_, i) => ({ from: min + Math.floor((i * range) / steps), to: min + Math.floor(((i + 1) * range) / steps) - 1 }));
    return { classOf, bounds };
  }
  const width = (max - min) / 5 || 1;
  const classOf = (v: number) => Math.min(4, Math.max(0, Math.floor((v - min) / width)));
  const bounds = Array.from({ length: 5 }, (_, i) => ({ from: min + i * width, to: i === 4 ? max : min + (i + 1) * width }));
  return { classOf, bounds };
}

/** The palette's colour for step `i` of `steps` (fewer steps spread over the whole palette). */
function colourOf(palette: readonly string[], i: number, steps: number): string {
  return palette[Math.round((i * (palette.length - 1)) / Math.max(1, steps - 1))]!;
}

/** The sectors coloured by the plan's mobile crews or by forecast risk, with the chosen crew's stops. */
export function PlanMap({ result, sectors, colouring, onColouring, selectedSector, crew, followCrew, onPickSector }: PlanMapProps) {
  const { t } = useTranslation();
  const format = usePatrolFormat();
  const groupId = useId();
  const bySector = useMemo(() => new Map(result.sectors.map((s) => [s.id, s])), [result]);
  const valueOf = useMemo(
    () => (id: string) => {
      const s = bySector.get(id);
      if (!s) return 0;
      return colouring === 'crews' ? s.car + s.foot : s.risk;
    },
    [bySector, colouring],
  );
  const scale = useMemo(() => classes(result.sectors.map((s) => valueOf(s.id)), colouring === 'crews'), [result, valueOf, colouring]);
  const palette = PALETTES[colouring];

  const layers = useMemo<MapLayer[]>(() => {
    const style = (feature: Feature | undefined) => {
      const id = (feature?.properties as SectorFeatureProperties | undefined)?.id ?? '';
      const step = scale.classOf(valueOf(id));
      const selected = id === selectedSector;
      return { color: selected ? '#17202b' : '#ffffff', weight: selected ? 3 : 1, opacity: 1, fillColor: colourOf(palette, step, scale.bounds.length), fillOpacity: 0.78 };
    };
    const label = (feature: Feature) => {
      const p = feature.properties as SectorFeatureProperties;
      const s = bySector.get(p.id);
      return s ? t('patrol.map.tooltip', { code: s.code, car: s.car, foot: s.foot, posts: s.posts, share: format.share(s.share) }) : p.code;
    };
    const sectorLayer: MapLayer = { id: `sectors-${colouring}-${selectedSector ?? ''}`, data: sectors, style, label, onFeatureClick: (f: Feature) => onPickSector((f.properties as SectorFeatureProperties).id) };
    if (!crew || crew.stops.length < 2) return [sectorLayer];
    // The crew's walk from stop to stop, in the order of its list.
    const walk: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: crew.id }, geometry: { type: 'LineString', coordinates: crew.stops.map((s) => [s.lon, s.lat]) } }] };
    return [sectorLayer, { id: `walk-${crew.id}`, data: walk, style: () => ({ color: '#17202b', weight: 3, opacity: 0.85, dashArray: '6 5' }) }];
  }, [sectors, scale, valueOf, palette, selectedSector, bySector, t, format, colouring, onPickSector, crew]);

  const markers = useMemo<MapMarker[]>(
    () => (crew ? crew.stops.map((s) => ({ id: `${crew.id}-${s.order}`, lon: s.lon, lat: s.lat, label: t('patrol.map.stop', { crew: crew.id, order: s.order }), tone: s.order === 1 ? 'primary' : 'accent' })) : []),
    [crew, t],
  );
  const frame = useMemo(() => (followCrew && crew && crew.stops.length > 0 ? crew.stops.map((s) => ({ lon: s.lon, lat: s.lat })) : null), [crew, followCrew]);

  const legendLabel = (from: number, to: number) =>
    colouring === 'crews'
      ? from === to
        ? t('patrol.map.crews', { count: from })
        : t('patrol.map.crewsClass', { from: format.integer(from), to: format.integer(to) })
      : t('patrol.map.riskClass', { from: format.risk(from), to: format.risk(to) });

  return (
    <div className="patrol-map" data-testid="plan-map">
      <fieldset className="fieldset patrol-colouring">
        <legend>{t('patrol.map.colourBy')}</legend>
        <div className="radio-row">
          {(['crews', 'risk'] as const).map((option) => (
            <label key={option} className="radio">
              <input type="radio" name={groupId} value={option} checked={colouring === option} onChange={() => onColouring(option)} />
              {t(option === 'crews' ? 'patrol.map.byCrews' : 'patrol.map.byRisk')}
            </label>
          ))}
        </div>
      </fieldset>
      <CityMap label={t('patrol.map.label')} layers={layers} markers={markers} frame={frame} height="min(65vh, 460px)" />
      <ul className="patrol-legend" aria-label={t('patrol.map.legend')}>
        {scale.bounds.map((b, i) => (
          <li key={i}>
            <span className="patrol-swatch" style={{ background: colourOf(palette, i, scale.bounds.length) }} aria-hidden="true" />
            {legendLabel(b.from, b.to)}
          </li>
        ))}
      </ul>
      {crew ? <p className="small">{t('patrol.map.selected', { crew: crew.id })}</p> : null}
    </div>
  );
}
