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

describe('main hubs try 40 places round their marker', () => {
	it('8 anchors at each of 5 clearances, with the signs of a radial offset, through MapLibre\'s parser', async () => {
		const { createExpression } = await import('@maplibre/maplibre-gl-style-spec');
		const { hubAnchorOffsets, hubOffsetExpression, HUB_OFFSET_STEPS } = await import('../../src/lib/map/layers/labels');
		const offs = hubAnchorOffsets(2);
		expect(offs.length).toBe(2 * 8 * HUB_OFFSET_STEPS.length);
		const pairs = new Map<string, [number, number][]>();
		for (let j = 0; j < offs.length; j += 2) pairs.set(offs[j] as string, [...(pairs.get(offs[j] as string) ?? []), offs[j + 1] as [number, number]]);
		expect(pairs.get('top')![0]).toEqual([0, 2]);
		expect(pairs.get('bottom')![0]).toEqual([0, -2]);
		expect(pairs.get('left')![0]).toEqual([2, 0]);
		expect(pairs.get('right')!.at(-1)).toEqual([-8, 0]);
		expect(pairs.get('top-left')![0]).toEqual([1.41, 1.41]);
		expect(pairs.get('bottom-right')![0]).toEqual([-1.41, -1.41]);
		// every anchor steps outward: its distance grows with each step
		for (const [, list] of pairs) for (let k = 1; k < list.length; k++) expect(Math.hypot(...list[k])).toBeGreaterThan(Math.hypot(...list[k - 1]));
		const fc: GeoJSON.FeatureCollection = {
			type: 'FeatureCollection',
			features: [1.5, 2, 2].map((ro, i) => ({ type: 'Feature', properties: { i, rank: 0, ro }, geometry: { type: 'Point', coordinates: [0, 0] } }))
		};
		const { latest } = await import('@maplibre/maplibre-gl-style-spec');
		const e = createExpression(hubOffsetExpression(fc), (latest as unknown as Record<string, Record<string, never>>).layout_symbol['text-variable-anchor-offset']);
		expect(e.result).toBe('success');
		const ev = (ro: number) => (e.value as { evaluate(g: object, f: object): unknown }).evaluate({ zoom: 9 }, { type: 1, properties: { ro } });
		expect(ev(2)).toEqual(offs);
		expect(ev(1.5)).toEqual(hubAnchorOffsets(1.5));
		// an unknown clearance falls back to the smallest, never to nothing
		expect(ev(7)).toEqual(hubAnchorOffsets(1.1));
	});
});

describe('city-group rings reserve their space as the filters leave them', () => {
	it('only drawn rings, each sized to its count', async () => {
		const { createExpression } = await import('@maplibre/maplibre-gl-style-spec');
		const { groupRadiusPx } = await import('../../src/lib/map/layers/city-groups');
		const shown = [
			{ k: 0, count: 43 },
			{ k: 2, count: 1 }
		] as never[];
		const f = labelFilter(new Uint8Array([1]), null, [0], shown);
		const ring = (g: number) => featureFilter(f.ring as FilterSpecification, 'filter').filter({ zoom: 9 }, { type: 1, properties: { g }, geometry: [] } as never);
		expect([0, 1, 2, 3].map(ring)).toEqual([true, false, true, false]);
		// a feature point (no g) is never a ring
		expect(passes(f.ring, { i: 0, rank: 0 }, 9)).toBe(false);
		const e = createExpression(f.ringSize, 'icon-size');
		expect(e.result).toBe('success');
		const size = (g: number) => (e.value as { evaluate(a: object, b: object): number }).evaluate({ zoom: 9 }, { type: 1, properties: { g } });
		expect(size(0) * 16).toBeCloseTo(2 * groupRadiusPx(43), 1);
		expect(size(2) * 16).toBeCloseTo(2 * groupRadiusPx(1), 1);
		// no ring drawn: no space
		expect(passes(labelFilter(new Uint8Array([1]), null, [0], []).ring, { i: 0, rank: 0 }, 9)).toBe(false);
	});
});
