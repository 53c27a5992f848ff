import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tileRange, boundsOf, planarRing, planarFeatures, writeTileSet } from '../../scripts/basemap-tiles';
import { loadBasemap, offlineStyle, EMPTY_BASEMAP, OTHER_CITY_LABEL_LAYER, type BasemapManifest } from '../../src/lib/map/basemap';

const tileSet = (layers: string[], maxzoom = 5) => ({ minzoom: 0, maxzoom, bounds: [-180, -85.0511, 180, 85.0511] as [number, number, number, number], layers });
const MANIFEST: BasemapManifest = {
	layers: [{ id: 'countries', n: 241 }],
	missing: [],
	tiles: { world: tileSet(['countries', 'borders']), region: { ...tileSet(['provinces', 'province_lines'], 8), bounds: [61.5, 10, 150, 60] } }
};
const answer = (body: string, status = 200) => (async () => new Response(body, { status })) as unknown as typeof fetch;

describe('tileRange', () => {
	it.each([
		{ bounds: [-180, -85.0511, 180, 85.0511], z: 0, want: { x0: 0, x1: 0, y0: 0, y1: 0 } },
		{ bounds: [-180, -85.0511, 180, 85.0511], z: 2, want: { x0: 0, x1: 3, y0: 0, y1: 3 } },
		{ bounds: [1, 1, 2, 2], z: 1, want: { x0: 1, x1: 1, y0: 0, y1: 0 } },
		{ bounds: [61.5, 10, 150, 60], z: 8, want: { x0: 171, x1: 234, y0: 74, y1: 120 } },
		{ bounds: [114, 30, 115, 31], z: 5, want: { x0: 26, x1: 26, y0: 13, y1: 13 } }
	] as const)('$bounds at z$z', ({ bounds, z, want }) => {
		expect(tileRange([...bounds], z)).toEqual(want);
	});

	it('covers every point of the bounds, within the zoom’s grid, and grows with the zoom', () => {
		const lon = fc.double({ min: -180, max: 180, noNaN: true });
		const lat = fc.double({ min: -85, max: 85, noNaN: true });
		fc.assert(
			fc.property(lon, lon, lat, lat, fc.integer({ min: 0, max: 10 }), (a, b, c, d, z) => {
				const bounds: [number, number, number, number] = [Math.min(a, b), Math.min(c, d), Math.max(a, b), Math.max(c, d)];
				const r = tileRange(bounds, z);
				const n = 2 ** z;
				expect(r.x0).toBeGreaterThanOrEqual(0);
				expect(r.x1).toBeLessThan(n);
				expect(r.y0).toBeLessThanOrEqual(r.y1);
				expect(r.x0).toBeLessThanOrEqual(r.x1);
				// the centre's tile is in the range
				const t = tileRange([(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2], z);
				expect(t.x0).toBeGreaterThanOrEqual(r.x0);
				expect(t.x0).toBeLessThanOrEqual(r.x1);
				expect(t.y0).toBeGreaterThanOrEqual(r.y0);
				expect(t.y0).toBeLessThanOrEqual(r.y1);
				// one zoom deeper: the children of the range
				const r2 = tileRange(bounds, z + 1);
				expect(Math.floor(r2.x0 / 2)).toBe(r.x0);
				expect(Math.floor(r2.x1 / 2)).toBe(r.x1);
			})
		);
	});
});

describe('boundsOf', () => {
	it('spans every coordinate', () => {
		expect(
			boundsOf([
				{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [10, 20] } },
				{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[-5, 3], [7, 40]] } }
			])
		).toEqual([-5, 3, 10, 40]);
	});
});

/** the largest step in longitude between consecutive points, leaving out the edge along a pole */
const maxStep = (ring: number[][]) => Math.max(...ring.slice(1).map((p, i) => (Math.abs(p[1]) === 90 && Math.abs(ring[i][1]) === 90 ? 0 : Math.abs(p[0] - ring[i][0]))));

