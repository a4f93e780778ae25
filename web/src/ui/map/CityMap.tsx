import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { api } from '../../api/client';
import { useQuery } from '../../api/useQuery';

export interface MapConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  center: { lon: number; lat: number };
  zoom: number;
}

let configPromise: Promise<MapConfig> | null = null;
/** The map configuration is the same for every map: fetched once per page load. */
function loadMapConfig(signal: AbortSignal): Promise<MapConfig> {
  configPromise ??= api.get<MapConfig>('/api/v1/map-config', { signal }).catch((error: unknown) => {
    configPromise = null;
    throw error;
  });
  return configPromise;
}

export interface MapLayer {
  id: string;
  data: FeatureCollection;
  /** Leaflet path style per feature (fill colour by load, etc.). */
  style?: (feature: Feature | undefined) => L.PathOptions;
  /** A short label shown on hover/focus for each feature. */
  label?: (feature: Feature) => string;
  onFeatureClick?: (feature: Feature) => void;
  /** Fit the view to this layer when it first draws. */
  fit?: boolean;
}

export interface MapMarker {
  id: string;
  lon: number;
  lat: number;
  label: string;
  /** Visual weight: `primary` for the chosen point, `secondary` for context (reception points). */
  tone?: 'primary' | 'secondary' | 'accent';
}

export interface CityMapProps {
  /** What the map shows, for screen readers (the map itself is a visual aid; every map has a text alternative on its page). */
  label: string;
  layers?: MapLayer[];
  markers?: MapMarker[];
  onMapClick?: (point: { lon: number; lat: number }) => void;
  /** Centre on this point (e.g. the located address) at this zoom. */
  focus?: { lon: number; lat: number; zoom?: number } | null;
  /** Fit the view to these points (e.g. a resident's home and their reception point); used when `focus` is not set. */
  frame?: readonly { lon: number; lat: number }[] | null;
  height?: number | string;
  /**
   * A small map that only shows a place: no dragging or zooming by touch, so a finger scrolling the
   * page passes over it (the zoom buttons stay).
   */
  staticView?: boolean;
  children?: ReactNode;
}

const toneColour = { primary: '#b3261e', secondary: '#1f5fa8', accent: '#2e7d32' } as const;

function ClickHandler({ onMapClick }: { onMapClick?: CityMapProps['onMapClick'] }) {
  useMapEvents({ click: (event) => onMapClick?.({ lon: event.latlng.lng, lat: event.latlng.lat }) });
  return null;
}

function Focus({ focus }: { focus: CityMapProps['focus'] }) {
  const map = useMap();
  useEffect(() => {
    if (focus) map.setView([focus.lat, focus.lon], focus.zoom ?? Math.max(map.getZoom(), 14));
  }, [map, focus]);
  return null;
}

function Frame({ points }: { points: readonly { lon: number; lat: number }[] }) {
  const map = useMap();
  const key = points.map((p) => `${p.lat},${p.lon}`).join(';');
  useEffect(() => {
    if (points.length === 0) return;
    if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lon], 15);
    else map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon] as [number, number])), { padding: [28, 28], maxZoom: 16 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, key]);
  return null;
}

function FitTo({ data }: { data: FeatureCollection }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || data.features.length === 0) return;
    const bounds = L.geoJSON(data).getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [8, 8] });
      done.current = true;
    }
  }, [map, data]);
  return null;
}

/**
 * The city map: GeoJSON layers on a plain background, so it draws without internet; a base map is
 * added only when the deployment configures a tile URL. Leaflet draws in SVG, which needs no GPU.
 */
export function CityMap({ label, layers = [], markers = [], onMapClick, focus = null, frame = null, height = 360, staticView = false, children }: CityMapProps) {
  const config = useQuery(loadMapConfig, []);
  const center = config.data?.center ?? { lon: 76.92, lat: 43.25 };
  const layerKeys = useMemo(() => layers.map((l) => `${l.id}:${l.data.features.length}`).join('|'), [layers]);
  return (
    <div className="city-map" role="region" aria-label={label} style={{ height }}>
      <MapContainer center={[center.lat, center.lon]} zoom={config.data?.zoom ?? 11} style={{ height: '100%', width: '100%' }} scrollWheelZoom={false} dragging={!staticView} touchZoom={!staticView} doubleClickZoom={!staticView} boxZoom={!staticView} attributionControl={Boolean(config.data?.tileUrl)}>
        {config.data?.tileUrl ? <TileLayer url={config.data.tileUrl} attribution={config.data.tileAttribution ?? ''} /> : null}
        {layers.map((layer) => (
          <GeoJSON
            key={`${layer.id}-${layerKeys}`}
            data={layer.data}
            {...(layer.style ? { style: layer.style } : {})}
            onEachFeature={(feature, path) => {
              // Name each drawn shape by its layer and feature, so tests (and styles) can find a given precinct.
              path.once('add', () => {
                const element = (path as L.Path).getElement?.();
                const featureId = feature.id ?? (feature.properties as { id?: unknown } | null)?.id;
                element?.setAttribute('data-layer', layer.id);
                if (typeof featureId === 'string' || typeof featureId === 'number') element?.setAttribute('data-feature', String(featureId));
              });
              if (layer.label) path.bindTooltip(layer.label(feature), { sticky: true });
              if (layer.onFeatureClick) path.on('click', (event) => {
                if (!onMapClick) L.DomEvent.stopPropagation(event);
                layer.onFeatureClick?.(feature);
              });
            }}
          />
        ))}
        {layers.filter((l) => l.fit).map((l) => (
          <FitTo key={`fit-${l.id}`} data={l.data} />
        ))}
        {markers.map((m) => (
          <CircleMarker key={m.id} center={[m.lat, m.lon]} radius={m.tone === 'secondary' ? 6 : 9} pathOptions={{ color: '#fff', weight: 2, fillColor: toneColour[m.tone ?? 'primary'], fillOpacity: 1 }}>
            <Tooltip>{m.label}</Tooltip>
          </CircleMarker>
        ))}
        <ClickHandler {...(onMapClick ? { onMapClick } : {})} />
        <Focus focus={focus} />
        {!focus && frame ? <Frame points={frame} /> : null}
        {children}
      </MapContainer>
    </div>
  );
}
