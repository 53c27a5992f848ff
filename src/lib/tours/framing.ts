/**
 * Framing a tour step for the frame it is shown in (#11): what the step must show (its features or a
 * bbox), and the padding that keeps it clear of the overlays on the map (caption, legend, controls,
 * attribution). Pure arithmetic: the player measures the DOM and hands MapLibre the result
 * (`cameraForBounds` with this padding); the stored camera is the fallback when a step names nothing
 * that can be drawn.
 */

// the rectangle, padding and lon/lat box types are the ones the pick framing uses (map/framing.ts)
import type { Rect, Padding, Box } from '../map/framing';
export type { Rect, Padding };
/** [west, south, east, north] in degrees */
export type Bounds = Box;

type Geom =
	| { type: 'Point'; coordinates: number[] }
	| { type: 'MultiPoint' | 'LineString'; coordinates: number[][] }
	| { type: 'MultiLineString' | 'Polygon'; coordinates: number[][][] }
	| { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Every position of a geometry (a corridor's every waypoint, not only its ends). */
export function positionsOf(g: Geom | null | undefined): number[][] {
	if (!g) return [];
	switch (g.type) {
		case 'Point':
			return [g.coordinates];
		case 'MultiPoint':
		case 'LineString':
			return g.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return g.coordinates.flat();
		case 'MultiPolygon':
			return g.coordinates.flat(2);
		default:
			return [];
	}
}

/** Tight bounds of a set of positions; positions that are not finite lon/lat are left out. Null if none. */
export function boundsOf(positions: readonly number[][]): Bounds | null {
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		n = -Infinity;
	for (const p of positions) {
		const [x, y] = p;
		if (!Number.isFinite(x) || !Number.isFinite(y) || x < -180 || x > 180 || y < -90 || y > 90) continue;
		if (x < w) w = x;
		if (x > e) e = x;
		if (y < s) s = y;
		if (y > n) n = y;
	}
	return w === Infinity ? null : [w, s, e, n];
}

/** The ids a step must show: its own `show` list, else the feature it selects, else none. */
export function stepTargets(show: readonly string[] | undefined, selected: string | null): string[] {
	if (show && show.length) return [...show];
	return selected ? [selected] : [];
}

/**
 * The most a fit may zoom in: a step that shows one place (bounds smaller than ~2 km) keeps the zoom its
 * author stored (never past the map's 12), anything wider stops at 11, where a city still has context.
 */
export function fitMaxZoom(b: Bounds, storedZoom: number | null): number {
	const single = b[2] - b[0] < 0.02 && b[3] - b[1] < 0.02;
	if (!single) return 11;
	return Math.max(3, Math.min(12, storedZoom ?? 11));
}

export interface PaddingOptions {
	/** free space kept round the features inside the visible area, px (shrinks first when space is short) */
	margin?: number;
	/** the visible map area never shrinks below this share of the map's width and height… */
	minFraction?: number;
	/** …nor below this many px (or the whole map, when it is smaller) */
	minPx?: number;
}

export interface OverlayPadding {
	padding: Padding;
	/** indexes of overlays that still cover part of the visible area (clearing them would leave too little map) */
	covered: number[];
	/** the visible area in map-local px */
	visible: Rect;
}

const intersects = (a: Rect, b: Rect) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

/** The minimum visible width and height for a map of this size. */
export function minVisible(width: number, height: number, o: PaddingOptions = {}): { w: number; h: number } {
	const f = o.minFraction ?? 0.4;
	const px = o.minPx ?? 80;
	return { w: Math.min(width, Math.max(px, width * f)), h: Math.min(height, Math.max(px, height * f)) };
}

/**
 * Padding for fitBounds from the overlays' boxes (page px) over the map's box (page px): each overlay
 * is cleared by the side that keeps the most map (a legend in the top-left corner by its right edge or
 * its bottom edge, whichever costs less), as long as the visible area keeps its minimum; then a margin
 * is added as far as the minimum allows.
 */
export function overlayPadding(map: Rect, overlays: readonly Rect[], o: PaddingOptions = {}): OverlayPadding {
	const W = Math.max(0, map.right - map.left);
	const H = Math.max(0, map.bottom - map.top);
	const min = minVisible(W, H, o);
	const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
	// overlays in map-local px, clipped to the map; boxes that are not finite are left out
	const local: (Rect | null)[] = overlays.map((r) => {
		if (![r.left, r.top, r.right, r.bottom].every(Number.isFinite)) return null;
		const c = { left: Math.max(0, r.left - map.left), top: Math.max(0, r.top - map.top), right: Math.min(W, r.right - map.left), bottom: Math.min(H, r.bottom - map.top) };
		return c.right - c.left >= 1 && c.bottom - c.top >= 1 ? c : null;
	});
	const inner = (p: Padding): Rect => ({ left: p.left, top: p.top, right: W - p.right, bottom: H - p.bottom });
	const fits = (p: Padding) => W - p.left - p.right >= min.w - 1e-9 && H - p.top - p.bottom >= min.h - 1e-9;
	const area = (p: Padding) => (W - p.left - p.right) * (H - p.top - p.bottom);
	// the largest first: it decides most
	const order = local.map((r, i) => i).filter((i) => local[i]);
	order.sort((a, b) => areaOf(local[b]!) - areaOf(local[a]!));
	for (const i of order) {
		const r = local[i]!;
		if (!intersects(r, inner(pad))) continue;
		const options: Padding[] = [
			{ ...pad, top: Math.max(pad.top, r.bottom) },
			{ ...pad, bottom: Math.max(pad.bottom, H - r.top) },
			{ ...pad, left: Math.max(pad.left, r.right) },
			{ ...pad, right: Math.max(pad.right, W - r.left) }
		].filter(fits);
		if (!options.length) continue;
		let best = options[0];
		for (const p of options) if (area(p) > area(best)) best = p;
		Object.assign(pad, best);
	}
	// the margin, as much of it as the minimum allows (the same on opposite sides)
	const m = Math.max(0, o.margin ?? 16);
	const mx = Math.max(0, Math.min(m, (W - pad.left - pad.right - min.w) / 2));
	const my = Math.max(0, Math.min(m, (H - pad.top - pad.bottom - min.h) / 2));
	const out: Padding = { top: pad.top + my, bottom: pad.bottom + my, left: pad.left + mx, right: pad.right + mx };
	const vis = inner(out);
	const covered = order.filter((i) => intersects(local[i]!, inner(pad)));
	return { padding: out, covered: covered.sort((a, b) => a - b), visible: vis };
}

function areaOf(r: Rect): number {
	return (r.right - r.left) * (r.bottom - r.top);
}
