/**
 * Corridor names along their lines (#12 item 5): a MapLibre symbol layer with line placement, fed by
 * the feature-label source (labels.ts), so the names share MapLibre's collision detection with the
 * city and feature labels and never overlap them or each other. One label per corridor, on the middle
 * stretch of its longest line (a route's branches would otherwise repeat the name); MapLibre draws it
 * only where that stretch is long enough on screen, so the labels come and go with the zoom. The text
 * stands beside the line: deck.gl draws the lines on a canvas above MapLibre's and would cross it out.
 */
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { PathRec } from '../prepare';
import type { CompiledFeature } from '../../data/types';
import type { Lang } from '../../state/state';

export const CORRIDOR_LABEL_LAYER = 'atlas-corridor-labels';

/** the middle part of a path kept for its label (fraction of its length) */
const MIDDLE = 0.6;
/** simplification of that stretch, as a fraction of its chord: the text needs gentle bends, not every waypoint */
const SMOOTH = 0.06;

const len = (a: number[], b: number[]) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** The stretch of `path` between fractions f0 and f1 of its (planar) length. */
export function middleOf(path: [number, number][], f0 = (1 - MIDDLE) / 2, f1 = (1 + MIDDLE) / 2): [number, number][] {
	const seg: number[] = [];
	let total = 0;
	for (let k = 1; k < path.length; k++) total += seg[k - 1] = len(path[k - 1], path[k]);
	if (!(total > 0)) return path;
	const at = (d: number): [number, number] => {
		let acc = 0;
		for (let k = 1; k < path.length; k++) {
			if (acc + seg[k - 1] >= d) {
				const t = (d - acc) / seg[k - 1];
				return [path[k - 1][0] + t * (path[k][0] - path[k - 1][0]), path[k - 1][1] + t * (path[k][1] - path[k - 1][1])];
			}
			acc += seg[k - 1];
		}
		return path[path.length - 1];
	};
	const [d0, d1] = [f0 * total, f1 * total];
	const out: [number, number][] = [at(d0)];
	let acc = 0;
	for (let k = 1; k < path.length; k++) {
		acc += seg[k - 1];
		if (acc > d0 && acc < d1) out.push(path[k]);
	}
	out.push(at(d1));
	return out;
}

/** Douglas–Peucker (planar): drop points closer than `tol` to the chord of their stretch. */
export function simplifyPath(path: [number, number][], tol: number): [number, number][] {
	if (path.length < 3) return path;
	const [a, b] = [path[0], path[path.length - 1]];
	const L = len(a, b) || 1e-12;
	let far = 0, at = -1;
	for (let k = 1; k < path.length - 1; k++) {
		const p = path[k];
		const d = Math.abs((b[0] - a[0]) * (a[1] - p[1]) - (a[0] - p[0]) * (b[1] - a[1])) / L;
		if (d > far) [far, at] = [d, k];
	}
	if (far <= tol) return [a, b];
	return [...simplifyPath(path.slice(0, at + 1), tol).slice(0, -1), ...simplifyPath(path.slice(at), tol)];
}

/** One line feature per corridor with a drawn path: its longest line's middle, named in both languages. */
export function corridorLabelFeatures(paths: readonly PathRec[], features: readonly CompiledFeature[]): GeoJSON.Feature<GeoJSON.LineString>[] {
	const longest = new Map<number, { p: PathRec; l: number }>();
	for (const p of paths) {
		let l = 0;
		for (let k = 1; k < p.path.length; k++) l += len(p.path[k - 1], p.path[k]);
		const cur = longest.get(p.i);
		if (!cur || l > cur.l) longest.set(p.i, { p, l });
	}
	return [...longest.values()].map(({ p }) => ({
		type: 'Feature',
		properties: { i: p.i, rank: p.rank, name_zh: features[p.i].properties.name_zh, name_en: features[p.i].properties.name_en },
		geometry: { type: 'LineString', coordinates: labelLine(p.path) }
	}));
}

/** The label's line: the middle stretch, smoothed. */
export function labelLine(path: [number, number][]): [number, number][] {
	const mid = middleOf(path);
	return simplifyPath(mid, SMOOTH * len(mid[0], mid[mid.length - 1]));
}

export const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];

/** Labels for the corridors that pass the filters (`shown`: the feature-label filter over indices). */
export function corridorLabelFilter(shown: ExpressionSpecification): ExpressionSpecification {
	return ['all', isLine, shown];
}

export function corridorLabelLayer(source: string, filter: ExpressionSpecification, lang: Lang): SymbolLayerSpecification {
	return {
		id: CORRIDOR_LABEL_LAYER,
		type: 'symbol',
		source,
		minzoom: 2.5,
		filter,
		layout: {
			'symbol-placement': 'line',
			'text-field': ['get', lang === 'zh' ? 'name_zh' : 'name_en'],
			'text-size': 11.5,
			// beside the line, not on it (see the module comment)
			'text-offset': [0, -0.95],
			'text-max-angle': 45,
			'text-keep-upright': true,
			'symbol-spacing': 600,
			'text-padding': 6,
			'symbol-sort-key': ['get', 'rank']
		},
		paint: { 'text-color': '#33414d', 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.6 }
	};
}
