/**
 * Framing arithmetic, one mechanism for the pick framing (#14 items 3–5) and the tour framing (#11): the padding
 * that keeps a framed feature out from under what is drawn over the map, geometry boxes, boxes of the filtered set.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { overlayPadding, openingPadding, OPENING_PADDING, minVisible, freeRect, boxOf, positionsOf, boundsOf, unionBox, anyInView, type Rect } from '$lib/map/framing';

const rect = (left: number, top: number, w: number, h: number): Rect => ({ left, top, right: left + w, bottom: top + h });
const hit = (a: Rect, b: Rect) => Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);

const map: Rect = { left: 300, top: 47, right: 1440, bottom: 874 };

describe('overlayPadding as the pick framing uses it (margin 40, 120 px of map kept)', () => {
	const coverPadding = (m: Rect, covers: Rect[], margin: number, minPx = 120) => overlayPadding(m, covers, { margin, minPx, minFraction: 0 }).padding;
	it('is the base margin alone when nothing covers the map', () => {
		expect(coverPadding(map, [], 40)).toEqual({ top: 40, bottom: 40, left: 40, right: 40 });
		// a panel beside the map (a grid column) does not overlap it
		expect(coverPadding(map, [{ left: 1440, top: 47, right: 1820, bottom: 900 }], 40)).toEqual({ top: 40, bottom: 40, left: 40, right: 40 });
	});

	it('reserves the width of a side panel drawn over the right of the map', () => {
		const p = coverPadding(map, [{ left: 1060, top: 47, right: 1440, bottom: 900 }], 40);
		expect(p).toEqual({ top: 40, bottom: 40, left: 40, right: 380 + 40 });
	});

	it('reserves the height of a bottom sheet (phone), not its width', () => {
		const phone: Rect = { left: 0, top: 96, right: 375, bottom: 696 };
		const p = coverPadding(phone, [{ left: 0, top: 400, right: 375, bottom: 696 }], 30);
		expect(p).toEqual({ top: 30, bottom: 296 + 30, left: 30, right: 30 });
		expect(freeRect(phone, p)).toEqual({ left: 30, top: 126, right: 345, bottom: 370 });
	});

	it('keeps the larger band when two covers sit on one side, and one per side otherwise', () => {
		const p = coverPadding(map, [
			{ left: 1200, top: 47, right: 1440, bottom: 874 },
			{ left: 1100, top: 100, right: 1440, bottom: 300 },
			{ left: 300, top: 47, right: 500, bottom: 874 }
		], 20);
		expect(p.right).toBe(340 + 20);
		expect(p.left).toBe(200 + 20);
	});

	it('never leaves less than minFree px: bands shrink, padding stays non-negative', () => {
		const small: Rect = { left: 0, top: 0, right: 375, bottom: 300 };
		const p = coverPadding(small, [{ left: 0, top: 20, right: 375, bottom: 300 }], 40, 120);
		const free = freeRect(small, p);
		expect(free.bottom - free.top).toBeGreaterThanOrEqual(119.5);
		for (const v of Object.values(p)) expect(v).toBeGreaterThanOrEqual(0);
		// a map smaller than minFree: no padding at all rather than a negative area
		expect(coverPadding({ left: 0, top: 0, right: 100, bottom: 100 }, [{ left: 0, top: 50, right: 100, bottom: 100 }], 40, 120)).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
	});
});

describe('overlayPadding as the tour framing uses it (the defaults)', () => {
	const map = rect(0, 0, 640, 400);
	it.each([
		['no overlay: the margin alone', [], { top: 16, right: 16, bottom: 16, left: 16 }],
		['a caption bar along the bottom: cleared from below', [rect(0, 366, 640, 34)], { top: 16, right: 16, bottom: 50, left: 16 }],
		['zoom buttons top-right: cleared from the right (cheaper than from the top)', [rect(601, 10, 29, 90)], { top: 16, right: 55, bottom: 16, left: 16 }],
		['a legend top-left, wider than tall: cleared from the top', [rect(8, 8, 250, 60)], { top: 84, right: 16, bottom: 16, left: 16 }],
		['a legend top-left, taller than wide: cleared from the left', [rect(8, 8, 150, 300)], { top: 16, right: 16, bottom: 16, left: 174 }]
	] as const)('%s', (_, overlays, want) => {
		const r = overlayPadding(map, overlays as unknown as Rect[]);
		expect(r.padding).toEqual(want);
		expect(r.covered).toEqual([]);
	});

	it('works in page coordinates (an iframe or a map not at the origin)', () => {
		const r = overlayPadding(rect(100, 50, 640, 400), [rect(100, 416, 640, 34)]);
		expect(r.padding.bottom).toBe(50);
	});

	it('an overlay outside the map, or empty, or not finite, costs nothing', () => {
		const r = overlayPadding(map, [rect(700, 0, 50, 50), rect(10, 10, 0, 0), { left: NaN, top: 0, right: 10, bottom: 10 }]);
		expect(r.padding).toEqual({ top: 16, right: 16, bottom: 16, left: 16 });
	});

	it('never leaves less than the minimum map: an overlay that would is named as covering', () => {
		// a caption opened over 80% of a small frame
		const r = overlayPadding(rect(0, 0, 400, 300), [rect(0, 60, 400, 240)]);
		const m = minVisible(400, 300);
		expect(300 - r.padding.top - r.padding.bottom).toBeGreaterThanOrEqual(m.h);
		expect(r.covered).toEqual([0]);
	});

	it('a small phone frame (319×199): bar, controls and credits cleared, the map keeps its minimum', () => {
		const r = overlayPadding(rect(0, 0, 319, 199), [rect(0, 165, 319, 34), rect(280, 10, 29, 120), rect(150, 137, 160, 24)]);
		expect(r.covered).toEqual([]);
		expect(199 - r.padding.top - r.padding.bottom).toBeGreaterThanOrEqual(minVisible(319, 199).h);
		expect(r.padding.bottom).toBeGreaterThanOrEqual(62);
	});

	it('fuzz: paddings are finite and ≥ 0, the minimum holds, and an overlay not named covering is clear of the visible area', () => {
		const box = (W: number, H: number) =>
			fc.record({ x: fc.integer({ min: -50, max: W + 50 }), y: fc.integer({ min: -50, max: H + 50 }), w: fc.integer({ min: 0, max: W }), h: fc.integer({ min: 0, max: H }) });
		const arb = fc
			.record({ W: fc.integer({ min: 40, max: 2000 }), H: fc.integer({ min: 40, max: 1400 }), margin: fc.integer({ min: 0, max: 40 }) })
			.chain((m) => fc.record({ m: fc.constant(m), boxes: fc.array(box(m.W, m.H), { maxLength: 8 }) }));
		fc.assert(
			fc.property(arb, ({ m, boxes }) => {
				const overlays = boxes.map((b) => rect(b.x, b.y, b.w, b.h));
				const r = overlayPadding(rect(0, 0, m.W, m.H), overlays, { margin: m.margin });
				const p = r.padding;
				for (const v of [p.top, p.right, p.bottom, p.left]) expect(Number.isFinite(v) && v >= 0).toBe(true);
				const min = minVisible(m.W, m.H);
				expect(m.W - p.left - p.right).toBeGreaterThanOrEqual(min.w - 1e-6);
				expect(m.H - p.top - p.bottom).toBeGreaterThanOrEqual(min.h - 1e-6);
				overlays.forEach((o, i) => {
					if (!r.covered.includes(i)) expect(hit(o, r.visible), `overlay ${i} hits the visible area`).toBe(false);
				});
			}),
			{ numRuns: 1500 }
		);
	});
});

describe('geometry boxes (positionsOf + boundsOf; boxOf is the two)', () => {
	it.each([
		['a point', { type: 'Point', coordinates: [114.2, 30.7] }, [114.2, 30.7, 114.2, 30.7]],
		['a line: every waypoint, not only its ends', { type: 'LineString', coordinates: [[114, 30], [60, 55], [12, 42]] }, [12, 30, 114, 55]],
		['a multi-line corridor', { type: 'MultiLineString', coordinates: [[[114, 30], [80, 45]], [[80, 45], [7, 51]]] }, [7, 30, 114, 51]],
		['a polygon', { type: 'Polygon', coordinates: [[[1, 1], [3, 1], [3, 4], [1, 1]]] }, [1, 1, 3, 4]],
		['a multipolygon', { type: 'MultiPolygon', coordinates: [[[[1, 1], [2, 2], [1, 1]]], [[[-5, -6], [0, 0], [-5, -6]]]] }, [-5, -6, 2, 2]]
	] as const)('%s', (_, g, want) => {
		expect(boundsOf(positionsOf(g as never))).toEqual(want);
	});

	it('leaves out what is not a lon/lat and says null when nothing is left', () => {
		expect(boundsOf([[NaN, 3], [200, 10], [10, -95], [Infinity, 0]])).toBeNull();
		expect(boundsOf([[NaN, 3], [10, 20]])).toEqual([10, 20, 10, 20]);
		expect(positionsOf(null)).toEqual([]);
		expect(positionsOf(undefined)).toEqual([]);
	});

	it('fuzz: the bounds hold every valid position and touch the extreme ones', () => {
		const pos = fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));
		const junk = fc.tuple(fc.oneof(fc.constant(NaN), fc.constant(Infinity), fc.double({ min: 181, max: 1e9 })), fc.double());
		fc.assert(
			fc.property(fc.array(pos, { minLength: 1, maxLength: 50 }), fc.array(junk, { maxLength: 5 }), (good, bad) => {
				const b = boundsOf([...good, ...bad])!;
				for (const [x, y] of good) expect(x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]).toBe(true);
				expect(good.some(([x]) => x === b[0]) && good.some(([x]) => x === b[2]) && good.some(([, y]) => y === b[1]) && good.some(([, y]) => y === b[3])).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

});

describe('boxes of the filtered set', () => {
	const boxes = [
		boxOf({ type: 'Point', coordinates: [114.2, 30.6] }),
		boxOf({ type: 'LineString', coordinates: [[117.2, 31.8], [6.8, 51.4], [60, 55]] }),
		boxOf(null),
		boxOf({ type: 'Polygon', coordinates: [[[113, 30], [114, 30], [114, 31], [113, 30]]] })
	];

	it('boxOf covers every coordinate; null without geometry', () => {
		expect(boxes[0]).toEqual([114.2, 30.6, 114.2, 30.6]);
		expect(boxes[1]).toEqual([6.8, 31.8, 117.2, 55]);
		expect(boxes[2]).toBeNull();
		expect(boxOf({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'Point', coordinates: [3, -4] }] })).toEqual([1, -4, 3, 2]);
	});

	it('unionBox frames only what the mask lets through', () => {
		expect(unionBox(boxes, new Uint8Array([1, 0, 1, 1]))).toEqual([113, 30, 114.2, 31]);
		expect(unionBox(boxes, new Uint8Array([0, 1, 0, 0]))).toEqual([6.8, 31.8, 117.2, 55]);
		expect(unionBox(boxes, new Uint8Array([0, 0, 1, 0]))).toBeNull();
	});

	it('anyInView: true when one passing feature touches the view', () => {
		const europe: [number, number, number, number] = [0, 45, 20, 56];
		expect(anyInView(boxes, new Uint8Array([1, 0, 0, 1]), europe)).toBe(false);
		expect(anyInView(boxes, new Uint8Array([1, 1, 0, 1]), europe)).toBe(true);
		expect(anyInView(boxes, new Uint8Array([0, 0, 1, 0]), europe)).toBe(false);
	});
});

describe('openingPadding (the overview refitted clear of an embed legend)', () => {
	const map = { left: 0, top: 0, right: 640, bottom: 400 };
	it('leaves the overview alone when nothing reaches into the map', () => {
		expect(openingPadding(map, [])).toBeNull();
		expect(openingPadding(map, [{ left: 700, top: 0, right: 900, bottom: 400 }])).toBeNull();
	});
	it('clears a legend at the left by its width, keeping the opening margins elsewhere', () => {
		const p = openingPadding(map, [{ left: 8, top: 8, right: 208, bottom: 300 }])!;
		expect(p.left).toBe(216);
		expect(p).toMatchObject({ top: OPENING_PADDING.top, bottom: OPENING_PADDING.bottom, right: OPENING_PADDING.right });
	});
	it('never leaves less than 120 px of map each way, whatever covers it', () => {
		fc.assert(
			fc.property(fc.integer({ min: 240, max: 2000 }), fc.integer({ min: 240, max: 1200 }), fc.array(fc.record({ x: fc.integer({ min: -50, max: 2000 }), y: fc.integer({ min: -50, max: 1200 }), w: fc.integer({ min: 1, max: 800 }), h: fc.integer({ min: 1, max: 800 }) }), { maxLength: 4 }), (W, H, rs) => {
				const p = openingPadding({ left: 0, top: 0, right: W, bottom: H }, rs.map((r) => ({ left: r.x, top: r.y, right: r.x + r.w, bottom: r.y + r.h })));
				if (!p) return;
				expect(W - p.left - p.right).toBeGreaterThanOrEqual(120 - 1e-9);
				expect(H - p.top - p.bottom).toBeGreaterThanOrEqual(120 - 1e-9);
			})
		);
	});
});
