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
/** columns handed in ready-made (the build's data/proximity.json) before the index is first used */
const seeds = new WeakMap<readonly CompiledFeature[], Map<string, NearestColumn>>();

/** Name of the performance measure each column built here (not seeded) leaves: the export test reads it. */
export const COLUMN_MEASURE = 'atlas:proximity-column';
const keyOf = (group: string, known: boolean) => `${group}|${known ? 1 : 0}`;

/** The per-data-set distance columns; one index per features array, columns built lazily per group. */
export function proximityIndex(features: readonly CompiledFeature[]): ProximityIndex {
	const hit = cache.get(features);
	if (hit) return hit;
	const n = features.length;
	const shapes = features.map((f) => shapeOf(f.geometry));
	const prec = features.map((f) => f.properties.location.precision);
	const groupNo = features.map((f) => groupOf(f.properties.kind).id);
	const cols = new Map<string, NearestColumn>(seeds.get(features) ?? []);
	const ix: ProximityIndex = {
		size: n,
		precision: (i) => prec[i],
		km(group, known) {
			return ix.column(group, known).km;
		},
		column(group, known) {
			const key = keyOf(group, known);
			let col = cols.get(key);
			if (col) return col;
			const t0 = performance.now();
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
			performance.measure?.(COLUMN_MEASURE, { start: t0, end: performance.now(), detail: { group, known } });
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

/**
 * Columns worked out once by the data build (scripts/build-data.ts → data/proximity.json), so no page
 * builds them on its main thread: the hub columns take seconds there with the corridors' line-to-line
 * distances in software-rendered Chromium. Features are named by id; km Infinity is written as null.
 */
export interface ProximityTable {
	/** the data version (manifest.json) the table was built with */
	version: string;
	ids: string[];
	columns: Record<string, { km: (number | null)[]; of: number[] }>;
}

/** What the build precomputes: the hub columns the list, the compare view and the exports read. */
export const PRECOMPUTED_COLUMNS: readonly { group: string; known: boolean }[] = HUB_GROUPS.map((g) => ({ group: g, known: false }));

export function proximityTable(features: readonly CompiledFeature[], version: string, which = PRECOMPUTED_COLUMNS): ProximityTable {
	const ix = proximityIndex(features);
	const columns: ProximityTable['columns'] = {};
	for (const { group, known } of which) {
		const c = ix.column(group, known);
		columns[keyOf(group, known)] = { km: Array.from(c.km, (k) => (Number.isFinite(k) ? k : null)), of: Array.from(c.of) };
	}
	return { version, ids: features.map((f) => f.properties.id), columns };
}

/**
 * Hand a table to the features it was built for. Anything that does not fit them exactly (another data
 * version, other ids or order, a short or malformed column) is ignored, and the columns are then built
 * here on first use as before. Returns whether the table was taken. Must run before the index is first used.
 */
export function seedProximity(features: readonly CompiledFeature[], table: unknown, version: string): boolean {
	const t = table as ProximityTable | null;
	const n = features.length;
	if (!t || typeof t !== 'object' || t.version !== version || !Array.isArray(t.ids) || t.ids.length !== n) return false;
	if (cache.has(features)) return false;
	for (let i = 0; i < n; i++) if (t.ids[i] !== features[i].properties.id) return false;
	if (!t.columns || typeof t.columns !== 'object') return false;
	const cols = new Map<string, NearestColumn>();
	for (const [key, c] of Object.entries(t.columns)) {
		if (!Array.isArray(c?.km) || !Array.isArray(c?.of) || c.km.length !== n || c.of.length !== n) return false;
		const km = new Float64Array(n);
		const of = new Int32Array(n);
		for (let i = 0; i < n; i++) {
			const k = c.km[i];
			const j = c.of[i];
			if (!(k === null || (typeof k === 'number' && k >= 0)) || !Number.isInteger(j) || j < -1 || j >= n || (k === null) !== (j === -1)) return false;
			km[i] = k ?? Infinity;
			of[i] = j;
		}
		cols.set(key, { km, of });
	}
	seeds.set(features, cols);
	return true;
}
