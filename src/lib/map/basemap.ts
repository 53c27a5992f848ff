/**
 * The embedded offline basemap: a MapLibre style built from the files scripts/build-basemap.ts wrote
 * to static/basemap/. No glyphs URL: MapLibre draws zh and en labels from local fonts, so nothing
 * is fetched from outside the site's own origin.
 */
import type { StyleSpecification, ExpressionSpecification } from 'maplibre-gl';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Lang } from '../state/state';

export interface BasemapData {
	world: Record<string, GeoJSON.FeatureCollection | GeoJSON.Feature>;
	region: Record<string, GeoJSON.FeatureCollection | GeoJSON.Feature>;
	places: GeoJSON.FeatureCollection;
	manifest: BasemapManifest;
}

/** What `npm run basemap` built (layer id and feature count) and which optional layers it had to leave out. */
export interface BasemapManifest {
	layers: { id: string; n: number }[];
	missing: string[];
}

/** No basemap (its files missing or broken): the data is then drawn on the plain background. */
export const EMPTY_BASEMAP: BasemapData = {
	world: {},
	region: {},
	places: { type: 'FeatureCollection', features: [] },
	manifest: { layers: [], missing: [] }
};

function objects(topo: Topology) {
	const out: Record<string, GeoJSON.FeatureCollection | GeoJSON.Feature> = {};
	for (const [k, o] of Object.entries(topo.objects)) out[k] = feature(topo, o) as never;
	return out;
}

export async function loadBasemap(base: string, fetchFn: typeof fetch = fetch): Promise<BasemapData> {
	const get = async (f: string) => {
		const r = await fetchFn(`${base}/basemap/${f}`);
		if (!r.ok) throw new Error(`basemap/${f}: the server answered ${r.status}`);
		return r.json();
	};
	const [world, region, places, manifest] = await Promise.all([
		get('world.topojson'),
		get('region.topojson'),
		get('places.geojson'),
		get('manifest.json')
	]);
	return { world: objects(world), region: objects(region), places, manifest };
}

export const COLORS = {
	water: '#d6e6f0',
	land: '#f6f4ef',
	china: '#fbfaf6',
	border: '#9a9a9a',
	province: '#c5bfb3',
	river: '#8fb8d6',
	text: '#4a4a4a',
	halo: 'rgba(255,255,255,0.9)'
};

const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Past zoom 10 the 1:10m basemap is no longer honest: fade it instead of pretending detail. */
const fadePast10 = (o: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 9.5, o, 12, o * 0.35];

export function labelField(lang: Lang): ExpressionSpecification {
	return lang === 'zh' ? ['coalesce', ['get', 'name_zh'], ['get', 'name_en']] : ['get', 'name_en'];
}

/** the cities of the atlas (geodata/cities.geojson): each can carry a city-group ring */
export const ATLAS_CITY_NAMES = ['Wuhan', 'Ezhou', 'Huangshi', 'Huanggang', 'Xiaogan', 'Xianning', 'Xiantao', 'Tianmen', 'Qianjiang', 'Hefei'];
/** radial offset (em of a 14 px label) that clears the largest ring (22 px radius) */
export const CITY_RING_OFFSET_EM = 1.75;
/** atlas cities whose name goes below-left (Ezhou lies a few pixels from Huanggang, whose name goes above-right) */
export const CITY_BELOW_LEFT = ['Ezhou'];

/**
 * Where MapLibre places a city name. An atlas city's name has one place only, the one deck.gl draws it
 * at (layers/city-names.ts: above-right, or below-left for CITY_BELOW_LEFT, clear of a ring), so the
 * transparent copy reserves exactly the space the drawn name covers; other cities try four corners.
 */
