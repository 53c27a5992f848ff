import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decode, encode, encodeToString, roundCamera } from '../../src/lib/state/url';
import { defaultState } from '../../src/lib/state/state';
import { stateArb } from './arbitraries';

describe('URL codec', () => {
	it('round-trips every valid state unchanged', () => {
		fc.assert(
			fc.property(stateArb, (s) => {
				const { state, ignored } = decode(encodeToString(s));
				expect(ignored).toEqual([]);
				expect(state).toEqual(s);
			}),
			{ numRuns: 500 }
		);
	});

	it('never throws on random input and always returns a usable state', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (q) => {
				const { state } = decode(q);
				expect(state.camera.zoom).toBeGreaterThanOrEqual(0);
				expect(Array.isArray(state.layers)).toBe(true);
			}),
			{ numRuns: 2000 }
		);
	});

	it('never throws on mutated valid URLs; a broken part falls back alone', () => {
		const keys = ['c', 'l', 'k', 'city', 'st', 'y', 'p', 'lv', 'ind', 't', 'sel', 'lang', 'bm', 'v', 'tour', 'step', 'play', 'chg'];
		fc.assert(
			fc.property(stateArb, fc.constantFrom(...keys), fc.string({ maxLength: 40 }), (s, key, junk) => {
				const q = encode(s);
				q.set(key, junk);
				const { state, ignored } = decode(q.toString());
				// every other part survives
				if (key !== 'c') expect(state.camera).toEqual(s.camera);
				if (key !== 'lang') expect(state.lang).toBe(s.lang);
				if (key !== 'sel') expect(state.selected).toBe(s.selected);
				if (ignored.length) expect(ignored).toEqual([key]);
			}),
			{ numRuns: 1000 }
		);
	});

	it('names what it ignored and keeps defaults for those parts', () => {
		const { state, ignored } = decode('?c=abc,1&k=port,spaceship&lang=fr&sel=<script>alert(1)</script>&y=19999&t=yes&city=wuhan');
		expect(ignored.sort()).toEqual(['c', 'k', 'lang', 'sel', 't', 'y'].sort());
		const d = defaultState('zh');
		expect(state.camera).toEqual(d.camera);
		expect(state.filters.kinds).toEqual([]);
		expect(state.filters.cities).toEqual(['wuhan']);
		expect(state.selected).toBeNull();
	});

	it('rejects swapped or out-of-range cameras', () => {
		expect(decode('c=30.6,114.3,8').ignored).toEqual(['c']);
		expect(decode('c=114.3,30.6,30').ignored).toEqual(['c']);
		expect(decode('c=114.3,30.6,8').state.camera).toEqual(roundCamera({ lon: 114.3, lat: 30.6, zoom: 8, bearing: 0, pitch: 0 }));
	});

	it('writes short plan ids and no empty filters', () => {
		const s = defaultState('en');
		s.filters.plans = ['004_929622d460b1a9b5'];
		const q = encodeToString(s);
		expect(q).toContain('p=004');
		expect(q).not.toContain('k=');
	});
});

describe('URL codec: timeline (#13)', () => {
	it.each([
		['play=1', { playing: true, compare: null }, []],
		['play=0', { playing: false, compare: null }, []],
		['chg=2018,2023', { playing: false, compare: [2018, 2023] }, []],
		['chg=2023,2018', { playing: false, compare: null }, ['chg']],
		['chg=2018', { playing: false, compare: null }, ['chg']],
		['chg=2018,2018', { playing: false, compare: null }, ['chg']],
		['chg=1999,2023', { playing: false, compare: null }, ['chg']],
		['play=yes&chg=2016,2026', { playing: false, compare: [2016, 2026] }, ['play']]
	])('%s', (q, timeline, ignored) => {
		const d = decode(q);
		expect(d.state.timeline).toEqual(timeline);
		expect(d.ignored).toEqual(ignored);
	});
	it('year and play state together in the link', () => {
		const s = defaultState('en');
		s.filters.statusYear = 2018;
		s.timeline = { playing: true, compare: [2018, 2023] };
		const q = encodeToString(s);
		expect(q).toContain('y=2018');
		expect(q).toContain('play=1');
		expect(q).toContain('chg=2018,2023');
		expect(decode(q).state).toEqual(s);
	});
});
