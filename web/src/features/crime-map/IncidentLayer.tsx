import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { IncidentCollection, IncidentFeature } from '../../api/crime-map.contract';
import { lineColour } from './crime-map.colours';
import { usePane } from './GeoLayer';

export interface IncidentDescriber {
  /** The line's name in the current language (or "not mapped to a line"). */
  line: (code: string | null) => string;
  /** When it happened, in the dataset's zone; the date alone when the time is unknown. */
  time: (iso: string, timeKnown: boolean) => string;
  timeUnknown: string;
  /** A cluster's count, formatted, and its accessible description. */
  count: (n: number) => string;
  clusterTitle: (n: number) => string;
}

export interface IncidentLayerProps {
  data: IncidentCollection;
  /** The zoom the data was asked for: clusters merge on that zoom's pixel grid. */
  zoom: number;
  describe: IncidentDescriber;
}

/** Clusters closer than this many pixels are drawn as one circle, so that each label can be read. */
const CLUSTER_CELL_PX = 56;

interface Cluster {
  lat: number;
  lon: number;
  count: number;
}

/** The server snaps clusters to a fine grid; on screen they merge into cells a label fits in. */
function mergeClusters(map: L.Map, features: readonly IncidentFeature[], zoom: number): Cluster[] {
  const cells = new Map<string, { lat: number; lon: number; count: number }>();
  for (const f of features) {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const n = f.properties.count;
    const p = map.project([lat, lon], zoom);
    const key = `${Math.floor(p.x / CLUSTER_CELL_PX)}:${Math.floor(p.y / CLUSTER_CELL_PX)}`;
    const cell = cells.get(key);
    if (cell) {
      cell.lat += lat * n;
      cell.lon += lon * n;
      cell.count += n;
    } else cells.set(key, { lat: lat * n, lon: lon * n, count: n });
  }
  return [...cells.values()].map((c) => ({ lat: c.lat / c.count, lon: c.lon / c.count, count: c.count }));
}

function clusterTone(count: number): string {
  return count >= 100 ? 'is-large' : count >= 10 ? 'is-medium' : 'is-small';
}

/** What a point's popup says: the line, the source's category, when (or that the time is unknown). */
function popupContent(feature: IncidentFeature, describe: IncidentDescriber): HTMLElement {
  const p = feature.properties;
  const box = document.createElement('div');
  box.className = 'incident-popup';
  const line = document.createElement('strong');
  line.textContent = describe.line(p.line);
  box.append(line);
  if (p.category) {
    const category = document.createElement('div');
    category.textContent = p.category;
    box.append(category);
  }
  if (p.at) {
    const time = document.createElement('div');
    time.textContent = describe.time(p.at, p.timeKnown === true);
    box.append(time);
    if (p.timeKnown === false) {
      const unknown = document.createElement('div');
      unknown.className = 'incident-popup-note';
      unknown.textContent = describe.timeUnknown;
      box.append(unknown);
    }
  }
  return box;
}

/**
 * The staff map's incidents, drawn imperatively (thousands of shapes): exact points coloured by
 * line with a popup each, or clusters sized and labelled by their count (a tap zooms in on one).
 */
export function IncidentLayer({ data, zoom, describe }: IncidentLayerProps) {
  const map = useMap();
  usePane('incidents', 450);
  useEffect(() => {
    const group = L.layerGroup();
    if (data.clustered) {
      for (const c of mergeClusters(map, data.features, zoom)) {
        const size = Math.round(22 + 8 * Math.log10(c.count));
        const marker = L.marker([c.lat, c.lon], {
          keyboard: false,
          title: describe.clusterTitle(c.count),
          icon: L.divIcon({ className: `incident-cluster ${clusterTone(c.count)}`, html: `<span>${describe.count(c.count)}</span>`, iconSize: [size, size] }),
        });
        marker.on('add', () => {
          const element = marker.getElement();
          element?.setAttribute('data-layer', 'clusters');
          element?.setAttribute('data-count', String(c.count));
        });
        marker.on('click', () => map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 18)));
        group.addLayer(marker);
      }
    } else {
      for (const f of data.features) {
        const [lon, lat] = f.geometry.coordinates as [number, number];
        const point = L.circleMarker([lat, lon], { pane: 'incidents', radius: 6, color: '#ffffff', weight: 1.5, fillColor: lineColour(f.properties.line), fillOpacity: 0.92 });
        point.bindPopup(() => popupContent(f, describe));
        point.on('add', () => {
          const element = point.getElement();
          element?.setAttribute('data-layer', 'incidents');
          if (f.properties.line) element?.setAttribute('data-line', f.properties.line);
        });
        group.addLayer(point);
      }
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, data, zoom, describe]);
  return null;
}
