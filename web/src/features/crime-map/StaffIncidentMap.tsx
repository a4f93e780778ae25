import type { Feature, FeatureCollection } from 'geojson';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from 'react-leaflet';
import type { IncidentCollection, OutlineProperties, SectorProperties } from '../../api/crime-map.contract';
import { useLocale } from '../../i18n/useLocale';
import { CityMap } from '../../ui/map/CityMap';
import type { OutlineCollection, SectorCollection, Viewport } from './crime-map.api';
import { FitOnce, GeoLayer } from './GeoLayer';
import { IncidentLayer, type IncidentDescriber } from './IncidentLayer';

/** Reports the view (debounced) after every pan or zoom, and once when the map is ready. */
function ViewportWatcher({ onChange, delay }: { onChange: (view: Viewport) => void; delay: number }) {
  const map = useMap();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
    const report = () => {
      const b = map.getBounds();
      onChange({ bbox: [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)], zoom: Math.round(map.getZoom()) });
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(report, delay);
    };
    map.on('moveend', schedule);
    map.whenReady(schedule);
    return () => {
      map.off('moveend', schedule);
      clearTimeout(timer);
    };
  }, [map, onChange, delay]);
  return null;
}

export interface StaffIncidentMapProps {
  label: string;
  districts: OutlineCollection;
  /** Outlines to draw; absent ones are off. */
  showDistricts: boolean;
  sectors?: SectorCollection | undefined;
  precincts?: OutlineCollection | undefined;
  incidents: { data: IncidentCollection; zoom: number } | undefined;
  describe: IncidentDescriber;
  onViewportChange: (view: Viewport) => void;
}

const districtStyle = () => ({ color: '#17202b', weight: 2, opacity: 0.8, fill: false });
const sectorStyle = () => ({ color: '#6b46c1', weight: 1.5, opacity: 0.9, dashArray: '6 4', fill: false });
const precinctStyle = () => ({ color: '#0b4f6c', weight: 1, opacity: 0.75, fill: false });

/** The staff map: incidents (points or clusters) over optional district, patrol-sector and precinct outlines. */
export function StaffIncidentMap({ label, districts, showDistricts, sectors, precincts, incidents, describe, onViewportChange }: StaffIncidentMapProps) {
  const { t } = useTranslation();
  const { localized, lang } = useLocale();
  const labels = useMemo(
    () => ({
      outline: (f: Feature) => {
        const p = f.properties as OutlineProperties;
        return `${p.code} · ${localized(p.name)}`;
      },
      sector: (f: Feature) => {
        const p = f.properties as SectorProperties;
        return t('crimeMap.staff.sectorTooltip', { name: localized(p.name), car: p.routes.car, foot: p.routes.foot, stationary: p.routes.stationary });
      },
    }),
    [localized, t],
  );
  return (
    <div className="crime-map-frame" data-testid="staff-crime-map">
      <CityMap label={label} height="clamp(320px, 64vh, 620px)">
        <FitOnce data={districts} />
        <ViewportWatcher onChange={onViewportChange} delay={300} />
        {showDistricts ? <GeoLayer id="districts" version={lang} data={districts as FeatureCollection} style={districtStyle} label={labels.outline} /> : null}
        {precincts ? <GeoLayer id="precincts" version={lang} data={precincts as FeatureCollection} style={precinctStyle} label={labels.outline} /> : null}
        {sectors ? <GeoLayer id="sectors" version={lang} data={sectors as FeatureCollection} style={sectorStyle} label={labels.sector} /> : null}
        {incidents ? <IncidentLayer data={incidents.data} zoom={incidents.zoom} describe={describe} /> : null}
      </CityMap>
    </div>
  );
}
