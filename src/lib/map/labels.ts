/**
 * Feature labels as MapLibre symbols: the one label system of the map, so feature names and basemap
 * place names share MapLibre's collision detection, and main hubs (lower rank) win placement.
 * The filter mask reaches the labels as a filter expression over feature indices.
 */
import type { Map as MLMap, ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import type { PreparedLayers } from './prepare';
import type { CompiledFeature } from '../data/types';
import type { Lang } from '../state/state';

export const LABEL_SOURCE = 'atlas-labels';
export const LABEL_LAYER = 'atlas-labels';

/** At most this many features get a label source entry (the most important first). */
export const MAX_LABELS = 2000;

export function labelData(prepared: PreparedLayers, features: CompiledFeature[]): GeoJSON.FeatureCollection {
	const pts = prepared.points.length > MAX_LABELS ? [...prepared.points].sort((a, b) => a.rank - b.rank).slice(0, MAX_LABELS) : prepared.points;
	return {
		type: 'FeatureCollection',
		features: pts.map((p) => ({
			type: 'Feature',
			properties: {
				i: p.i,
				rank: p.rank,
				name_zh: features[p.i].properties.name_zh,
				name_en: features[p.i].properties.name_en
			},
			geometry: { type: 'Point', coordinates: p.position }
		}))
	};
}

/** Only features whose mask is 1 (and the selected one always) are labelled. */
export function labelFilter(mask: Uint8Array, selected: number | null, labelled: readonly number[]): ExpressionSpecification {
	const on: number[] = [];
	for (const i of labelled) if (mask[i] === 1) on.push(i);
	const shown: ExpressionSpecification = ['in', ['get', 'i'], ['literal', on]];
	// rank 0–1 hubs label from the regional view; the rest once zoomed in
	const byZoom: ExpressionSpecification = ['<=', ['get', 'rank'], ['step', ['zoom'], 0, 6, 1, 8, 2, 9, 3]];
	return selected === null ? ['all', shown, byZoom] : ['any', ['==', ['get', 'i'], selected], ['all', shown, byZoom]];
}

export function labelText(lang: Lang): ExpressionSpecification {
	return ['get', lang === 'zh' ? 'name_zh' : 'name_en'];
}

/** Add (or refresh) the label source and layer; safe to call after every style change. */
export function ensureLabels(map: MLMap, data: GeoJSON.FeatureCollection, filter: ExpressionSpecification, lang: Lang): void {
	const src = map.getSource(LABEL_SOURCE) as GeoJSONSource | undefined;
	if (src) src.setData(data);
	else map.addSource(LABEL_SOURCE, { type: 'geojson', data });
	if (!map.getLayer(LABEL_LAYER))
		map.addLayer({
			id: LABEL_LAYER,
			type: 'symbol',
			source: LABEL_SOURCE,
			layout: {
				'text-field': labelText(lang),
				'text-size': ['match', ['get', 'rank'], 0, 14, 1, 13, 12],
				'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
				'text-radial-offset': 1.1,
				'text-justify': 'auto',
				'text-max-width': 9,
				'symbol-sort-key': ['get', 'rank'],
				'text-padding': 3
			},
			paint: { 'text-color': '#1f2a33', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.6 },
			filter
		});
	else {
		map.setFilter(LABEL_LAYER, filter);
		map.setLayoutProperty(LABEL_LAYER, 'text-field', labelText(lang));
	}
}
