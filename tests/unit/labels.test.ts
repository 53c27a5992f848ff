import { describe, it, expect } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { labelFilter } from '../../src/lib/map/layers/labels';

// the filters are MapLibre expressions: evaluate them with MapLibre's own evaluator
const passes = (f: unknown, props: { i: number; rank: number }, zoom: number) =>
	featureFilter(f as FilterSpecification, 'filter').filter({ zoom }, { type: 1, properties: props, geometry: [] } as never);

describe('label tiers', () => {
	// features 0..4: ranks 0, 1, 2, 3, 0; feature 4 filtered out
	const ranks = [0, 1, 2, 3, 0];
	const mask = new Uint8Array([1, 1, 1, 1, 0]);
	const labelled = [0, 1, 2, 3, 4];
	const at = (f: unknown, zoom: number) => ranks.map((rank, i) => passes(f, { i, rank }, zoom));

	it('main hubs are labelled at every zoom and reserve their space first; others by zoom', () => {
		const f = labelFilter(mask, null, labelled);
		expect(at(f.hubLabel, 4)).toEqual([true, false, false, false, false]);
		expect(at(f.hubSpace, 4)).toEqual([true, false, false, false, false]);
		expect(at(f.label, 5)).toEqual([false, false, false, false, false]);
		expect(at(f.label, 7)).toEqual([false, true, false, false, false]);
		expect(at(f.label, 9.5)).toEqual([false, true, true, true, false]);
		// every shown marker that is not a hub reserves space, whatever the zoom
		expect(at(f.space, 4)).toEqual([false, true, true, true, false]);
	});

	it('a selected feature is labelled first and once, even when filtered out or zoomed out', () => {
		const f = labelFilter(mask, 3, labelled);
		expect(at(f.selected, 4)).toEqual([false, false, false, true, false]);
		expect(at(f.hubLabel, 4)).toEqual([true, false, false, false, false]);
		expect(at(f.label, 9.5)).toEqual([false, true, true, false, false]);
		const g = labelFilter(mask, 0, labelled);
		expect(at(g.selected, 4)).toEqual([true, false, false, false, false]);
		expect(at(g.hubLabel, 4)).toEqual([false, false, false, false, false]);
		expect(at(labelFilter(mask, 4, labelled).selected, 4)[4]).toBe(true);
		expect(at(labelFilter(mask, null, labelled).selected, 4)).toEqual([false, false, false, false, false]);
	});
});

describe('marker space follows the side-by-side offsets', () => {
	it('gives each feature its own icon offset (array properties do not reach the worker, so it is a match on a key)', async () => {
		const { createExpression } = await import('@maplibre/maplibre-gl-style-spec');
		const { offsetExpression } = await import('../../src/lib/map/layers/labels');
		const fc = (offs: string[]): GeoJSON.FeatureCollection => ({
			type: 'FeatureCollection',
			features: offs.map((off, i) => ({ type: 'Feature', properties: { i, rank: 0, off }, geometry: { type: 'Point', coordinates: [0, 0] } }))
		});
		const data = fc(['-8.73,0', '8.73,0', '0,0']);
		const e = createExpression(offsetExpression(data), 'icon-offset');
		expect(e.result).toBe('success');
		const ev = (off: string) => (e.value as { evaluate(g: object, f: object): unknown }).evaluate({ zoom: 9 }, { type: 1, properties: { off } });
		expect(ev('-8.73,0')).toEqual([-8.73, 0]);
		expect(ev('8.73,0')).toEqual([8.73, 0]);
		expect(ev('0,0')).toEqual([0, 0]);
		expect(offsetExpression(fc(['0,0']))).toEqual(['literal', [0, 0]]);
	});
});
