/** Framing arithmetic (#14 items 3–5): padding that keeps a framed feature out from under panels, boxes of the filtered set. */
import { describe, it, expect } from 'vitest';
import { coverPadding, freeRect, boxOf, unionBox, anyInView, type Rect } from '$lib/map/framing';

const map: Rect = { left: 300, top: 47, right: 1440, bottom: 874 };

describe('coverPadding', () => {
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
