import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as tx from '../../src/lib/state/transitions';
import { defaultState, EMPTY_FILTERS, type AtlasState } from '../../src/lib/state/state';
import { DEFAULT_LAYERS, GROUP_IDS } from '../../src/lib/legend';
import { decode } from '../../src/lib/state/url';
import { stateArb } from './arbitraries';

describe('filter transitions', () => {
	it.each([
		['adds a value', { kinds: [] }, 'kinds', 'port', ['port']],
		['removes a value', { kinds: ['port', 'airport'] }, 'kinds', 'port', ['airport']],
		['adds a city', { cities: ['wuhan'] }, 'cities', 'hefei', ['wuhan', 'hefei']]
	] as const)('toggleInList %s', (_, start, key, value, expected) => {
		const f = { ...structuredClone(EMPTY_FILTERS), ...structuredClone(start) } as never;
		expect(tx.toggleInList(f, key, value as never)[key]).toEqual(expected);
	});
	it('patchFilters gives the same object back when nothing changes (no wake-up)', () => {
		const f = { ...structuredClone(EMPTY_FILTERS), kinds: ['port' as const] };
		expect(tx.patchFilters(f, { kinds: ['port'] })).toBe(f);
		expect(tx.patchFilters(f, { hasTargets: false })).toBe(f);
		const g = tx.patchFilters(f, { hasTargets: true });
		expect(g).not.toBe(f);
		expect(g).toEqual({ ...f, hasTargets: true });
	});
	it('clearFilters empties everything, and is a no-op on empty filters', () => {
		const empty = structuredClone(EMPTY_FILTERS);
		expect(tx.clearFilters(empty)).toBe(empty);
		expect(tx.clearFilters({ ...empty, kinds: ['port'], statusYear: 2018, hasTargets: true })).toEqual(EMPTY_FILTERS);
	});
	it('toggling a value twice gives the filters back (property)', () => {
		fc.assert(
			fc.property(stateArb, fc.constantFrom('kinds' as const, 'cities' as const), (s, key) => {
				const value = key === 'kinds' ? 'port' : 'wuhan';
				const twice = tx.toggleInList(tx.toggleInList(s.filters, key, value as never), key, value as never);
				expect([...twice[key]].sort()).toEqual([...s.filters[key]].sort());
			}),
			{ numRuns: 200 }
		);
	});
});

describe('layer isolation', () => {
	it('isolate then the same click restores what was on before — not every group', () => {
		// the review's bug: the defaults leave "cities" off; restore used to switch on all groups
		expect(DEFAULT_LAYERS).not.toContain('cities');
		const start = [...DEFAULT_LAYERS];
		const iso = tx.isolateLayer(start, 'ports', null);
		expect(iso.layers).toEqual(['ports']);
		const back = tx.isolateLayer(iso.layers, 'ports', iso.before);
		expect(back.layers).toEqual(start);
		expect(back.layers).not.toContain('cities');
		expect(back.before).toBeNull();
	});
	it('isolating another group while isolated keeps the original set to restore', () => {
		const start = ['ports', 'airports', 'rail'];
		const a = tx.isolateLayer(start, 'ports', null);
		const b = tx.isolateLayer(a.layers, 'airports', a.before);
		expect(b.layers).toEqual(['airports']);
		expect(tx.isolateLayer(b.layers, 'airports', b.before).layers).toEqual(start);
	});
	it('restoring with nothing remembered (after a reload) gives the defaults', () => {
		expect(tx.isolateLayer(['ports'], 'ports', null).layers).toEqual([...DEFAULT_LAYERS]);
	});
	it('isolate + restore is the identity on any starting set (property)', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.constantFrom(...GROUP_IDS), { minLength: 2 }), fc.constantFrom(...GROUP_IDS), (layers, id) => {
				const iso = tx.isolateLayer(layers, id, null);
				expect(tx.isolateLayer(iso.layers, id, iso.before).layers).toEqual(layers);
			})
		);
	});
	it('toggleLayer adds and removes', () => {
		expect(tx.toggleLayer(['ports'], 'rail')).toEqual(['ports', 'rail']);
		expect(tx.toggleLayer(['ports', 'rail'], 'ports')).toEqual(['rail']);
	});
});