describe('planarRing', () => {
	it('leaves a ring without a jump as it is', () => {
		const ring = [[10, 10], [20, 10], [20, 20], [10, 10]];
		expect(planarRing(ring)).toEqual(ring);
	});

	it('unwraps a ring that crosses 180 (Fiji, Russia): no step of more than 180°, still closed', () => {
		const ring = [[178, -16], [-179, -16], [-179, -18], [178, -18], [178, -16]];
		const p = planarRing(ring);
		expect(maxStep(p)).toBeLessThanOrEqual(180);
		expect(p).toEqual([[178, -16], [181, -16], [181, -18], [178, -18], [178, -16]]);
	});

	it('closes a ring that goes round the South Pole through the pole', () => {
		// Antarctica-like: eastward along 70° S all the way round
		const ring: number[][] = [];
		for (let lon = -180; lon <= 180; lon += 30) ring.push([lon === 180 ? -180 : lon, -70]);
		const p = planarRing(ring);
		expect(maxStep(p)).toBeLessThanOrEqual(180);
		expect(p.at(-1)).toEqual(p[0]);
		expect(p.filter(([, lat]) => lat === -90)).toHaveLength(2);
		const [w, s, e] = boundsOf([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [p] } }]);
		expect(e - w).toBe(360);
		expect(s).toBe(-90);
	});

	it('a ring round the North Pole closes through the North Pole', () => {
		const ring = [[0, 80], [120, 80], [-120, 80], [0, 80]];
		const p = planarRing(ring);
		expect(p.filter(([, lat]) => lat === 90)).toHaveLength(2);
		expect(maxStep(p)).toBeLessThanOrEqual(180);
	});

	it('planarFeatures keeps the properties and moves holes beside their outer ring', () => {
		const out = planarFeatures({
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { name: 'x' },
					geometry: { type: 'Polygon', coordinates: [[[170, 0], [-170, 0], [-170, 5], [170, 5], [170, 0]], [[-179, 1], [-178, 1], [-178, 2], [-179, 1]]] }
				}
			]
		});
		const g = out.features[0].geometry as GeoJSON.Polygon;
		expect(out.features[0].properties).toEqual({ name: 'x' });
		expect(g.coordinates[1][0][0]).toBe(181);
	});
});

