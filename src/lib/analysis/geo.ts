/** Spatial analysis with turf: lengths, distances, nearest hubs. Plain TypeScript, no map or UI. */
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import type { Geometry } from '../data/schema';

export type LonLat = [number, number];

export function km(a: LonLat, b: LonLat): number {
	return distance(point(a), point(b), { units: 'kilometers' });
}

/** Length of line geometries in km; null for anything that is not a line. */
export function lineLengthKm(g: Geometry): number | null {
	const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : null;
	if (!lines) return null;
	let total = 0;
	for (const line of lines) for (let i = 1; i < line.length; i++) total += km(line[i - 1], line[i]);
	return Math.round(total);
}

/** A representative point: the point itself, a polygon's vertex average, a line's first point. */
export function anchorOf(g: Geometry | null): LonLat | null {
	if (!g) return null;
	switch (g.type) {
		case 'Point':
			return g.coordinates;
		case 'LineString':
			return g.coordinates[0];
		case 'MultiLineString':
			return g.coordinates[0][0];
		case 'Polygon':
		case 'MultiPolygon': {
			const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0];
			const n = ring.length - 1 || 1;
			let x = 0,
				y = 0;
			for (let i = 0; i < n; i++) {
				x += ring[i][0];
				y += ring[i][1];
			}
			return [x / n, y / n];
		}
	}
}

export interface Nearest<T> {
	item: T;
	km: number;
}

/** The nearest of `candidates` to `from` (straight line), skipping `from` itself. */
export function nearest<T>(from: LonLat, candidates: T[], anchor: (t: T) => LonLat | null, skip?: (t: T) => boolean): Nearest<T> | null {
	let best: Nearest<T> | null = null;
	for (const c of candidates) {
		if (skip?.(c)) continue;
		const a = anchor(c);
		if (!a) continue;
		const d = km(from, a);
		if (!best || d < best.km) best = { item: c, km: d };
	}
	return best;
}
