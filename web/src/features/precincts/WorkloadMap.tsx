import type { Feature } from 'geojson';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrecinctFeatureProperties } from '../../api/precincts.contract';
import { useLocale } from '../../i18n/useLocale';
import { CityMap, type MapLayer } from '../../ui/map/CityMap';
import { LOAD_LEVEL_META } from './loadLevel';
import type { DistrictCollection, PrecinctCollection } from './precincts.api';
import { usePrecinctFormat } from './usePrecinctFormat';

export interface WorkloadMapProps {
  precincts: PrecinctCollection;
  districts: DistrictCollection;
  onPick?: (precinct: PrecinctFeatureProperties) => void;
}

const districtStyle = () => ({ color: '#17202b', weight: 2, opacity: 0.9, fill: false });

/** Precincts coloured by residents per inspector; the legend and the table below say the same in words. */
export function WorkloadMap({ precincts, districts, onPick }: WorkloadMapProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = usePrecinctFormat();
  const layers = useMemo<MapLayer[]>(() => {
    const style = (feature: Feature | undefined) => {
      const level = (feature?.properties as PrecinctFeatureProperties | undefined)?.level ?? 'unknown';
      return { color: '#ffffff', weight: 1, opacity: 1, fillColor: (LOAD_LEVEL_META[level] ?? LOAD_LEVEL_META.unknown).fill, fillOpacity: 0.75 };
    };
    const label = (feature: Feature) => {
      const p = feature.properties as PrecinctFeatureProperties;
      return t('precincts.workload.mapTooltip', {
        code: p.code,
        name: localized(p.name),
        level: t(`precincts.level.${p.level}`),
        perInspector: format.integer(p.perInspector),
      });
    };
    return [
      { id: 'load', data: precincts, style, label, fit: true, ...(onPick ? { onFeatureClick: (f: Feature) => onPick(f.properties as PrecinctFeatureProperties) } : {}) },
      { id: 'districts', data: districts, style: districtStyle },
    ];
  }, [precincts, districts, localized, t, format, onPick]);
  return <CityMap label={t('precincts.workload.mapLabel')} layers={layers} height="min(70vh, 480px)" />;
}
