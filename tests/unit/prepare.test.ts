import { describe, it, expect } from 'vitest';
import { separateColocated, spreadCityPoints, SIDE_BY_SIDE_PX, type PointRec } from '../../src/lib/map/prepare';

const pt = (id: string, position: [number, number], rank = 1, precision: PointRec['precision'] = 'site'): PointRec => ({
	i: 0, id, position: [...position], color: [0, 0, 0], group: 'ports', precision, rank, offset: [0, 0]
});

describe('features that share one spot', () => {
	it('are set side by side on screen while their coordinates stay as recorded', () => {
		const a = pt('b-park', [115.03926, 30.34118], 0);
		const b = pt('a-airport', [115.03926, 30.34118], 0);
		const c = pt('alone', [114, 30]);
		separateColocated([a, b, c]);
		expect(a.position).toEqual([115.03926, 30.34118]);
		expect(b.position).toEqual([115.03926, 30.34118]);
		expect(c.offset).toEqual([0, 0]);
		// two: left and right, SIDE_BY_SIDE_PX apart, the first by rank then id on the left
		expect(b.offset[0]).toBeCloseTo(-SIDE_BY_SIDE_PX / 2);
		expect(a.offset[0]).toBeCloseTo(SIDE_BY_SIDE_PX / 2);
		expect(Math.hypot(a.offset[0] - b.offset[0], a.offset[1] - b.offset[1])).toBeCloseTo(SIDE_BY_SIDE_PX, 0);
	});
	it('three or more go round a circle with neighbours SIDE_BY_SIDE_PX apart', () => {
		const group = [0, 1, 2, 3, 4].map((k) => pt(`p${k}`, [114.5, 30.5]));
		separateColocated(group);
		const offs = group.map((p) => p.offset);
		expect(new Set(offs.map((o) => o.join(','))).size).toBe(5);
		for (let k = 0; k < 5; k++) {
			const [x1, y1] = offs[k], [x2, y2] = offs[(k + 1) % 5];
			expect(Math.hypot(x1 - x2, y1 - y2)).toBeCloseTo(SIDE_BY_SIDE_PX, 0);
		}
	});
	it('city-level points are spread geographically first (their ring says the place is unknown)', () => {
		const a = pt('a', [114.3, 30.6], 1, 'city');
		const b = pt('b', [114.3, 30.6], 1, 'city');
		spreadCityPoints([a, b]);
		separateColocated([a, b]);
		expect(a.position).not.toEqual(b.position);
		expect(a.offset).toEqual([0, 0]);
	});
});

describe('the real atlas', () => {
	it('draws no two markers on the same screen spot', async () => {
		const { loadGeodata } = await import('./helpers');
		const { prepareLayers } = await import('../../src/lib/map/prepare');
		const points = prepareLayers(loadGeodata().compiled).points;
		const spots = points.map((p) => `${p.position.map((n) => n.toFixed(4))}|${p.offset}`);
		expect(new Set(spots).size).toBe(points.length);
		// and the pairs the plans put on one spot were found
		expect(points.filter((p) => p.offset[0] !== 0 || p.offset[1] !== 0).map((p) => p.id)).toEqual(
			expect.arrayContaining(['ezhou-huahu-airport', 'ezhou-huahu-inland-free-trade-port'])
		);
	});
});