export function cityAnchorOffset(): ExpressionSpecification {
	const d = Math.round((CITY_RING_OFFSET_EM / Math.SQRT2) * 1000) / 1000;
	const h = Math.round((0.5 / Math.SQRT2) * 1000) / 1000;
	const others = ['bottom-left', [h, -h], 'top-right', [-h, h], 'top-left', [h, h], 'bottom-right', [-h, -h]];
	// match wants its outputs of one type, array lengths included: the one place is repeated four times
	const one = (anchor: string, at: [number, number]) => Array.from({ length: 4 }, () => [anchor, at]).flat();
	return [
		'match', ['get', 'name_en'],
		CITY_BELOW_LEFT, ['literal', one('top-right', [-d, d])],
		ATLAS_CITY_NAMES.filter((n) => !CITY_BELOW_LEFT.includes(n)), ['literal', one('bottom-left', [d, -d])],
		['literal', others]
	] as unknown as ExpressionSpecification;
}

const LABEL_LAYERS = ['province-labels', 'country-labels', 'city-labels', 'town-labels'];

/** Switch the basemap's labels to another language in place (a style diff would re-compare every source). */
export function setBasemapLanguage(map: import('maplibre-gl').Map, lang: Lang): void {
	for (const id of LABEL_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelField(lang));
}

export function offlineStyle(b: BasemapData, lang: Lang): StyleSpecification {
	const src = (d: GeoJSON.FeatureCollection | GeoJSON.Feature | undefined) => ({ type: 'geojson' as const, data: d ?? empty, tolerance: 0.5 });
	const r = b.region;
	return {
		version: 8,
		name: 'Open Platforms Atlas offline basemap',
		sources: {
			countries: src(b.world.countries),
			borders: src(b.world.borders),
			provinces: src(r.provinces),
			province_lines: src(r.province_lines),
			land10: src(r.land10),
			coast10: src(r.coast10),
			lakes: src(r.lakes),
			rivers: src(r.rivers),
			places: src(b.places)
		},
		layers: [
			{ id: 'water', type: 'background', paint: { 'background-color': COLORS.water } },
			{ id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': COLORS.land } },
			{ id: 'land10', type: 'fill', source: 'land10', paint: { 'fill-color': COLORS.land } },
			{ id: 'china', type: 'fill', source: 'provinces', paint: { 'fill-color': COLORS.china } },
			{ id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': COLORS.water, 'fill-outline-color': COLORS.river } },
			{
				id: 'rivers',
				type: 'line',
				source: 'rivers',
				filter: ['<=', ['coalesce', ['get', 'scalerank'], 9], ['step', ['zoom'], 4, 4, 6, 6, 9]],
				paint: {
					'line-color': COLORS.river,
					'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 2.2, 11, 3.5],
					'line-opacity': fadePast10(1)
				}
			},
			{ id: 'coast10', type: 'line', source: 'coast10', paint: { 'line-color': COLORS.river, 'line-width': 0.8 } },
			{
				id: 'province-lines',
				type: 'line',
				source: 'province_lines',
				minzoom: 4,
				paint: { 'line-color': COLORS.province, 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': fadePast10(1) }
			},
			{
				// neutral: one grey line for every international border, no disputed-line styling
				id: 'borders',
				type: 'line',
				source: 'borders',
				paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.4], 'line-opacity': fadePast10(1) }
			},
			{
				id: 'province-labels',
				type: 'symbol',
				source: 'provinces',
				minzoom: 5,
				maxzoom: 9,
				layout: { 'text-field': labelField(lang), 'text-size': 12, 'symbol-placement': 'point' },
				paint: { 'text-color': '#9b9486', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 }
			},
			{
				id: 'country-labels',
				type: 'symbol',
				source: 'places',
				filter: ['==', ['get', 'kind'], 'country'],
				maxzoom: 6,
				layout: { 'text-field': labelField(lang), 'text-size': 12, 'text-transform': 'uppercase', 'text-letter-spacing': 0.1 },
				paint: { 'text-color': '#8c8c8c', 'text-halo-color': COLORS.halo, 'text-halo-width': 1.2 }
			},
			{
				id: 'airport-dots',
				type: 'circle',
				source: 'places',
				minzoom: 6,
				filter: ['==', ['get', 'kind'], 'airport'],
				paint: { 'circle-radius': 2.5, 'circle-color': '#b0b0b0' }
			},
			{
				id: 'city-labels',
				type: 'symbol',
				source: 'places',
				filter: ['all', ['==', ['get', 'kind'], 'city'], ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 4, 2, 6.5, 3]]],
				layout: {
					'text-field': labelField(lang),
					'text-size': ['match', ['get', 'rank'], 1, 14, 2, 12, 11],
					// the atlas cities carry a city-group ring (up to 22 px) on deck.gl's canvas above: their
					// names stand clear of it (layers/city-groups.ts), where deck.gl draws them
					'text-variable-anchor-offset': cityAnchorOffset(),
					'symbol-sort-key': ['get', 'rank']
				},
				paint: { 'text-color': COLORS.text, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 }
			},
			{
				id: 'city-dots',
				type: 'circle',
				source: 'places',
				filter: ['all', ['==', ['get', 'kind'], 'city'], ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 4, 2, 6.5, 3]]],
				paint: { 'circle-radius': 2.5, 'circle-color': '#fff', 'circle-stroke-color': '#555', 'circle-stroke-width': 1 }
			}
		]
	};
}

