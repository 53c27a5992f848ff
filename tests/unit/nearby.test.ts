import { describe, it, expect } from 'vitest';
import { loadGeodata } from './helpers';
import { nearestHubs, platformsWithin } from '../../src/lib/analysis/nearby';
import { km } from '../../src/lib/analysis/geo';

const { compiled } = loadGeodata();
const byId = new Map(compiled.map((f) => [f.properties.id, f]));

describe('nearby analysis', () => {
	it('measures great-circle km', () => {
		// Wuhan Tianhe to Ezhou Huahu is about 70 km
		expect(km([114.2081, 30.7838], [114.9, 30.27])).toBeGreaterThan(75);
		expect(km([114.2081, 30.7838], [114.9, 30.27])).toBeLessThan(90);
	});
	it('finds the nearest airport, port and rail hub, never the feature itself', () => {
		const huahu = byId.get('ezhou-huahu-airport')!;
		const r = nearestHubs(huahu, compiled);
		const airport = r.find((h) => h.kind === 'airport')!;
		expect(airport.feature.properties.id).not.toBe('ezhou-huahu-airport');
		expect(r.map((h) => h.kind).sort()).toEqual(['airport', 'port', 'rail-hub']);
		for (const h of r) expect(h.km).toBeGreaterThanOrEqual(0);
	});
	it('gives corridors no nearest hub (they have no single place)', () => {
		const corridor = compiled.find((f) => f.properties.kind === 'rail-corridor' && f.geometry)!;
		expect(nearestHubs(corridor, compiled)).toEqual([]);
	});
	it('lists platforms within a radius, nearest first', () => {
		const r = platformsWithin(byId.get('wuhan-tianhe-airport')!, compiled, 15);
		for (let i = 1; i < r.length; i++) expect(r[i].km).toBeGreaterThanOrEqual(r[i - 1].km);
		expect(r.every((x) => x.km <= 15)).toBe(true);
	});
});
