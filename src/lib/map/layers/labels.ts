/**
 * Feature labels as MapLibre symbols: the one label system of the map, so feature names and basemap
 * place names share MapLibre's collision detection, and main hubs (lower rank) win placement; the
 * basemap's city names are moved above them all and win over every feature label.
 * The filter mask reaches the labels as a filter expression over feature indices.
 */
import type { Map as MLMap, ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { PreparedLayers } from '../prepare';
import { groupRadiusPx, type CityGroupShown } from './city-groups';
import { radialOffset } from '../anchor-offset';
import type { CompiledFeature } from '../../data/types';
import type { Lang } from '../../state/state';
import { corridorLabelFeatures, corridorLabelFilter, corridorLabelLayer, CORRIDOR_LABEL_LAYER } from './corridor-labels';
import { OTHER_CITY_LABEL_LAYER } from '../basemap';

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
				ro: round(Math.max(MIN_CLEARANCE_EM, (Math.hypot(p.offset[0], p.offset[1]) + markerPx(p.rank) / 2 + 4) / textPx(p.rank))),
				name_zh: features[p.i].properties.name_zh,
				name_en: features[p.i].properties.name_en
			},
			geometry: { type: 'Point', coordinates: p.position }
			})),
			// the city-group rings' space (deck.gl draws the rings): one point per group, keyed by its index
			...prepared.cityGroups.map((g, k): GeoJSON.Feature => ({ type: 'Feature', properties: { g: k }, geometry: { type: 'Point', coordinates: g.position } })),
			// corridor names along their lines (corridor-labels.ts), in the same source: one collision index
			...corridorLabelFeatures(prepared.paths, features)
		]
	};
}

/**
 * Six symbol layers. MapLibre places symbols from the top layer down, so the selected feature's label
 * goes in first, then every shown marker and city-group ring reserves its space (main hubs' first),
 * then the main hubs' names (which try 40 places round their marker), then the other labels fit around
 * all of that. deck.gl draws markers and rings on its own canvas, out of MapLibre's sight: the
 * invisible "space" symbols (marker- or ring-sized, always placed) put them into MapLibre's collision
 * index, so no label but the selected one lies on a marker or a ring (#14 item 9).
 */
export const HUB_SPACE_LAYER = 'atlas-marker-space-hubs';
export const HUB_LABEL_LAYER = 'atlas-labels-hubs';
export const SPACE_LAYER = 'atlas-marker-space';
/** the city-group rings' space, sized to each ring as the filters leave it */
export const RING_SPACE_LAYER = 'atlas-ring-space';
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
	/** the rings drawn (groups with a count above 0) */
	ring: ExpressionSpecification;
	/** icon-size of each ring's space: its diameter over the space image's */
	ringSize: ExpressionSpecification;
	/** corridor names along the lines */
	corridor: ExpressionSpecification;
}

/** Only features whose mask is 1 are labelled (and the selected one always, before all others). */
export function labelFilter(mask: Uint8Array, selected: number | null, labelled: readonly number[], shownGroups: readonly CityGroupShown[] = []): LabelFilters {
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
		ring: ['all', pt, ['has', 'g'], ['in', ['get', 'g'], ['literal', shownGroups.map((d) => d.k)]]],
		ringSize: ringSizeExpression(shownGroups),
		corridor: corridorLabelFilter(shown)
	};
}

