/**
 * Framing arithmetic, plain functions of rectangles and coordinates (unit-tested): how much of the map
 * a panel drawn over it hides, the padding that keeps a framed feature out from under it, and the
 * boxes of the filtered set for "zoom to results".
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

type Side = keyof Padding;

/**
 * The fitBounds/flyTo padding for a map at `map` with panels at `covers` drawn over it. Each cover that
 * overlaps the map hides a band from one map edge to the cover's far edge; the side chosen is the one
 * that costs the map least (a bottom sheet reserves its height, a side panel its width). The map keeps
 * at least `minFree` px each way: when the panels leave less, their bands shrink proportionally
 * (MapLibre refuses to fit into a negative area). `base` is the margin round the framed feature.
 */
export function coverPadding(map: Rect, covers: readonly Rect[], base = 40, minFree = 120): Padding {
	const w = map.right - map.left;
	const h = map.bottom - map.top;
	const band: Padding = { top: 0, bottom: 0, left: 0, right: 0 };
	for (const c of covers) {
		const l = Math.max(map.left, c.left), r = Math.min(map.right, c.right);
		const t = Math.max(map.top, c.top), b = Math.min(map.bottom, c.bottom);
		if (r - l <= 0 || b - t <= 0) continue;
		const cand: [Side, number, number][] = [
			['top', b - map.top, h],
			['bottom', map.bottom - t, h],
			['left', r - map.left, w],
			['right', map.right - l, w]
		];
		// the share of the map's height or width lost by reserving that side
		cand.sort((x, y) => x[1] / x[2] - y[1] / y[2]);
		const [side, px] = cand[0];
		band[side] = Math.max(band[side], px);
	}
	// the margin round the feature, smaller on a map too small for it
	const m = Math.max(0, Math.min(base, (w - minFree) / 2, (h - minFree) / 2));
	const fit = (a: number, b: number, size: number): [number, number] => {
		const room = size - minFree - 2 * m;
		if (a + b <= room) return [a, b];
		if (room <= 0) return [0, 0];
		const k = room / (a + b);
		return [a * k, b * k];
	};
	const [left, right] = fit(band.left, band.right, w);
	const [top, bottom] = fit(band.top, band.bottom, h);
	const round = (v: number) => Math.round(v + m);
	return { top: round(top), bottom: round(bottom), left: round(left), right: round(right) };
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
interface Geo {
	type: string;
	coordinates?: unknown;
	geometries?: readonly Geo[];
}

/** The box of one geometry (null when it has none). */
export function boxOf(g: Geo | null | undefined): Box | null {
	if (!g) return null;
	const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown): void => {
		if (Array.isArray(c) && typeof c[0] === 'number') extend(b, c[0] as number, c[1] as number);
		else if (Array.isArray(c)) for (const x of c) walk(x);
	};
	if (!g.geometries) walk(g.coordinates);
	else
		for (const part of g.geometries) {
			const pb = boxOf(part);
			if (pb) walk([[pb[0], pb[1]], [pb[2], pb[3]]]);
		}
	return b[0] === Infinity ? null : b;
}

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
