/**
 * Search over district, county and town names (#15 item 4): "蔡甸", "Caidian" finds 蔡甸区 and the map
 * flies there. The names are the basemap's towns.geojson (scripts/basemap-towns.ts: GeoNames cities500
 * plus a few editorial districts), fetched on the first search, not at start-up. Entries are of kind
 * 'place': they sit beside the feature results of search.ts, never replace them.
 */
export interface PlaceEntry {
	kind: 'place';
	level: 'district' | 'town';
	name_zh: string;
	name_en: string;
	/** atlas city id */
	city: string;
	lon: number;
	lat: number;
	basis: 'geonames' | 'editorial';
}

const norm = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s\-–—_'’·,()（）]/g, '');
/** the name without its administrative suffix: 蔡甸区 → 蔡甸, Caidian District → caidian */
const bare = (s: string) => norm(s.replace(/(区|县|市|镇|乡|街道)$/, '').replace(/ (District|County|City)$/, ''));

export function placesFrom(fc: GeoJSON.FeatureCollection): PlaceEntry[] {
	const out: PlaceEntry[] = [];
	for (const f of fc.features) {
		const p = f.properties ?? {};
		if (f.geometry?.type !== 'Point' || typeof p.name_zh !== 'string' || typeof p.name_en !== 'string') continue;
		const [lon, lat] = f.geometry.coordinates;
		out.push({
			kind: 'place',
			level: p.kind === 'district' ? 'district' : 'town',
			name_zh: p.name_zh,
			name_en: p.name_en,
			city: String(p.city ?? ''),
			lon,
			lat,
			basis: p.basis === 'editorial' ? 'editorial' : 'geonames'
		});
	}
	return out;
}

export type PlaceSearch = (query: string, limit?: number) => PlaceEntry[];

/**
 * Prefix matches on the Chinese or English name (with or without 区 / District): exact name first,
 * districts before towns, then shorter names. Queries shorter than 2 characters (Chinese) or 3 (Latin)
 * find no place: one letter would list hundreds of towns.
 */
/** The query names this place exactly (with or without its 区/县/District suffix), not only its beginning. */
export function placeIsExact(p: PlaceEntry, query: string): boolean {
	const q = norm(query.trim());
	return [norm(p.name_zh), bare(p.name_zh), norm(p.name_en), bare(p.name_en)].includes(q);
}

export function createPlaceSearch(places: readonly PlaceEntry[]): PlaceSearch {
	const keys = places.map((p) => [norm(p.name_zh), bare(p.name_zh), norm(p.name_en), bare(p.name_en)]);
	return (query, limit = 3) => {
		const q = norm(query.trim());
		const latin = /^[a-z0-9]+$/.test(q);
		if (q.length < (latin ? 3 : 2)) return [];
		const hits: { p: PlaceEntry; score: number }[] = [];
		places.forEach((p, i) => {
			const k = keys[i];
			const exact = k.includes(q);
			if (!exact && !k.some((s) => s.startsWith(q))) return;
			hits.push({ p, score: (exact ? 0 : 2) + (p.level === 'district' ? 0 : 1) });
		});
		hits.sort((a, b) => a.score - b.score || a.p.name_zh.length - b.p.name_zh.length);
		return hits.slice(0, limit).map((h) => h.p);
	};
}

let pending: Promise<PlaceSearch> | null = null;
/** The place search over towns.geojson, fetched once; a failed fetch gives a search that finds nothing. */
export function loadPlaceSearch(url: string, fetchFn: typeof fetch = fetch): Promise<PlaceSearch> {
	pending ??= fetchFn(url)
		.then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
		.then((fc: GeoJSON.FeatureCollection) => createPlaceSearch(placesFrom(fc)))
		.catch(() => {
			pending = null; // try again on a later search
			return createPlaceSearch([]);
		});
	return pending;
}

/** One row of the combobox: a feature hit (its index j among the feature results) or a place. */
export type SearchItem<P> = { place: P } | { j: number };

/**
 * The order of the combobox: features matched exactly (name, alias, code: "WUH"), then places matched
 * exactly ("Caidian"), then the other features, then places that only begin with the query. Exact features
 * lead so that Enter picks the same hit whether or not the place names have loaded yet.
 */
export function mergeHits<P>(featureExact: readonly boolean[], places: readonly P[], placeExact: (p: P) => boolean): SearchItem<P>[] {
	const fs = featureExact.map((exact, j) => ({ j, exact }));
	return [
		...fs.filter((f) => f.exact).map(({ j }) => ({ j })),
		...places.filter(placeExact).map((place) => ({ place })),
		...fs.filter((f) => !f.exact).map(({ j }) => ({ j })),
		...places.filter((p) => !placeExact(p)).map((place) => ({ place }))
	];
}
