import type { Feature, FeatureCollection } from 'geojson';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { GeoJSON, useMap } from 'react-leaflet';

export interface GeoLayerProps {
  /** Names each drawn shape (`data-layer`), so tests and styles can find it. */
  id: string;
  /** Changes whenever `data` does: the layer is drawn afresh (Leaflet's GeoJSON keeps its first data). */
  version: string;
  data: FeatureCollection;
  style: (feature: Feature | undefined) => L.PathOptions;
  /** A short text shown on hover and tap. */
  label?: (feature: Feature) => string;
  /** Attributes for each shape (e.g. `data-count`), from its feature. */
  attributes?: (feature: Feature) => Record<string, string>;
  /** A pane other than the overlay pane (to keep outlines under or over other shapes). */
  pane?: string;
  interactive?: boolean;
}

/** A GeoJSON layer inside a CityMap, redrawn when its data changes. */
export function GeoLayer({ id, version, data, style, label, attributes, pane, interactive = true }: GeoLayerProps) {
  return (
    <GeoJSON
      key={`${id}:${version}`}
      data={data}
      style={style}
      interactive={interactive}
      {...(pane ? { pane } : {})}
      onEachFeature={(feature, layer) => {
        layer.once('add', () => {
          const element = (layer as L.Path).getElement?.();
          if (!element) return;
          element.setAttribute('data-layer', id);
          const featureId = feature.id ?? (feature.properties as { id?: unknown } | null)?.id;
          if (typeof featureId === 'string' || typeof featureId === 'number') element.setAttribute('data-feature', String(featureId));
          for (const [name, value] of Object.entries(attributes?.(feature) ?? {})) element.setAttribute(name, value);
        });
        if (label && interactive) layer.bindTooltip(label(feature), { sticky: true });
      }}
    />
  );
}

/** A map pane stacked at `zIndex` (the overlay pane is 400, markers 600). */
export function usePane(name: string, zIndex: number): void {
  const map = useMap();
  if (!map.getPane(name)) map.createPane(name).style.zIndex = String(zIndex);
}

/** Fits the view to the data once, the first time there is any. */
export function FitOnce({ data }: { data: FeatureCollection | null | undefined }) {
  const map = useMap();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !data || data.features.length === 0) return;
    const bounds = L.geoJSON(data).getBounds();
    if (bounds.isValid()) {
      // Quarter zoom steps: the whole city fills the map instead of half of it. No animation: a layer
      // replaced while Leaflet animates the zoom would be asked for a position it no longer has.
      map.options.zoomSnap = 0.25;
      map.fitBounds(bounds, { padding: [6, 6], animate: false });
      done.current = true;
    }
  }, [map, data]);
  return null;
}