/** each shown ring's diameter in space-image pixels, a match on the group index (the count sets the radius) */
export function ringSizeExpression(shownGroups: readonly CityGroupShown[]): ExpressionSpecification {
	const pairs = shownGroups.flatMap((d) => [d.k, round((2 * groupRadiusPx(d.count)) / SPACE_PX)]);
	if (!pairs.length) return ['literal', 0] as unknown as ExpressionSpecification;
	return ['match', ['get', 'g'], ...pairs, 0] as unknown as ExpressionSpecification;
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
/** the least clearance of a label from its point, in ems */
const MIN_CLEARANCE_EM = 1.1;
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
const lastRingSize = new WeakMap<MLMap, string>();

const SIDES = ['top', 'bottom', 'left', 'right'] as const;
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
/** a main hub's name tries the four sides and the four corners at its clearance, then ever farther out */
export const HUB_OFFSET_STEPS = [1, 1.6, 2.4, 3.2, 4];

/**
 * The 40 places a main hub's name tries: the 8 anchors at each step of its clearance ro (in ems), with
 * the signs of MapLibre's radial offset (positive is right and down; corners at ro/√2 on each axis).
 */
export function hubAnchorOffsets(ro: number): (string | [number, number])[] {
	return HUB_OFFSET_STEPS.flatMap((k) => [...SIDES, ...CORNERS].flatMap((a) => [a, radialOffset(a, ro * k).map(round) as [number, number]]));
}

/** text-variable-anchor-offset per hub: a match over the distinct clearances (keyed ×100: match wants integers) */
export function hubOffsetExpression(data: GeoJSON.FeatureCollection): ExpressionSpecification {
	const ros = [...new Set(data.features.filter((f) => f.properties?.rank === 0).map((f) => Number(f.properties!.ro)))].sort((a, b) => a - b);
	const key: ExpressionSpecification = ['round', ['*', ['get', 'ro'], 100]];
	const fallback = ['literal', hubAnchorOffsets(MIN_CLEARANCE_EM)];
	if (!ros.length) return fallback as unknown as ExpressionSpecification;
	return ['match', key, ...ros.flatMap((ro) => [Math.round(ro * 100), ['literal', hubAnchorOffsets(ro)]]), fallback] as unknown as ExpressionSpecification;
}

/** the other labels try the four sides at their clearance; main hubs' names the 40 places of hubAnchorOffsets */
function labelLayout(lang: Lang, placement: Record<string, unknown> = { 'text-variable-anchor': [...SIDES], 'text-radial-offset': ['get', 'ro'] }) {
	return {
		'text-field': labelText(lang),
		'text-size': ['match', ['get', 'rank'], 0, TEXT_PX[0], 1, TEXT_PX[1], TEXT_PX[2]] as ExpressionSpecification,
		...placement,
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
	// bottom to top, each added on top of the previous: the selected label, then every marker's and
	// ring's space (hubs' first), then the hubs' names, then the other labels (#14 item 9)
	type L = { id: string; kind: 'text' | 'hub' | 'space' | 'ring'; filter: ExpressionSpecification };
	const layers: L[] = [
		{ id: LABEL_LAYER, kind: 'text', filter: filters.label },
		{ id: HUB_LABEL_LAYER, kind: 'hub', filter: filters.hubLabel },
		{ id: SPACE_LAYER, kind: 'space', filter: filters.space },
		{ id: RING_SPACE_LAYER, kind: 'ring', filter: filters.ring },
		{ id: HUB_SPACE_LAYER, kind: 'space', filter: filters.hubSpace },
		{ id: SELECTED_LABEL_LAYER, kind: 'text', filter: filters.selected }
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
			const layout =
				l.kind === 'text' ? labelLayout(lang)
				: l.kind === 'hub' ? labelLayout(lang, { 'text-variable-anchor-offset': hubOffsetExpression(data) })
				: l.kind === 'ring' ? { ...spaceLayout, 'icon-size': filters.ringSize }
				: { ...spaceLayout, 'icon-offset': offsetExpression(data) };
			map.addLayer({ id: l.id, type: 'symbol', source: LABEL_SOURCE, layout, ...(l.kind === 'text' || l.kind === 'hub' ? { paint: labelPaint } : {}), filter: l.filter });
			if (l.kind === 'ring') lastRingSize.set(map, JSON.stringify(filters.ringSize));
		} else {
			map.setFilter(l.id, l.filter);
			if (l.kind === 'text' || l.kind === 'hub') map.setLayoutProperty(l.id, 'text-field', labelText(lang));
			if (l.kind === 'hub' && dataChanged) map.setLayoutProperty(l.id, 'text-variable-anchor-offset', hubOffsetExpression(data));
			if (l.kind === 'space' && dataChanged) map.setLayoutProperty(l.id, 'icon-offset', offsetExpression(data));
			// the rings' sizes follow the counts: set only when they changed (a layout change re-lays the source)
			if (l.kind === 'ring') {
				const size = JSON.stringify(filters.ringSize);
				if (lastRingSize.get(map) !== size) {
					lastRingSize.set(map, size);
					map.setLayoutProperty(l.id, 'icon-size', filters.ringSize);
				}
			}
		}
	}
	// city names win over every feature label: the atlas cities' names go on top, so MapLibre places
	// them first (#15 item 4); the other cities' right after the markers' space, so they give way to
	// markers (over Shanghai in a rail-route embed) but not to feature labels
	if (added && map.getLayer(CITY_LABEL_LAYER)) map.moveLayer(CITY_LABEL_LAYER);
	if (added && map.getLayer(OTHER_CITY_LABEL_LAYER)) map.moveLayer(OTHER_CITY_LABEL_LAYER, SPACE_LAYER);
}

/** the offline basemap's layer of the atlas cities' names (map/basemap.ts) */
export const CITY_LABEL_LAYER = 'city-labels';