// ——— town-level orientation (#15): districts and towns, fetched only once zoom 9 is first reached ———

export const TOWN_SOURCE = 'towns';
export const TOWN_LAYER = 'town-labels';
/** districts from this zoom; other county seats half a level later, township seats from zoom 10 */
export const TOWN_MIN_ZOOM = 9;

function townLayer(lang: Lang): import('maplibre-gl').SymbolLayerSpecification {
	return {
		id: TOWN_LAYER,
		type: 'symbol',
		source: TOWN_SOURCE,
		minzoom: TOWN_MIN_ZOOM,
		filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 9.5, 2, 10, 3]],
		layout: {
			'text-field': labelField(lang),
			'text-size': ['match', ['get', 'rank'], 1, 13, 2, 12, 11],
			// districts before towns when they collide
			'symbol-sort-key': ['get', 'rank'],
			'text-padding': 4,
			'text-max-width': 8
		},
		paint: {
			'text-color': ['match', ['get', 'rank'], 1, '#5d5648', '#7a7468'],
			'text-halo-color': COLORS.halo,
			'text-halo-width': 1.4,
			'text-opacity': ['interpolate', ['linear'], ['zoom'], TOWN_MIN_ZOOM, 0.6, TOWN_MIN_ZOOM + 0.4, 1]
		}
	};
}

/**
 * Lazily add the districts-and-towns source and label layer to an offline-basemap map: the file is
 * fetched the first time the camera reaches zoom 9 (never at start-up), and put back after a style
 * change. Town names sit under the city labels and the feature labels (they are placed last, so they
 * never push a city or a platform name away). Orientation only: a failed fetch leaves the map as it was.
 * Returns a function that detaches the listeners.
 */
export function attachTowns(map: import('maplibre-gl').Map, url: string, lang: () => Lang, fetchFn: typeof fetch = fetch): () => void {
	let data: GeoJSON.FeatureCollection | null = null;
	let asked = false;
	const add = () => {
		if (!data || !map.getStyle() || map.getSource(TOWN_SOURCE)) return;
		// only on the offline style (it has the city-labels layer), below its labels
		if (!map.getLayer('city-labels')) return;
		map.addSource(TOWN_SOURCE, { type: 'geojson', data });
		map.addLayer(townLayer(lang()), 'province-labels');
	};
	const onMove = () => {
		if (asked || map.getZoom() < TOWN_MIN_ZOOM - 0.25) return;
		asked = true;
		fetchFn(url)
			.then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${url}: ${r.status}`))))
			.then((d: GeoJSON.FeatureCollection) => {
				data = d;
				if (map.isStyleLoaded()) add();
				else map.once('idle', add);
			})
			.catch(() => {
				/* orientation only: the map stays as it was */
			});
	};
	map.on('moveend', onMove);
	map.on('style.load', add);
	onMove();
	return () => {
		map.off('moveend', onMove);
		map.off('style.load', add);
	};
}
