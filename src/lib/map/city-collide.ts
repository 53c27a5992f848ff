/**
 * Which atlas city names deck.gl draws at a zoom (#14 item 9). deck.gl draws every name it is given,
 * with no collision: on a phone the metropolitan-area cities' names lay on each other's city-group
 * rings round Wuhan ("Xiantao" across the 43 ring). So, as a map hides a label that has no room, a
 * name that would cover another city's ring or a name placed before it is left out at that zoom, and
 * comes back as the map zooms in. The capitals (rank 1) are always named. Screen geometry is Web
 * Mercator pixels (512 px tiles, as MapLibre and deck.gl), so the test is a plain function of
 * (names, rings, zoom): no map needed.
 */
import { cityPlacement, citySize, CITY_FONT, CITY_FONT_WEIGHT, CITY_NAME_PADDING as NAME_PADDING, type CityName } from './layers/city-names';

export interface Box {
	l: number;
	t: number;
	r: number;
	b: number;
}
export interface Ring {
	/** the group's city id (cities.geojson), so a name can tell its own ring from the others */
	city: string;
	position: [number, number];
	radius: number;
}
/** a text's width in pixels at a size (the app measures it in the drawn font; tests estimate) */
export type MeasureText = (text: string, size: number) => number;

/** a ring whose centre lies this close to the name's point (degrees) is the ring the name clears */
const OWN_RING_DEG = 0.05;

/** Web Mercator pixel coordinates of a point at a zoom */
export function worldPx([lon, lat]: [number, number], zoom: number): [number, number] {
	const s = 512 * 2 ** zoom;
	const y = Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
	return [((lon + 180) / 360) * s, ((1 - y / Math.PI) / 2) * s];
}

/** an estimate of a text's width: 1 em per Han character, 0.65 em per other letter (an upper bound for Latin) */
export const estimateWidth: MeasureText = (text, size) => [...text].reduce((n, ch) => n + (/[\u3400-\u9fff]/.test(ch) ? 1 : 0.65), 0) * size;

/** a text's width in the names' font, measured on a 2D canvas (cached); without a canvas, the estimate */
export function canvasMeasure(): MeasureText {
	const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
	if (!ctx) return estimateWidth;
	const seen = new Map<string, number>();
	return (text, size) => {
		const key = `${size}|${text}`;
		let w = seen.get(key);
		if (w === undefined) {
			ctx.font = `${CITY_FONT_WEIGHT} ${size}px ${CITY_FONT}`;
			w = ctx.measureText(text).width;
			seen.set(key, w);
		}
		return w;
	};
}

/** the box a name covers, plate included, in world pixels at the zoom */
export function nameBox(c: CityName, text: string, zoom: number, tier: number, ringOffsetEm: number, measure: MeasureText): Box {
	const size = citySize(c.rank);
	const w = measure(text, size);
	const p = cityPlacement(c, ringOffsetEm, tier);
	const [px, py] = worldPx(c.position, zoom);
	const x = px + p.offset[0];
	const y = py + p.offset[1];
	const l = p.anchor === 'start' ? x : x - w;
	const t = p.baseline === 'bottom' ? y - size : y;
	return { l: l - NAME_PADDING[0], t: t - NAME_PADDING[1], r: l + w + NAME_PADDING[2], b: t + size + NAME_PADDING[3] };
}

export const boxesOverlap = (a: Box, b: Box) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

/** a box and a circle overlap: the box's nearest point lies inside the circle */
export function boxHitsCircle(a: Box, [cx, cy]: [number, number], r: number) {
	const dx = cx - Math.max(a.l, Math.min(cx, a.r));
	const dy = cy - Math.max(a.t, Math.min(cy, a.b));
	return dx * dx + dy * dy < r * r;
}

const isOwnRing = (c: CityName, g: Ring) =>
	g.city === c.name_en.toLowerCase() && Math.abs(g.position[0] - c.position[0]) < OWN_RING_DEG && Math.abs(g.position[1] - c.position[1]) < OWN_RING_DEG;

/**
 * The names drawn at a zoom, in placing order: capitals first, then the others as given. A non-capital
 * is dropped when its box meets a ring other than its own, or the box of a name already placed.
 */
export function placeCityNames(
	cities: readonly CityName[],
	text: (c: CityName) => string,
	rings: readonly Ring[],
	zoom: number,
	tier: number,
	ringOffsetEm: number,
	measure: MeasureText = estimateWidth
): CityName[] {
	const order = [...cities.filter((c) => c.rank <= tier)].sort((a, b) => a.rank - b.rank);
	const ringPx = rings.map((g) => ({ g, at: worldPx(g.position, zoom) }));
	const placed: { c: CityName; box: Box }[] = [];
	for (const c of order) {
		const box = nameBox(c, text(c), zoom, tier, ringOffsetEm, measure);
		const blocked =
			c.rank > 1 &&
			(ringPx.some(({ g, at }) => !isOwnRing(c, g) && boxHitsCircle(box, at, g.radius)) || placed.some((p) => boxesOverlap(p.box, box)));
		if (!blocked) placed.push({ c, box });
	}
	return placed.map((p) => p.c);
}
