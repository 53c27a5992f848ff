import { describe, it, expect } from 'vitest';
import { thinLabels, textWidth } from '../../src/lib/ui/chart-labels';

const box = (x: number, y: number, priority: number, w = 40, h = 12) => ({ x, y, w, h, priority });

describe('chart label thinning', () => {
	it('keeps labels that do not touch, drops the lower-priority one of two that overlap', () => {
		expect(thinLabels([box(0, 0, 1), box(100, 0, 1)])).toEqual([true, true]);
		// 30 px apart, 40 px wide: they overlap; the higher priority (a target) wins whatever the order
		expect(thinLabels([box(0, 0, 1), box(30, 0, 3)])).toEqual([false, true]);
		expect(thinLabels([box(30, 0, 3), box(0, 0, 1)])).toEqual([true, false]);
		// stacked vertically with room between them: both stay
		expect(thinLabels([box(0, 0, 1), box(0, 20, 1)])).toEqual([true, true]);
	});
	it('a label never covers another mark, but may sit on its own', () => {
		const labels = [box(0, -14, 2), box(60, -14, 2)];
		const marks = [
			{ x: 0, y: 0, r: 7, owner: 0 },
			{ x: 60, y: -12, r: 7, owner: 1 },
			// a third mark right under the first label
			{ x: 5, y: -14, r: 7 }
		];
		expect(thinLabels(labels, marks)).toEqual([false, true]);
	});
	it('equal priority: the first wins; a chain keeps every other label', () => {
		expect(thinLabels([box(0, 0, 1), box(30, 0, 1), box(60, 0, 1)])).toEqual([true, false, true]);
	});
	it('measures CJK wider than digits', () => {
		expect(textWidth('1300', 10)).toBeCloseTo(22.4);
		expect(textWidth('亿元', 10)).toBe(20);
		expect(textWidth('≥1,300 trains', 10)).toBeGreaterThan(textWidth('1,300', 10));
	});
});