describe('writeTileSet', () => {
	it('writes every tile in the bounds, an empty one as a zero-length file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tiles-'));
		try {
			const r = writeTileSet(
				dir,
				{ l: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 0]]] } }] } },
				{ minzoom: 0, maxzoom: 2, bounds: [-180, -85.0511, 180, 85.0511] }
			);
			expect(r.tiles).toBe(1 + 4 + 16);
			const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.pbf'));
			expect(files).toHaveLength(21);
			expect(statSync(join(dir, '0', '0', '0.pbf')).size).toBeGreaterThan(0);
			expect(statSync(join(dir, '2', '0', '0.pbf')).size).toBe(0);
			expect(r.empty).toBeGreaterThan(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('loadBasemap', () => {
	it('resolves an absolute root and keeps the braces of the tile URLs', async () => {
		const b = await loadBasemap('/sub', answer(JSON.stringify(MANIFEST)), 'https://example.org/sub/?lang=en');
		expect(b.root).toBe('https://example.org/sub/basemap/');
		const style = offlineStyle(b, 'en');
		expect(style.sources.world).toMatchObject({ type: 'vector', tiles: ['https://example.org/sub/basemap/tiles/world/{z}/{x}/{y}.pbf'], maxzoom: 5 });
		expect(style.sources.region).toMatchObject({ type: 'vector', tiles: ['https://example.org/sub/basemap/tiles/region/{z}/{x}/{y}.pbf'], maxzoom: 8 });
		expect(style.sources.places).toMatchObject({ type: 'geojson', data: 'https://example.org/sub/basemap/places.geojson' });
	});

	it('a relative base resolves against the page', async () => {
		const b = await loadBasemap('..', answer(JSON.stringify(MANIFEST)), 'http://127.0.0.1:4173/__bench/index.html');
		expect(b.root).toBe('http://127.0.0.1:4173/basemap/');
	});

	it.each([
		{ what: 'a 404', f: answer('gone', 404), want: 'basemap/manifest.json: the server answered 404' },
		{ what: 'bad JSON', f: answer('{nope'), want: 'basemap/manifest.json: not valid JSON' },
		{
			what: 'a field of the wrong type',
			f: answer(JSON.stringify({ ...MANIFEST, tiles: { ...MANIFEST.tiles, world: { ...MANIFEST.tiles.world, maxzoom: 'five' } } })),
			want: /^basemap\/manifest\.json: tiles\.world\.maxzoom: /
		},
		{ what: 'no tiles', f: answer(JSON.stringify({ layers: [], missing: [] })), want: /^basemap\/manifest\.json: tiles: / }
	])('$what: an error naming the file (and the field)', async ({ f, want }) => {
		await expect(loadBasemap('', f, 'http://h/')).rejects.toThrow(want);
	});
});

describe('offlineStyle', () => {
	it('drops each layer whose source-layer the manifest does not list, keeps the rest', async () => {
		const style = offlineStyle({ manifest: MANIFEST, root: 'http://h/basemap/' }, 'en');
		const ids = style.layers.map((l) => l.id);
		for (const gone of ['rivers', 'lakes', 'land10', 'coast10']) expect(ids).not.toContain(gone);
		for (const kept of ['water', 'land', 'china', 'province-lines', 'borders', 'province-labels', 'country-labels', 'city-labels', OTHER_CITY_LABEL_LAYER, 'city-dots', 'airport-dots'])
			expect(ids).toContain(kept);
		for (const l of style.layers) if ('source-layer' in l) expect(MANIFEST.tiles[l.source as 'world' | 'region']!.layers).toContain(l['source-layer']);
		// the atlas cities' names and the other cities' are two layers (the other cities' give way to markers); the second tries four corners
		const evalFilter = async (id: string, name_en: string) => {
			const { featureFilter } = await import('@maplibre/maplibre-gl-style-spec');
			const l = style.layers.find((x) => x.id === id) as { filter: unknown; layout: Record<string, unknown[]> };
			return featureFilter(l.filter as never, 'filter').filter({ zoom: 8 }, { type: 1, properties: { kind: 'city', rank: 1, name_en } } as never);
		};
		expect([await evalFilter('city-labels', 'Wuhan'), await evalFilter('city-labels', 'Shanghai')]).toEqual([true, false]);
		expect([await evalFilter(OTHER_CITY_LABEL_LAYER, 'Wuhan'), await evalFilter(OTHER_CITY_LABEL_LAYER, 'Shanghai')]).toEqual([false, true]);
		expect((style.layers.find((l) => l.id === OTHER_CITY_LABEL_LAYER) as { layout: Record<string, unknown[]> }).layout['text-variable-anchor-offset'].length).toBe(8);
		// the province names come from the places (one point each), not from the tiled polygons
		expect(style.layers.find((l) => l.id === 'province-labels')).toMatchObject({ source: 'places', filter: ['==', ['get', 'kind'], 'province'] });
	});

	it('the rivers come back when the manifest lists them', () => {
		const m = { ...MANIFEST, tiles: { ...MANIFEST.tiles, region: { ...MANIFEST.tiles.region!, layers: ['provinces', 'rivers'] } } };
		expect(offlineStyle({ manifest: m, root: 'http://h/basemap/' }, 'zh').layers.map((l) => l.id)).toContain('rivers');
	});

	it('no basemap: the background only', () => {
		const style = offlineStyle(EMPTY_BASEMAP, 'en');
		expect(style.layers.map((l) => l.id)).toEqual(['water']);
		expect(style.sources).toEqual({});
	});
});
