/**
 * The embedded offline basemap: a MapLibre style over the files scripts/build-basemap.ts wrote to
 * static/basemap/: vector tiles (tiles/world, tiles/region) and places.geojson, all fetched and
 * decoded by MapLibre's worker, so the main thread only reads the small manifest (#17). No glyphs
 * URL: MapLibre draws zh and en labels from local fonts, so nothing is fetched from outside the site's
 * own origin.
 */
import type { StyleSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { z } from '../data/zod';
import type { Lang } from '../state/state';
import { radialOffset, type Anchor } from './anchor-offset';
import { styleParsed } from './style-ready';

const tileSetSchema = z.object({
	minzoom: z.number().int().min(0).max(24),
	maxzoom: z.number().int().min(0).max(24),
	bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
	layers: z.array(z.string())
});
const manifestSchema = z.object({
	layers: z.array(z.object({ id: z.string(), n: z.number() })),
	missing: z.array(z.string()),
	tiles: z.object({ world: tileSetSchema, region: tileSetSchema })
});

/** one vector tile set: zooms, [west, south, east, north] and the source-layers its tiles hold */
export type BasemapTileSet = z.infer<typeof tileSetSchema>;
/**
 * What `npm run basemap` built (layer id and feature count), which optional layers it had to leave
 * out, and the tile sets: the schema's type, the tile sets optional (the empty basemap has none).
 */
export type BasemapManifest = Omit<z.infer<typeof manifestSchema>, 'tiles'> & { tiles: Partial<z.infer<typeof manifestSchema>['tiles']> };

export interface BasemapData {
	manifest: BasemapManifest;
	/** absolute URL of the basemap folder, ending in '/' ('' without a basemap) */
	root: string;
}

/** No basemap (its files missing or broken): the data is then drawn on the plain background. */
export const EMPTY_BASEMAP: BasemapData = { manifest: { layers: [], missing: [], tiles: {} }, root: '' };

const MANIFEST = 'basemap/manifest.json';

/**
 * Fetch and check the basemap's manifest (the tiles and places are fetched by MapLibre's worker as
 * the view needs them). Errors name the file and, for a manifest of the wrong shape, the field.
 * `href` is the page's address that `base` is resolved against (the document's, by default).
 */
export async function loadBasemap(base: string, fetchFn: typeof fetch = fetch, href?: string): Promise<BasemapData> {
	const r = await fetchFn(`${base}/${MANIFEST}`);
	if (!r.ok) throw new Error(`${MANIFEST}: the server answered ${r.status}`);
	let json: unknown;
	try {
		json = JSON.parse(await r.text());
	} catch {
		throw new Error(`${MANIFEST}: not valid JSON`);
	}
	const parsed = manifestSchema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`${MANIFEST}: ${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
	}
	// absolute: MapLibre's worker fetches the tiles, and a relative URL would resolve against its blob
	const root = new URL(`${base}/basemap/`, href ?? location.href).href;
	return { manifest: parsed.data, root };
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
 * atlas cities whose name goes above-left while only the two capitals are named (zoom < 4, tier 1):
 * there Hefei lies some 20 px east of Wuhan, and two names above-right of their points overlapped
 * ("Hefei" over "Wuhan" in a 640×400 embed of the China–Europe routes). Wuhan's to the west, Hefei's to the east.
 */
export const CITY_ABOVE_LEFT_AT_TIER1 = ['Wuhan'];
/** the zoom below which only rank-1 cities are named (layers/city-names.ts cityTier) */
export const CITY_TIER2_ZOOM = 4;
/** the zoom from which every city is named (layers/city-names.ts cityTier) */
export const CITY_TIER3_ZOOM = 6.5;
/** the cities of the zoom's tier: rank 1 below CITY_TIER2_ZOOM, ranks 1–2 below CITY_TIER3_ZOOM, then all */
const CITY_TIER_FILTER: ExpressionSpecification = ['<=', ['get', 'rank'], ['step', ['zoom'], 1, CITY_TIER2_ZOOM, 2, CITY_TIER3_ZOOM, 3]];
/** MapLibre's anchor for a name above-right of its point (the text's bottom-left corner), below-left and above-left */
export const CITY_NAME_ANCHOR = { aboveRight: 'bottom-left', belowLeft: 'top-right', aboveLeft: 'bottom-right' } as const;

/**
 * Where MapLibre places a city name. An atlas city's name has one place only, the one deck.gl draws it
 * at (layers/city-names.ts: above-right, or below-left for CITY_BELOW_LEFT, above-left for Wuhan while
 * only the capitals are named; clear of a ring), so the
 * transparent copy reserves exactly the space the drawn name covers. Other cities are another layer.
 */
/** an anchor and its radial offset in ems, as text-variable-anchor-offset lists them (rounded to 0.001 em) */
const anchorAt = (a: Anchor, r: number) => [a, radialOffset(a, r).map((n) => Math.round(n * 1000) / 1000)];

export function cityAnchorOffset(): ExpressionSpecification {
	const at = anchorAt;
	const place = (a: Anchor) => ['literal', at(a, CITY_RING_OFFSET_EM)];
	const places = (aboveLeft: string[]) => [
		'match', ['get', 'name_en'],
		CITY_BELOW_LEFT, place(CITY_NAME_ANCHOR.belowLeft),
		...(aboveLeft.length ? [aboveLeft, place(CITY_NAME_ANCHOR.aboveLeft)] : []),
		place(CITY_NAME_ANCHOR.aboveRight)
	];
	return ['step', ['zoom'], places(CITY_ABOVE_LEFT_AT_TIER1), CITY_TIER2_ZOOM, places([])] as unknown as ExpressionSpecification;
}

/**
 * The atlas cities' label layer's filter: the cities of the zoom's tier among `drawn`. Once deck.gl draws
 * the names, drawn is the set it has room for (city-collide.ts), so a name it leaves out gives its
 * reserved place back to the feature labels.
 */
export function atlasCityFilter(drawn: readonly string[] = ATLAS_CITY_NAMES): ExpressionSpecification {
	return ['all', ['==', ['get', 'kind'], 'city'], ['in', ['get', 'name_en'], ['literal', [...drawn]]], CITY_TIER_FILTER];
}

/** the basemap's layer of the other cities' names (not the atlas's ten) */
export const OTHER_CITY_LABEL_LAYER = 'city-labels-other';
/** the other cities' names try four corners */
const OTHER_CITY_ANCHOR_OFFSET = (['bottom-left', 'top-right', 'top-left', 'bottom-right'] as const).flatMap((a) => anchorAt(a, 0.5)) as unknown as ExpressionSpecification;

/** what the two city-name layers share (their filters and places differ) */
const cityLabel = (lang: Lang) => ({
	type: 'symbol' as const,
	source: 'places',
	layout: { 'text-field': labelField(lang), 'text-size': ['match', ['get', 'rank'], 1, 14, 2, 12, 11] as ExpressionSpecification, 'symbol-sort-key': ['get', 'rank'] as ExpressionSpecification },
	paint: { 'text-color': COLORS.text, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.5 }
});

const LABEL_LAYERS = ['province-labels', 'country-labels', 'city-labels', OTHER_CITY_LABEL_LAYER, 'town-labels'];

/** Switch the basemap's labels to another language in place (a style diff would re-compare every source). */
export function setBasemapLanguage(map: import('maplibre-gl').Map, lang: Lang): void {
	for (const id of LABEL_LAYERS) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelField(lang));
}

/** the vector tile sets of the basemap (scripts/basemap-tiles.ts) */
const TILE_SETS = ['world', 'region'] as const;

/**
 * The offline style: vector sources `world` and `region` (tiles fetched by MapLibre's worker from
 * absolute URLs) and the places by URL. A layer whose source-layer the manifest does not list is left
 * out (a fresh clone may have no rivers or lakes); without a basemap only the background is drawn.
 */
export function offlineStyle(b: BasemapData, lang: Lang): StyleSpecification {
	const background: LayerSpecification = { id: 'water', type: 'background', paint: { 'background-color': COLORS.water } };
	const name = 'Open Platforms Atlas offline basemap';
	if (!b.root) return { version: 8, name, sources: {}, layers: [background] };
	const sources: StyleSpecification['sources'] = {};
	const has = new Set<string>();
	for (const id of TILE_SETS) {
		const t = b.manifest.tiles[id];
		if (!t) continue;
		// braces kept as they are: MapLibre fills them in
		sources[id] = { type: 'vector', tiles: [`${b.root}tiles/${id}/{z}/{x}/{y}.pbf`], minzoom: t.minzoom, maxzoom: t.maxzoom, bounds: t.bounds };
		for (const l of t.layers) has.add(`${id}/${l}`);
	}
	sources.places = { type: 'geojson', data: `${b.root}places.geojson`, tolerance: 0.5 };
	const layers = [
		background,
		{ id: 'land', type: 'fill', source: 'world', 'source-layer': 'countries', paint: { 'fill-color': COLORS.land } },
		{ id: 'land10', type: 'fill', source: 'region', 'source-layer': 'land10', paint: { 'fill-color': COLORS.land } },
		{ id: 'china', type: 'fill', source: 'region', 'source-layer': 'provinces', paint: { 'fill-color': COLORS.china } },
		{ id: 'lakes', type: 'fill', source: 'region', 'source-layer': 'lakes', paint: { 'fill-color': COLORS.water, 'fill-outline-color': COLORS.river } },
		{
			id: 'rivers',
			type: 'line',
			source: 'region',
			'source-layer': 'rivers',
			filter: ['<=', ['coalesce', ['get', 'scalerank'], 9], ['step', ['zoom'], 4, 4, 6, 6, 9]],
			paint: {
				'line-color': COLORS.river,
				'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 2.2, 11, 3.5],
				'line-opacity': fadePast10(1)
			}
		},
		{ id: 'coast10', type: 'line', source: 'region', 'source-layer': 'coast10', paint: { 'line-color': COLORS.river, 'line-width': 0.8 } },
		{
			id: 'province-lines',
			type: 'line',
			source: 'region',
			'source-layer': 'province_lines',
			minzoom: 4,
			paint: { 'line-color': COLORS.province, 'line-width': 1, 'line-dasharray': [3, 2], 'line-opacity': fadePast10(1) }
		},
		{
			// neutral: one grey line for every international border, no disputed-line styling
			id: 'borders',
			type: 'line',
			source: 'world',
			'source-layer': 'borders',
			paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.4], 'line-opacity': fadePast10(1) }
		},
		{
			id: 'province-labels',
			type: 'symbol',
			source: 'places',
			filter: ['==', ['get', 'kind'], 'province'],
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
			...cityLabel(lang),
			filter: atlasCityFilter(),
			// the atlas cities carry a city-group ring (up to 22 px) on deck.gl's canvas above: their
			// names stand clear of it (layers/city-groups.ts), where deck.gl draws them
			layout: { ...cityLabel(lang).layout, 'text-variable-anchor-offset': cityAnchorOffset() }
		},
		{
			// the other cities (Shanghai, Moscow, …): under the atlas's markers on deck.gl's canvas, so their
			// names are placed after the markers' space and give way to it (layers/labels.ts ensureLabels)
			id: OTHER_CITY_LABEL_LAYER,
			...cityLabel(lang),
			filter: ['all', ['==', ['get', 'kind'], 'city'], ['!', ['in', ['get', 'name_en'], ['literal', ATLAS_CITY_NAMES]]], CITY_TIER_FILTER],
			layout: { ...cityLabel(lang).layout, 'text-variable-anchor-offset': OTHER_CITY_ANCHOR_OFFSET }
		},
		{
			id: 'city-dots',
			type: 'circle',
			source: 'places',
			filter: ['all', ['==', ['get', 'kind'], 'city'], CITY_TIER_FILTER],
			paint: { 'circle-radius': 2.5, 'circle-color': '#fff', 'circle-stroke-color': '#555', 'circle-stroke-width': 1 }
		}
	] satisfies LayerSpecification[];
	return {
		version: 8,
		name,
		sources,
		layers: layers.filter((l) => !('source-layer' in l) || has.has(`${l.source}/${l['source-layer']}`))
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
				// a style still being parsed gets them from the style.load listener below
				if (styleParsed(map)) add();
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
