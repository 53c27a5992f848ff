/**
 * Vector tiles of the offline basemap, cut at build time (scripts/build-basemap.ts): a folder of
 * `{z}/{x}/{y}.pbf` files that any static host serves, drawn by MapLibre's worker, so no layer is
 * decoded on the main thread (#17). The tiles are cut with the same code MapLibre runs for GeoJSON
 * sources (@maplibre/geojson-vt, @maplibre/vt-pbf), so they draw like the old sources did.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

export type Bounds = [number, number, number, number];
type Pos = number[];

/** the Web Mercator latitude limit */
const MAX_LAT = 85.0511287798066;

/** The tiles (inclusive ranges of x and y) that cover `bounds` ([w, s, e, n] in degrees) at zoom z. */
export function tileRange([w, s, e, n]: Bounds, z: number): { x0: number; x1: number; y0: number; y1: number } {
	const size = 2 ** z;
	const clampIdx = (v: number) => Math.min(size - 1, Math.max(0, Math.floor(v)));
	const tx = (lon: number) => ((lon + 180) / 360) * size;
	const ty = (lat: number) => {
		const l = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
		return ((1 - Math.log(Math.tan(l) + 1 / Math.cos(l)) / Math.PI) / 2) * size;
	};
	return { x0: clampIdx(tx(w)), x1: clampIdx(tx(e)), y0: clampIdx(ty(n)), y1: clampIdx(ty(s)) };
}

function eachPos(c: unknown, f: (p: Pos) => void): void {
	if (Array.isArray(c) && typeof c[0] === 'number') f(c as Pos);
	else if (Array.isArray(c)) for (const x of c) eachPos(x, f);
}

/** [w, s, e, n] of all coordinates of the features (of geometry collections too). */
export function boundsOf(features: GeoJSON.Feature[]): Bounds {
	const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	const walkGeom = (g: GeoJSON.Geometry | null) => {
		if (!g) return;
		if (g.type === 'GeometryCollection') return g.geometries.forEach(walkGeom);
		eachPos(g.coordinates, (p) => {
			b[0] = Math.min(b[0], p[0]);
			b[1] = Math.min(b[1], p[1]);
			b[2] = Math.max(b[2], p[0]);
			b[3] = Math.max(b[3], p[1]);
		});
	};
	for (const f of features) walkGeom(f.geometry);
	return b;
}

/** Longitudes made continuous: each one within 180° of the one before (±360 where a line jumps the antimeridian). */
function unwrap(line: Pos[]): Pos[] {
	const out: Pos[] = [];
	let shift = 0;
	for (let i = 0; i < line.length; i++) {
		const [lon, lat] = line[i];
		if (i > 0) {
			const d = lon + shift - out[i - 1][0];
			if (d > 180) shift -= 360 * Math.round(d / 360);
			else if (d < -180) shift += 360 * Math.round(-d / 360);
		}
		out.push([lon + shift, lat]);
	}
	return out;
}

/**
 * A spherical ring (world-atlas: it may jump from 180 to -180 inside the ring, or go round a pole)
 * made planar: longitudes unwrapped so consecutive ones stay within 180° of each other; a ring that
 * then ends 360° from where it began went round a pole, and is closed through that pole (via the
 * ±90 latitude corners). The result may reach past ±180: geojson-vt wraps that into the next world copy.
 */
export function planarRing(ring: Pos[]): Pos[] {
	if (ring.length < 2) return ring.map((p) => [...p]);
	const out = unwrap(ring);
	const first = out[0], last = out[out.length - 1];
	const gap = last[0] - first[0];
	if (Math.abs(gap) > 180) {
		// round a pole: the one whose side of the equator the ring mostly lies on
		const meanLat = out.reduce((s, p) => s + p[1], 0) / out.length;
		const pole = meanLat < 0 ? -90 : 90;
		out.push([last[0], pole], [first[0], pole], [first[0], first[1]]);
	}
	return out;
}

/** a polygon's rings made planar, its holes shifted by whole turns to lie beside its outer ring */
function planarPolygon(rings: Pos[][]): Pos[][] {
	if (!rings.length) return rings;
	const outer = planarRing(rings[0]);
	const [w, , e] = boundsOf([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: outer } }]);
	const mid = (w + e) / 2;
	return [
		outer,
		...rings.slice(1).map((h) => {
			const p = planarRing(h);
			const k = Math.round((mid - p[0][0]) / 360) * 360;
			return k ? p.map(([x, y]) => [x + k, y]) : p;
		})
	];
}

function planarGeometry(g: GeoJSON.Geometry): GeoJSON.Geometry {
	switch (g.type) {
		case 'Polygon':
			return { type: 'Polygon', coordinates: planarPolygon(g.coordinates) };
		case 'MultiPolygon':
			return { type: 'MultiPolygon', coordinates: g.coordinates.map(planarPolygon) };
		case 'LineString':
			return { type: 'LineString', coordinates: unwrap(g.coordinates) };
		case 'MultiLineString':
			return { type: 'MultiLineString', coordinates: g.coordinates.map(unwrap) };
		case 'GeometryCollection':
			return { type: 'GeometryCollection', geometries: g.geometries.map(planarGeometry) };
		default:
			return g;
	}
}

/** Every ring and line of the collection made planar (planarRing), for geojson-vt. */
export function planarFeatures(fc: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection {
	return { type: 'FeatureCollection', features: fc.features.map((f) => ({ ...f, geometry: f.geometry && planarGeometry(f.geometry) })) };
}

export interface TileSetInfo {
	minzoom: number;
	maxzoom: number;
	bounds: Bounds;
	layers: string[];
}

export const TILE_OPTIONS = { extent: 4096, tolerance: 4, buffer: 64 } as const;

/**
 * Cut the layers into `dir/{z}/{x}/{y}.pbf` for every zoom and every tile in `bounds` (an empty tile
 * as a zero-length file: a static host then never answers 404, which MapLibre would report as a map
 * error). The folder is emptied first. Returns what was written, for the manifest and the build log.
 */
export function writeTileSet(
	dir: string,
	layers: Record<string, GeoJSON.FeatureCollection>,
	{ minzoom, maxzoom, bounds }: { minzoom: number; maxzoom: number; bounds: Bounds }
): TileSetInfo & { tiles: number; empty: number; bytes: number } {
	const names = Object.keys(layers);
	const indexes = names.map(
		(name) => [name, new GeoJSONVT(layers[name], { ...TILE_OPTIONS, maxZoom: maxzoom, indexMaxZoom: Math.min(maxzoom, 5) })] as const
	);
	rmSync(dir, { recursive: true, force: true });
	let tiles = 0, empty = 0, bytes = 0;
	for (let z = minzoom; z <= maxzoom; z++) {
		const { x0, x1, y0, y1 } = tileRange(bounds, z);
		for (let x = x0; x <= x1; x++) {
			const col = join(dir, String(z), String(x));
			mkdirSync(col, { recursive: true });
			for (let y = y0; y <= y1; y++) {
				const parts: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
				for (const [name, index] of indexes) {
					const t = index.getTile(z, x, y);
					if (t && t.features.length) parts[name] = t;
				}
				const buf = Object.keys(parts).length ? fromGeojsonVt(parts, { version: 2, extent: TILE_OPTIONS.extent }) : new Uint8Array(0);
				writeFileSync(join(col, `${y}.pbf`), buf);
				tiles++;
				if (!buf.length) empty++;
				bytes += buf.length;
			}
		}
	}
	return { minzoom, maxzoom, bounds, layers: names, tiles, empty, bytes };
}
