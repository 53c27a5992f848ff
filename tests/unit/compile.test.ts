import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTopology } from '../../src/lib/data/compile';
import { featuresFromTopology, AtlasLoadError } from '../../src/lib/data/load';
import { validateFeatures, validatePlans } from '../../src/lib/data/validate';

const fx = join(import.meta.dirname, '..', 'fixtures', 'valid');
const { plans } = validatePlans({ name: 'plans.json', json: JSON.parse(readFileSync(join(fx, 'plans.json'), 'utf8')) });
const { features } = validateFeatures([{ name: 'layer.geojson', json: JSON.parse(readFileSync(join(fx, 'layer.geojson'), 'utf8')) }], plans);

describe('compile to TopoJSON and load back', () => {
	const topo = compileTopology(new Map([['layer', features]]));
	const back = featuresFromTopology(JSON.parse(JSON.stringify(topo)));
	it('keeps every feature and its properties', () => {
		expect(back.map((f) => f.properties.id)).toEqual(['wuhan-test-port', 'wuhan-test-rail']);
		expect(back[0].properties.targets[0].value).toBe(2_000_000);
		expect(back[0].properties.layer).toBe('layer');
	});
	it('quantizes positions to well under 100 m', () => {
		const [x, y] = (back[0].geometry as { coordinates: number[] }).coordinates;
		expect(Math.abs(x - 114.5)).toBeLessThan(1e-3);
		expect(Math.abs(y - 30.6)).toBeLessThan(1e-3);
	});
	it('adds line lengths and pinyin keys', () => {
		expect(back[1].properties.length_km).toBeGreaterThan(7000);
		expect(back[0].properties.pinyin).toBe('ceshigang');
		expect(back[0].properties.length_km).toBeNull();
	});
	it('rejects what is not a topology, with the file named', () => {
		expect(() => featuresFromTopology({ hello: 1 }, 'x.topojson')).toThrow(AtlasLoadError);
		expect(() => featuresFromTopology({ hello: 1 }, 'x.topojson')).toThrow(/x\.topojson/);
	});
});

describe('air routes', () => {
	it('are densified into great circles', () => {
		const air = structuredClone(features[1]);
		air.properties.id = 'air-x';
		air.properties.kind = 'air-route';
		air.geometry = { type: 'LineString', coordinates: [[114.21, 30.78], [12.25, 41.8]] };
		const topo = compileTopology(new Map([['a', [air]]]), 1e7);
		const f = featuresFromTopology(topo)[0];
		const coords = (f.geometry as { coordinates: number[][] }).coordinates;
		expect(coords.length).toBeGreaterThan(30);
		// a great circle Wuhan–Rome bulges north of both ends
		expect(Math.max(...coords.map((c) => c[1]))).toBeGreaterThan(45);
	});
});
