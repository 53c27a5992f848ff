import { describe, it, expect } from 'vitest';
import { separateColocated, SIDE_BY_SIDE_PX, cityGroupsOf, groupCounts, pickedGroup, isCityOnly, prepareLayers, type PointRec } from '../../src/lib/map/prepare';
import type { CompiledFeature } from '../../src/lib/data/types';

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
		// the first by rank then id keeps the spot, the other goes SIDE_BY_SIDE_PX to its right
		expect(b.offset).toEqual([0, 0]);
		expect(a.offset).toEqual([SIDE_BY_SIDE_PX, 0]);
	});
	it('a hub keeps its spot; more round it, neighbours at least SIDE_BY_SIDE_PX apart', () => {
		const group = [3, 2, 0, 2, 3, 1, 3].map((rank, k) => pt(`p${k}`, [114.5, 30.5], rank));
		separateColocated(group);
		const hub = group.find((p) => p.rank === 0)!;
		expect(hub.offset).toEqual([0, 0]);
		const ring = group.filter((p) => p !== hub).map((p) => p.offset);
		expect(new Set(ring.map((o) => o.join(','))).size).toBe(6);
		for (const o of ring) expect(Math.hypot(o[0], o[1])).toBeGreaterThanOrEqual(SIDE_BY_SIDE_PX - 0.1);
		for (let k = 0; k < ring.length; k++)
			for (let j = k + 1; j < ring.length; j++) expect(Math.hypot(ring[k][0] - ring[j][0], ring[k][1] - ring[j][1])).toBeGreaterThanOrEqual(SIDE_BY_SIDE_PX - 0.2);
	});
});

describe('the real atlas', () => {
	it('draws no two markers on the same screen spot', async () => {
		const { loadGeodata } = await import('./helpers');
		const { prepareLayers } = await import('../../src/lib/map/prepare');
		const points = prepareLayers(loadGeodata().compiled).points;
		const spots = points.map((p) => `${p.position.map((n) => n.toFixed(4))}|${p.offset}`);
		expect(new Set(spots).size).toBe(points.length);
		// the airport keeps its spot, the free-trade port the plans put on the same spot goes beside it
		const at = (id: string) => points.find((p) => p.id === id)!;
		expect(at('ezhou-huahu-airport').offset).toEqual([0, 0]);
		expect(at('ezhou-huahu-inland-free-trade-port').offset).not.toEqual([0, 0]);
		expect(at('ezhou-huahu-inland-free-trade-port').position).toEqual(at('ezhou-huahu-airport').position);
	});
});

describe('features placed only in a city', () => {
	const f = (id: string, city: string, coords: [number, number], precision: string, kind = 'industrial-park') =>
		({ type: 'Feature', geometry: { type: 'Point', coordinates: coords }, properties: { id, city, kind, location: { precision } } }) as unknown as CompiledFeature;
	const feats = [
		f('a', 'wuhan', [114.305, 30.593], 'city'),
		f('b', 'wuhan', [114.305, 30.593], 'city'),
		f('c', 'hefei', [117.227, 31.82], 'city'),
		f('d', 'wuhan', [114.4, 30.5], 'area'),
		f('city-wuhan', 'wuhan', [114.305, 30.593], 'city', 'city'),
		f('e', 'xiaogan', [113.66, 30.69], 'city')
	];
	it('are grouped per city point and never drawn as markers of their own', () => {
		const groups = cityGroupsOf(feats);
		expect(groups.map((g) => [g.city, g.members])).toEqual([
			['wuhan', [0, 1]],
			['hefei', [2]],
			['xiaogan', [5]]
		]);
		expect(groups.map((g) => pickedGroup(g.i))).toEqual([0, 1, 2]);
		expect(pickedGroup(3)).toBeNull();
		expect(isCityOnly(feats[4].properties)).toBe(false);
	});
	it('count the members that pass the filters', () => {
		const groups = cityGroupsOf(feats);
		expect([...groupCounts(groups, Uint8Array.from([1, 0, 1, 1, 1, 0]))]).toEqual([1, 1, 0]);
	});
	it('in the real atlas: no city-only feature has a marker, every one is in exactly one group', async () => {
		const { loadGeodata } = await import('./helpers');
		const compiled = loadGeodata().compiled;
		const prep = prepareLayers(compiled);
		const marked = new Set(prep.points.map((p) => p.i));
		const grouped = prep.cityGroups.flatMap((g) => g.members);
		const cityOnly = compiled.map((x, i) => (x.geometry && isCityOnly(x.properties) ? i : -1)).filter((i) => i >= 0);
		expect(cityOnly.length).toBeGreaterThan(50);
		expect(cityOnly.filter((i) => marked.has(i))).toEqual([]);
		expect([...grouped].sort((a, b) => a - b)).toEqual(cityOnly);
	});
});
