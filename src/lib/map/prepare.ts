/**
 * Turn features into the flat records the deck.gl layers draw. Done once per dataset: filters and
 * selection never rebuild these (the filter mask reaches the GPU through DataFilterExtension).
 * Location precision decides the look: a guess is never drawn like a surveyed site.
 */
import type { CompiledFeature } from '../data/types';
import type { Precision } from '../data/schema';
import { groupOf } from '../legend';
import { anchorOf } from '../analysis/geo';

export type RGB = [number, number, number];

export interface PointRec {
	/** index into the feature list (for the filter mask and picking) */
	i: number;
	id: string;
	position: [number, number];
	color: RGB;
	group: string;
	precision: Precision;
	/** 0 = most important: drawn on top, labelled first */
	rank: number;
	/** screen offset in pixels: features that share one spot are set side by side, not stacked */
	offset: [number, number];
}
export interface PathRec {
	i: number;
	id: string;
	path: [number, number][];
	color: RGB;
	group: string;
	schematic: boolean;
	rank: number;
}
export interface PolygonRec {
	i: number;
	id: string;
	polygon: [number, number][][];
	color: RGB;
	approximate: boolean;
}
export interface PreparedLayers {
	points: PointRec[];
	/** the points drawn with a precision halo (area): a stable array, so filters never rebuild it */
	halos: PointRec[];
	/** one symbol per city point for the features placed only in that city */
	cityGroups: CityGroupRec[];
	paths: PathRec[];
	polygons: PolygonRec[];
}

const RANK_BY_KIND: Record<string, number> = {
	airport: 0,
	'ftz-area': 0,
	'bonded-zone': 1,
	port: 1,
	'rail-hub': 1,
	city: 1,
	'dev-zone': 2,
	'logistics-hub': 2,
	'cooperation-park': 2,
	'innovation-area': 2
};
export function rankOf(f: CompiledFeature): number {
	const base = RANK_BY_KIND[f.properties.kind] ?? 3;
	return f.properties.level === 'national' ? Math.max(0, base - 1) : base;
}

/** Main hubs are rank 0; a park of a hub of the same kind (a bonded zone's park) is not one itself. */
export function ranksOf(features: CompiledFeature[]): number[] {
	const kindOf = new Map(features.map((f) => [f.properties.id, f.properties.kind]));
	return features.map((f) => {
		const r = rankOf(f);
		const parent = f.properties.parent;
		return r === 0 && parent && kindOf.get(parent) === f.properties.kind ? 1 : r;
	});
}

/**
 * Features the plans place only in a city (precision "city") have no position of their own: they are
 * not drawn as markers (a marker would read as a site). Each city point gets one symbol with the
 * number of such features that pass the filters, which opens their list. The city-wide target
 * features (kind "city") are the city itself and keep their own marker.
 */
export function isCityOnly(p: { kind: string; location: { precision: Precision } }): boolean {
	return p.location.precision === 'city' && p.kind !== 'city';
}

export interface CityGroupRec {
	/** picking index: -(k + 1) for group k, so a pick tells groups from features (pickedGroup) */
	i: number;
	key: string;
	city: string;
	position: [number, number];
	/** feature indices of the city-only features recorded at this point */
	members: number[];
}

/** The group index of a picked object's index, or null when it is a feature. */
export const pickedGroup = (i: number): number | null => (i < 0 ? -i - 1 : null);

export function cityGroupsOf(features: CompiledFeature[]): CityGroupRec[] {
	const byKey = new Map<string, CityGroupRec>();
	features.forEach((f, i) => {
		const g = f.geometry;
		if (!g || g.type !== 'Point' || !isCityOnly(f.properties)) return;
		const key = `${f.properties.city}|${g.coordinates.map((n) => n.toFixed(3)).join(',')}`;
		let rec = byKey.get(key);
		if (!rec) byKey.set(key, (rec = { i: 0, key, city: f.properties.city, position: [g.coordinates[0], g.coordinates[1]], members: [] }));
		rec.members.push(i);
	});
	const out = [...byKey.values()].sort((a, b) => b.members.length - a.members.length || a.key.localeCompare(b.key));
	out.forEach((g, k) => (g.i = -(k + 1)));
	return out;
}

/** Members of each group that pass the filters (mask per feature index). */
export function groupCounts(groups: CityGroupRec[], mask: Uint8Array): Uint16Array {
	const out = new Uint16Array(groups.length);
	groups.forEach((g, k) => {
		let n = 0;
		for (const i of g.members) n += mask[i];
		out[k] = n;
	});
	return out;
}

/** Pixels between the centres of markers that share one spot. */
export const SIDE_BY_SIDE_PX = 24;

/**
 * Features given the same coordinates (an airport and the inspection sites inside it, a bonded zone
 * and its park) would hide one another at every zoom. Their positions stay exactly as recorded;
 * the most important one keeps the spot and the others are set round it on screen, a constant
 * number of pixels out, neighbours SIDE_BY_SIDE_PX apart.
 */
export function separateColocated(points: PointRec[]): void {
	const bySpot = new Map<string, PointRec[]>();
	for (const p of points) {
		const key = p.position.map((n) => n.toFixed(4)).join(',');
		(bySpot.get(key) ?? bySpot.set(key, []).get(key)!).push(p);
	}
	for (const group of bySpot.values()) {
		if (group.length < 2) continue;
		group.sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id));
		const ring = group.slice(1);
		const r = ring.length < 2 ? SIDE_BY_SIDE_PX : Math.max(SIDE_BY_SIDE_PX, SIDE_BY_SIDE_PX / (2 * Math.sin(Math.PI / ring.length)));
		ring.forEach((p, k) => {
			// from the right, clockwise on screen (y grows downwards)
			const a = (2 * Math.PI * k) / ring.length;
			p.offset = [Math.round(r * Math.cos(a) * 10) / 10, Math.round(r * Math.sin(a) * 10) / 10];
		});
	}
}

export function prepareLayers(features: CompiledFeature[]): PreparedLayers {
	const points: PointRec[] = [];
	const paths: PathRec[] = [];
	const polygons: PolygonRec[] = [];
	const ranks = ranksOf(features);
	features.forEach((f, i) => {
		const g = f.geometry;
		if (!g) return;
		const p = f.properties;
		const group = groupOf(p.kind);
		const rank = ranks[i];
		const base = { i, id: p.id, color: group.color, group: group.id };
		switch (g.type) {
			case 'Point':
				if (isCityOnly(p)) break;
				points.push({ ...base, position: g.coordinates, precision: p.location.precision, rank, offset: [0, 0] });
				break;
			case 'LineString':
				paths.push({ ...base, path: g.coordinates, schematic: p.location.precision === 'schematic', rank });
				break;
			case 'MultiLineString':
				for (const line of g.coordinates) paths.push({ ...base, path: line, schematic: p.location.precision === 'schematic', rank });
				break;
			case 'Polygon':
			case 'MultiPolygon': {
				const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
				const approximate = p.location.approximate_outline === true || p.location.precision !== 'site';
				for (const poly of polys) polygons.push({ ...base, polygon: poly, approximate });
				// areas also get a marker, so they can be picked and labelled like every platform
				points.push({ ...base, position: anchorOf(g)!, precision: p.location.precision, rank, offset: [0, 0] });
				break;
			}
		}
	});
	separateColocated(points);
	// most important last, so they are drawn on top
	points.sort((a, b) => b.rank - a.rank || a.i - b.i);
	const halos = points.filter((p) => p.precision === 'area' || p.precision === 'city');
	return { points, halos, paths, polygons, cityGroups: cityGroupsOf(features) };
}
