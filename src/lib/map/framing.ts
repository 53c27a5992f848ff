/**
 * Framing arithmetic, plain functions of rectangles and coordinates (unit-tested), the one mechanism for
 * the pick framing and the tour framing: the padding that keeps a framed feature out from under what is
 * drawn over the map, the boxes of geometries and of the filtered set for "zoom to results".
 */

/** A screen rectangle in CSS pixels (as getBoundingClientRect gives). */
export interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
export interface Padding {
	top: number;
	bottom: number;
	left: number;
	right: number;
}
/** [west, south, east, north] in degrees */
export type Box = [number, number, number, number];

export interface PaddingOptions {
	/** free space kept round the framed features inside the visible area, px (shrinks first when space is short) */
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
const areaOf = (r: Rect) => (r.right - r.left) * (r.bottom - r.top);

/** The minimum visible width and height for a map of this size. */
export function minVisible(width: number, height: number, o: PaddingOptions = {}): { w: number; h: number } {
	const f = o.minFraction ?? 0.4;
	const px = o.minPx ?? 80;
	return { w: Math.min(width, Math.max(px, width * f)), h: Math.min(height, Math.max(px, height * f)) };
}

/**
 * The one framing padding (a picked feature clear of the phone sheets, a tour step clear of the caption,
 * legend, controls and attribution): fitBounds/cameraForBounds padding from the boxes drawn over the map
 * (page px) and the map's box (page px). Each overlay is cleared by the side that keeps the most map (a
 * bottom sheet by its height, a side panel by its width, a corner legend by whichever edge costs less), as
 * long as the visible area keeps its minimum (MapLibre refuses to fit into a negative area); then a margin
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
	const covered = order.filter((i) => intersects(local[i]!, inner(pad)));
	return { padding: out, covered: covered.sort((a, b) => a - b), visible: inner(out) };
}

/** The part of the map the padding leaves free (the strip a framed feature must land in). */
export function freeRect(map: Rect, p: Padding): Rect {
	return { left: map.left + p.left, top: map.top + p.top, right: map.right - p.right, bottom: map.bottom - p.bottom };
}

function extend(b: Box, x: number, y: number) {
	if (x < b[0]) b[0] = x;
	if (y < b[1]) b[1] = y;
	if (x > b[2]) b[2] = x;
	if (y > b[3]) b[3] = y;
}

/** Any GeoJSON geometry (the data's zod types and the geojson package's both fit). */
export interface Geo {
	type: string;
	coordinates?: unknown;
	geometries?: readonly Geo[];
}

/** Every position of a geometry (a corridor's every waypoint, not only its ends; collections included). */
export function positionsOf(g: Geo | null | undefined): number[][] {
	const out: number[][] = [];
	const walk = (c: unknown): void => {
		if (!Array.isArray(c)) return;
		if (typeof c[0] === 'number') out.push(c as number[]);
		else for (const x of c) walk(x);
	};
	const visit = (x: Geo | null | undefined): void => {
		if (!x) return;
		if (x.geometries) for (const part of x.geometries) visit(part);
		else walk(x.coordinates);
	};
	visit(g);
	return out;
}

/** Tight box of a set of positions; positions that are not finite lon/lat are left out. Null if none. */
export function boundsOf(positions: readonly number[][]): Box | null {
	const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
	for (const [x, y] of positions) if (Number.isFinite(x) && Number.isFinite(y) && x >= -180 && x <= 180 && y >= -90 && y <= 90) extend(b, x, y);
	return b[0] === Infinity ? null : b;
}

/** The box of one geometry (null when it has none). */
export const boxOf = (g: Geo | null | undefined): Box | null => boundsOf(positionsOf(g));

/** The box round every feature the mask lets through (null when none of them is located). */
export function unionBox(boxes: readonly (Box | null)[], mask: Uint8Array): Box | null {
	const u: Box = [Infinity, Infinity, -Infinity, -Infinity];
	for (let i = 0; i < boxes.length; i++) {
		const b = boxes[i];
		if (!mask[i] || !b) continue;
		extend(u, b[0], b[1]);
		extend(u, b[2], b[3]);
	}
	return u[0] === Infinity ? null : u;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

/** Whether any feature the mask lets through touches the view box (false when none is located). */
export function anyInView(boxes: readonly (Box | null)[], mask: Uint8Array, view: Box): boolean {
	for (let i = 0; i < boxes.length; i++) {
		const b = boxes[i];
		if (mask[i] && b && overlaps(b, view)) return true;
	}
	return false;
}

/** The opening overview's padding when nothing is drawn over the map (room for the controls at the right). */
export const OPENING_PADDING: Padding = { top: 40, bottom: 30, left: 30, right: 70 };

/**
 * The opening overview's padding in a frame where panels or a legend are drawn over the map (the embed's
 * compact legend): each side at least OPENING_PADDING, and the overlays cleared as overlayPadding clears
 * them. null when no overlay reaches into the map, so the overview the map opened on stays as it is.
 */
export function openingPadding(map: Rect, overlays: readonly Rect[]): Padding | null {
	const { padding } = overlayPadding(map, overlays, { margin: 0, minPx: 120, minFraction: 0.4 });
	if (!padding.top && !padding.right && !padding.bottom && !padding.left) return null;
	const o = OPENING_PADDING;
	const W = map.right - map.left, H = map.bottom - map.top;
	const p = { top: Math.max(o.top, padding.top + 8), bottom: Math.max(o.bottom, padding.bottom + 8), left: Math.max(o.left, padding.left + 8), right: Math.max(o.right, padding.right + 8) };
	// MapLibre cannot fit into a negative area: give back the opening margins first where the frame is small
	if (W - p.left - p.right < 120) Object.assign(p, { left: Math.max(padding.left, 0), right: Math.max(padding.right, 0) });
	if (H - p.top - p.bottom < 120) Object.assign(p, { top: Math.max(padding.top, 0), bottom: Math.max(padding.bottom, 0) });
	return p;
}
