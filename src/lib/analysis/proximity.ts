/**
 * The distance engine: great-circle km between features (turf), and per data set, per legend group,
 * the km from every feature to the nearest *other* located feature of that group, in typed arrays.
 * A `near=` change is then one pass over those arrays (state/filters.ts).
 *
 * Geometry rules: a point is itself; a polygon stands for its anchor (analysis/geo.ts anchorOf, the
 * vertex average the map and the exports use); a line counts by its nearest point (turf
 * nearest-point-on-line, great-circle). Line to line: 0 where they cross (turf line-intersect), else
 * the least of every vertex of one to the other line and back. Unlocated features have no distance
 * (Infinity) and so never match a proximity term.
 */
import distance from '@turf/distance';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import lineIntersect from '@turf/line-intersect';
import { point, lineString } from '@turf/helpers';
import type { Geometry, Precision } from '../data/schema';
import type { CompiledFeature } from '../data/types';
import { anchorOf, type LonLat } from './geo';
import { GROUPS, groupOf } from '../legend';

type Shape = { type: 'point'; at: LonLat } | { type: 'line'; lines: LonLat[][] };

export function shapeOf(g: Geometry | null): Shape | null {
	if (!g) return null;
	if (g.type === 'LineString') return { type: 'line', lines: [g.coordinates as LonLat[]] };
	if (g.type === 'MultiLineString') return { type: 'line', lines: g.coordinates as LonLat[][] };
	const a = anchorOf(g);
	return a ? { type: 'point', at: a } : null;
}

const kmPP = (a: LonLat, b: LonLat) => distance(point(a), point(b), { units: 'kilometers' });

/** Great-circle km from a point to the nearest point of a line (and that point); each part of a multi-line. */
export function pointToLine(p: LonLat, lines: LonLat[][]): { km: number; at: LonLat } {
	let best = { km: Infinity, at: p };
	for (const line of lines) {
		const n = nearestPointOnLine(lineString(line), point(p), { units: 'kilometers' });
		const at = n.geometry.coordinates as LonLat;
		const d = kmPP(p, at);
		if (d < best.km) best = { km: d, at };
	}
	return best;
}

function lineToLine(a: LonLat[][], b: LonLat[][]): number {
	for (const la of a) for (const lb of b) if (lineIntersect(lineString(la), lineString(lb)).features.length) return 0;
	let best = Infinity;
	for (const line of a) for (const v of line) best = Math.min(best, pointToLine(v, b).km);
	for (const line of b) for (const v of line) best = Math.min(best, pointToLine(v, a).km);
	return best;
}

/** Great-circle km between two shapes (the reference the typed columns are built from). */
export function shapeKm(a: Shape, b: Shape): number {
	if (a.type === 'point' && b.type === 'point') return kmPP(a.at, b.at);
	if (a.type === 'point' && b.type === 'line') return pointToLine(a.at, b.lines).km;
	if (a.type === 'line' && b.type === 'point') return pointToLine(b.at, a.lines).km;
	return lineToLine((a as { lines: LonLat[][] }).lines, (b as { lines: LonLat[][] }).lines);
}

export function featureKm(a: CompiledFeature, b: CompiledFeature): number {
	const sa = shapeOf(a.geometry);
	const sb = shapeOf(b.geometry);
	return sa && sb ? shapeKm(sa, sb) : Infinity;
}

/** Precisions a "known site or area only" query keeps (for the feature and the hubs it is near). */
export const KNOWN_PRECISIONS: readonly Precision[] = ['site', 'area'];
export const isKnown = (p: Precision) => (KNOWN_PRECISIONS as readonly string[]).includes(p);

export interface NearestColumn {
	/** km to the nearest other located feature of the group; Infinity when there is none */
	km: Float64Array;
	/** index of that feature; -1 when none */
	of: Int32Array;
}

export interface ProximityIndex {
	readonly size: number;
	/** the column for a group (computed on first use, then kept); `known`: only site/area features on both ends */
	column(group: string, known: boolean): NearestColumn;
	/** the km part of column(): what the filters read (state/filters.ts NearLookup) */
	km(group: string, known: boolean): Float64Array;
	precision(i: number): Precision;
}

const cache = new WeakMap<readonly CompiledFeature[], ProximityIndex>();

/** The per-data-set distance columns; one index per features array, columns built lazily per group. */
export function proximityIndex(features: readonly CompiledFeature[]): ProximityIndex {
	const hit = cache.get(features);
	if (hit) return hit;
	const n = features.length;
	const shapes = features.map((f) => shapeOf(f.geometry));
	const prec = features.map((f) => f.properties.location.precision);
	const groupNo = features.map((f) => groupOf(f.properties.kind).id);
	const cols = new Map<string, NearestColumn>();
	const ix: ProximityIndex = {
		size: n,
		precision: (i) => prec[i],
		km(group, known) {
			return ix.column(group, known).km;
		},
		column(group, known) {
			const key = `${group}|${known ? 1 : 0}`;
			let col = cols.get(key);
			if (col) return col;
			const kmCol = new Float64Array(n).fill(Infinity);
			const of = new Int32Array(n).fill(-1);
			if (GROUPS.some((g) => g.id === group)) {
				const cands: number[] = [];
				for (let j = 0; j < n; j++) if (groupNo[j] === group && shapes[j] && (!known || isKnown(prec[j]))) cands.push(j);
				for (let i = 0; i < n; i++) {
					const si = shapes[i];
					if (!si || (known && !isKnown(prec[i]))) continue;
					for (const j of cands) {
						if (j === i) continue;
						const d = shapeKm(si, shapes[j]!);
						if (d < kmCol[i]) {
							kmCol[i] = d;
							of[i] = j;
						}
					}
				}
			}
			col = { km: kmCol, of };
			cols.set(key, col);
			return col;
		}
	};
	cache.set(features, ix);
	return ix;
}

/** The hubs the list, the exports and the compare view show: nearest airport, port, rail hub. */
export const HUB_GROUPS = ['airports', 'ports', 'rail'] as const;
export type HubGroup = (typeof HUB_GROUPS)[number];

export interface HubDistance {
	group: HubGroup;
	km: number;
	feature: CompiledFeature;
}

export function hubDistances(features: readonly CompiledFeature[], i: number): HubDistance[] {
	const ix = proximityIndex(features);
	const out: HubDistance[] = [];
	for (const group of HUB_GROUPS) {
		const c = ix.column(group, false);
		if (c.of[i] >= 0) out.push({ group, km: c.km[i], feature: features[c.of[i]] });
	}
	return out;
}

/** km rounded for display: one decimal below 10 km, whole km above. */
export function fmtKm(km: number): string {
	return km < 10 ? km.toFixed(1) : String(Math.round(km));
}
