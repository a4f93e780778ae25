import type { Feature, FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HexagonProperties, OutlineProperties, PublicDistricts, PublicHexagons } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { CityMap } from '../../ui/map/CityMap';
import { classColour, DENSITY_CLASSES, hexDensity, SEQUENTIAL_EDGE, WITHHELD, type CountClass } from './crime-map.colours';
import type { OutlineCollection } from './crime-map.api';
import { FitOnce, GeoLayer } from './GeoLayer';
import { useCrimeMapFormat } from './useCrimeMapFormat';

export type PublicMapView = { kind: 'hexagons'; data: PublicHexagons } | { kind: 'districts'; data: PublicDistricts; classes: readonly CountClass[] };

export interface PublicCrimeMapProps {
  /** Every view opens on the whole city. */
  districts: OutlineCollection;
  view: PublicMapView;
  label: string;
}

/**
 * The public crime map: hexagons coloured by their count (nothing else is drawn), or, for crimes
 * against the person, the districts coloured by theirs. The table below the map says the same in words.
 */
export function PublicCrimeMap({ districts, view, label }: PublicCrimeMapProps) {
  const { t } = useTranslation();
  const { localized, lang } = useLocale();
  const format = useCrimeMapFormat();
  // Tooltips are bound when a shape is drawn: a new language draws the layer afresh.
  const version = `${lang}|${view.data.month}|${view.data.line ?? ''}`;

  const hexagons = useMemo(() => {
    if (view.kind !== 'hexagons') return null;
    const props = (f: Feature | undefined) => (f?.properties as HexagonProperties | undefined) ?? { h3: '', resolution: 8, count: 0 };
    return {
      data: view.data as unknown as FeatureCollection,
      style: (f: Feature | undefined) => {
        const p = props(f);
        return { color: SEQUENTIAL_EDGE, weight: 0.7, opacity: 0.55, fillColor: classColour(DENSITY_CLASSES, hexDensity(p.count, p.resolution)), fillOpacity: 0.8 };
      },
      label: (f: Feature) => {
        const p = props(f);
        return t('crimeMap.public.cellTooltip', { n: format.integer(p.count), density: format.decimal(hexDensity(p.count, p.resolution)) });
      },
      attributes: (f: Feature) => ({ 'data-count': String(props(f).count), 'data-resolution': String(props(f).resolution) }),
    };
  }, [view, t, format]);

  const choropleth = useMemo(() => {
    if (view.kind !== 'districts') return null;
    const byId = new Map(view.data.districts.map((d) => [d.id, d]));
    const countOf = (f: Feature | undefined) => byId.get((f?.properties as OutlineProperties | undefined)?.id ?? '');
    return {
      style: (f: Feature | undefined) => {
        const row = countOf(f);
        const count = row?.count ?? null;
        return count === null
          ? { color: '#4a5563', weight: 1.5, dashArray: '4 3', fillColor: WITHHELD, fillOpacity: 0.85 }
          : { color: SEQUENTIAL_EDGE, weight: 1.2, opacity: 0.8, fillColor: classColour(view.classes, count), fillOpacity: 0.8 };
      },
      label: (f: Feature) => {
        const row = countOf(f);
        const name = localized((f.properties as OutlineProperties).name);
        const value = !row ? '—' : row.count === null ? t('crimeMap.districts.fewerThan', { k: format.integer(view.data.k) }) : format.integer(row.count);
        return `${name}: ${value}`;
      },
    };
  }, [view, t, format, localized]);

  return (
    <div className="crime-map-frame" data-testid="public-crime-map" data-view={view.kind}>
      <CityMap label={label} height="clamp(300px, 62vh, 560px)">
        <FitOnce data={hexagons && hexagons.data.features.length ? hexagons.data : districts} />
        {hexagons ? <GeoLayer id="hexagons" version={version} data={hexagons.data} style={hexagons.style} label={hexagons.label} attributes={hexagons.attributes} /> : null}
        {choropleth ? <GeoLayer id="district-counts" version={version} data={districts} style={choropleth.style} label={choropleth.label} /> : null}
      </CityMap>
    </div>
  );
}