describe('tour transitions', () => {
	const reader = (): AtlasState => ({
		...defaultState('en'),
		camera: { lon: 117.2, lat: 31.8, zoom: 9, bearing: 0, pitch: 0 },
		filters: { ...structuredClone(EMPTY_FILTERS), cities: ['hefei'] },
		layers: ['ports'],
		selected: 'hefei-port',
		basemap: 'offline'
	});
	const step = decode('c=114.2,30.8,8&l=airports&k=airport&sel=wuhan-tianhe-airport&lang=zh').state;

	it('start keeps the reader’s view; a step takes over camera, layers, filters, selection only', () => {
		const s = reader();
		const play = tx.startTour(s, null, 'air-cargo');
		expect(play.state.tour).toEqual({ id: 'air-cargo', step: 0 });
		expect(play.before).toEqual(tx.viewOf(s));
		const shown = tx.showTourStep(play.state, { id: 'air-cargo', step: 1 }, step);
		expect(shown.camera).toEqual(step.camera);
		expect(shown.layers).toEqual(['airports']);
		expect(shown.filters.kinds).toEqual(['airport']);
		expect(shown.selected).toBe('wuhan-tianhe-airport');
		// the step's lang=zh does not switch the reader's language
		expect(shown.lang).toBe('en');
		expect(shown.tour).toEqual({ id: 'air-cargo', step: 1 });
	});
	it('close gives back exactly the view before the tour', () => {
		const s = reader();
		const play = tx.startTour(s, null, 'air-cargo');
		const shown = tx.showTourStep(play.state, { id: 'air-cargo', step: 3 }, step);
		const closed = tx.closeTour(shown, play.before);
		expect(closed).toEqual({ ...s, tour: null });
	});
	it('switching tours keeps the view from before the first one', () => {
		const s = reader();
		const a = tx.startTour(s, null, 'air-cargo');
		const moved = tx.showTourStep(a.state, { id: 'air-cargo', step: 2 }, step);
		const b = tx.startTour(moved, a.before, 'china-europe-rail');
		expect(b.before).toEqual(tx.viewOf(s));
	});
	it.each([
		[-3, 5, 0],
		[0, 5, 0],
		[4, 5, 4],
		[9, 5, 4]
	])('clampStep(%i of %i) = %i', (k, n, expected) => expect(tx.clampStep(k, n)).toBe(expected));
});

describe('select and camera', () => {
	it('sameCamera compares every field', () => {
		const c = defaultState().camera;
		expect(tx.sameCamera(c, { ...c })).toBe(true);
		for (const k of ['lon', 'lat', 'zoom', 'bearing', 'pitch'] as const) expect(tx.sameCamera(c, { ...c, [k]: c[k] + 0.01 })).toBe(false);
	});
});

describe('timeline transitions (#13)', () => {
	const years = [2016, 2018, 2022, 2023, 2026];
	it.each([
		[null, 1, 2016],
		[null, -1, 2026],
		[2016, 1, 2018],
		[2023, 1, 2026],
		[2026, 1, 2016],
		[2016, -1, 2026],
		[2020, 1, 2022],
		[2020, -1, 2018],
		[2030, 1, 2016]
	] as const)('stepYear(%s, %s) = %s', (y, dir, expected) => expect(tx.stepYear(years, y, dir)).toBe(expected));
	it('stepYear on no years is null', () => expect(tx.stepYear([], 2018, 1)).toBeNull());
	it('sameTimeline compares values', () => {
		expect(tx.sameTimeline({ playing: true, compare: [2018, 2023] }, { playing: true, compare: [2018, 2023] })).toBe(true);
		expect(tx.sameTimeline({ playing: true, compare: null }, { playing: false, compare: null })).toBe(false);
		expect(tx.sameTimeline({ playing: false, compare: [2016, 2023] }, { playing: false, compare: [2018, 2023] })).toBe(false);
	});
});
