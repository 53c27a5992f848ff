/**
 * Feature labels as MapLibre symbols: the one label system of the map, so feature names and basemap
 * place names share MapLibre's collision detection, and main hubs (lower rank) win placement; the
 * basemap's city names are moved above them all and win over every feature label.
 * The filter mask reaches the labels as a filter expression over feature indices.
 */
import type { Map as MLMap, ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { PreparedLayers } from '../prepare';
import type { CompiledFeature } from '../../data/types';
import type { Lang } from '../../state/state';
import { corridorLabelFeatures, corridorLabelFilter, corridorLabelLayer, CORRIDOR_LABEL_LAYER } from './corridor-labels';

export const LABEL_SOURCE = 'atlas-labels';
export const LABEL_LAYER = 'atlas-labels';

/** At most this many features get a label source entry (the most important first). */
export const MAX_LABELS = 2000;

export function labelData(prepared: PreparedLayers, features: CompiledFeature[]): GeoJSON.FeatureCollection {
	const pts = prepared.points.length > MAX_LABELS ? [...prepared.points].sort((a, b) => a.rank - b.rank).slice(0, MAX_LABELS) : prepared.points;
	return {
		type: 'FeatureCollection',
		features: [
			...pts.map((p): GeoJSON.Feature => ({
			type: 'Feature',
			properties: {
				i: p.i,
				rank: p.rank,
				// the marker's pixel offset in icon pixels (MapLibre multiplies icon-offset by icon-size), as a
				// key: array properties do not survive the trip to MapLibre's worker (see offsetExpression)
				off: `${round((p.offset[0] * SPACE_PX) / markerPx(p.rank))},${round((p.offset[1] * SPACE_PX) / markerPx(p.rank))}`,
				// the label stands clear of its marker, or of the whole ring when several share the spot
				ro: round(Math.max(1.1, (Math.hypot(p.offset[0], p.offset[1]) + markerPx(p.rank) / 2 + 4) / textPx(p.rank))),
				name_zh: features[p.i].properties.name_zh,
				name_en: features[p.i].properties.name_en
			},
			geometry: { type: 'Point', coordinates: p.position }
			})),
			// corridor names along their lines (corridor-labels.ts), in the same source: one collision index
			...corridorLabelFeatures(prepared.paths, features)
		]
	};
}

/**
 * Five symbol layers. MapLibre places symbols from the top layer down, so the selected feature's
 * label goes in first, then main hubs (rank 0) reserve their markers' space and place their labels
 * (which may then lie over a minor marker), then every other shown marker reserves its space, and the
 * other labels fit around all of that. deck.gl draws the markers on its own canvas, out of MapLibre's
 * sight: the invisible "space" symbols (marker-sized, always placed) put them into MapLibre's collision
 * index, so labels (which try four anchors, hubs eight) go beside markers.
 */
export const HUB_SPACE_LAYER = 'atlas-marker-space-hubs';
export const HUB_LABEL_LAYER = 'atlas-labels-hubs';
export const SPACE_LAYER = 'atlas-marker-space';
/** the selected feature's label: the top layer, placed before everything else */
export const SELECTED_LABEL_LAYER = 'atlas-label-selected';
/** every layer holding feature labels (for queries) */
export const LABEL_LAYERS = [SELECTED_LABEL_LAYER, HUB_LABEL_LAYER, LABEL_LAYER];

export interface LabelFilters {
	selected: ExpressionSpecification;
	hubSpace: ExpressionSpecification;
	hubLabel: ExpressionSpecification;
	space: ExpressionSpecification;
	label: ExpressionSpecification;
	/** corridor names along the lines */
	corridor: ExpressionSpecification;
}

/** Only features whose mask is 1 are labelled (and the selected one always, before all others). */
export function labelFilter(mask: Uint8Array, selected: number | null, labelled: readonly number[]): LabelFilters {
	const on: number[] = [];
	for (const i of labelled) if (mask[i] === 1) on.push(i);
	const shown: ExpressionSpecification = ['in', ['get', 'i'], ['literal', on]];
	const hub: ExpressionSpecification = ['==', ['get', 'rank'], 0];
	const notHub: ExpressionSpecification = ['>', ['get', 'rank'], 0];
	// the point layers never take the corridor lines of the same source
	const pt: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
	const isSel: ExpressionSpecification = ['all', pt, ['==', ['get', 'i'], selected ?? -1]];
	// rank 1 labels from the regional view (zoom 6), the rest once zoomed in
	const byZoom: ExpressionSpecification = ['<=', ['get', 'rank'], ['step', ['zoom'], 0, 6, 1, 8, 2, 9, 3]];
	return {
		selected: isSel,
		hubSpace: ['all', pt, shown, hub],
		hubLabel: ['all', pt, shown, hub, ['!', isSel]],
		space: ['all', pt, shown, notHub],
		label: ['all', pt, shown, notHub, byZoom, ['!', isSel]],
		corridor: corridorLabelFilter(shown)
	};
}

export function labelText(lang: Lang): ExpressionSpecification {
	return ['get', lang === 'zh' ? 'name_zh' : 'name_en'];
}

const SPACE_IMAGE = 'atlas-marker-space';
const SPACE_PX = 16;
/** the marker sizes of layers.ts (22 / 18 / 15 px by rank) */
const MARKER_PX = [22, 18, 15];
const markerPx = (rank: number) => MARKER_PX[Math.min(rank, 2)];
const round = (n: number) => Math.round(n * 100) / 100;
/** label sizes by rank (text-size below) */
const TEXT_PX = [14, 13, 12];
const textPx = (rank: number) => TEXT_PX[Math.min(rank, 2)];

/** icon-offset per feature: a match over the few distinct offsets in the data. */
export function offsetExpression(data: GeoJSON.FeatureCollection): ExpressionSpecification {
	const keys = [...new Set(data.features.map((f) => String(f.properties?.off ?? '0,0')))].filter((k) => k !== '0,0');
	if (!keys.length) return ['literal', [0, 0]];
	return ['match', ['get', 'off'], ...keys.flatMap((k) => [k, ['literal', k.split(',').map(Number)]]), ['literal', [0, 0]]] as unknown as ExpressionSpecification;
}
const lastData = new WeakMap<MLMap, GeoJSON.FeatureCollection>();

/** the four sides, then for main hubs the four corners too: more places for a hub's name to go clear of other hubs */
const SIDES = ['top', 'bottom', 'left', 'right'] as const;
const SIDES_AND_CORNERS = [...SIDES, 'top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

function labelLayout(lang: Lang, anchors: readonly (typeof SIDES_AND_CORNERS)[number][] = SIDES) {
	return {
		'text-field': labelText(lang),
		'text-size': ['match', ['get', 'rank'], 0, TEXT_PX[0], 1, TEXT_PX[1], TEXT_PX[2]] as ExpressionSpecification,
		'text-variable-anchor': [...anchors],
		'text-radial-offset': ['get', 'ro'] as ExpressionSpecification,
		'text-justify': 'auto' as const,
		'text-max-width': 9,
		'symbol-sort-key': ['get', 'rank'] as ExpressionSpecification,
		'text-padding': 3
	};
}
const spaceLayout = {
	'icon-image': SPACE_IMAGE,
	'icon-size': ['match', ['get', 'rank'], 0, MARKER_PX[0] / SPACE_PX, 1, MARKER_PX[1] / SPACE_PX, MARKER_PX[2] / SPACE_PX] as ExpressionSpecification,
	'icon-allow-overlap': true,
	'icon-ignore-placement': false
};
const labelPaint = { 'text-color': '#1f2a33', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.6 };

/** Add (or refresh) the label source and layers; safe to call after every style change. */
export function ensureLabels(map: MLMap, data: GeoJSON.FeatureCollection, filters: LabelFilters, lang: Lang): void {
	const src = map.getSource(LABEL_SOURCE) as GeoJSONSource | undefined;
	if (!src) map.addSource(LABEL_SOURCE, { type: 'geojson', data });
	// re-tiling the source is costly: only when the data itself changed
	const dataChanged = !!src && lastData.get(map) !== data;
	if (dataChanged) src!.setData(data);
	lastData.set(map, data);
	if (!map.hasImage(SPACE_IMAGE))
		map.addImage(SPACE_IMAGE, { width: SPACE_PX, height: SPACE_PX, data: new Uint8Array(SPACE_PX * SPACE_PX * 4) });
	// bottom to top, each added on top of the previous
	// main hubs' markers, then their names, then every other marker's space, then the other labels: a hub
	// is always named (in a dense centre the minor markers' spaces left six of them unnamed at zoom 9), and
	// the other labels go beside every marker, never on one (#14 item 9)
	const layers = [
		{ id: LABEL_LAYER, text: true, filter: filters.label },
		{ id: SPACE_LAYER, text: false, filter: filters.space },
		{ id: HUB_LABEL_LAYER, text: true, filter: filters.hubLabel },
		{ id: HUB_SPACE_LAYER, text: false, filter: filters.hubSpace },
		{ id: SELECTED_LABEL_LAYER, text: true, filter: filters.selected }
	];
	let added = false;
	// corridor names first, at the bottom: every point label and marker wins over them
	if (!map.getLayer(CORRIDOR_LABEL_LAYER)) {
		added = true;
		map.addLayer(corridorLabelLayer(LABEL_SOURCE, filters.corridor, lang));
	} else {
		map.setFilter(CORRIDOR_LABEL_LAYER, filters.corridor);
		map.setLayoutProperty(CORRIDOR_LABEL_LAYER, 'text-field', labelText(lang));
	}
	for (const l of layers) {
		if (!map.getLayer(l.id)) {
			added = true;
			map.addLayer(
				l.text
					? { id: l.id, type: 'symbol', source: LABEL_SOURCE, layout: labelLayout(lang, l.id === HUB_LABEL_LAYER ? SIDES_AND_CORNERS : SIDES), paint: labelPaint, filter: l.filter }
					: { id: l.id, type: 'symbol', source: LABEL_SOURCE, layout: { ...spaceLayout, 'icon-offset': offsetExpression(data) }, filter: l.filter }
			);
		} else {
			map.setFilter(l.id, l.filter);
			if (l.text) map.setLayoutProperty(l.id, 'text-field', labelText(lang));
			else if (dataChanged) map.setLayoutProperty(l.id, 'icon-offset', offsetExpression(data));
		}
	}
	// city names win over every feature label: the basemap's city labels go on top, so MapLibre
	// places them first (#15 item 4)
	if (added && map.getLayer(CITY_LABEL_LAYER)) map.moveLayer(CITY_LABEL_LAYER);
}

/** the offline basemap's city-name layer (map/basemap.ts) */
export const CITY_LABEL_LAYER = 'city-labels';
