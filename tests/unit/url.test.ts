import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decode, decodeNear, encode, encodeToString, roundCamera } from '../../src/lib/state/url';
import { GROUP_IDS } from '../../src/lib/legend';
import { defaultState } from '../../src/lib/state/state';
import { stateArb, nearArb } from './arbitraries';
import { hashIsSafe } from '../../src/lib/state/params';

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
		const keys = ['c', 'l', 'k', 'city', 'st', 'y', 'p', 'lv', 'ind', 't', 'sel', 'lang', 'bm', 'v', 'tour', 'step', 'near', 'nk', 'cmp', 'cc', 'play', 'chg'];
		fc.assert(
			fc.property(stateArb, fc.constantFrom(...keys), fc.string({ maxLength: 40 }), (s, key, junk) => {
				const q = encode(s);
				q.set(key, junk);
				const { state, ignored } = decode(q.toString());
				// every other part survives
				if (key !== 'c') expect(state.camera).toEqual(s.camera);
				if (key !== 'lang') expect(state.lang).toBe(s.lang);
				if (key !== 'sel') expect(state.selected).toBe(s.selected);
				if (key === 'near') for (const i of ignored) expect(i.startsWith('near (')).toBe(true);
				else if (ignored.length) expect(ignored).toEqual([key]);
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

	it('reads 2–4 compared ids and the corridor colouring; anything else is named', () => {
		expect(decode('cmp=a,b-c&cc=city').state.compare).toEqual(['a', 'b-c']);
		expect(decode('cc=city').state.corridorColour).toBe('city');
		for (const bad of ['a', 'a,b,c,d,e', 'a,a', 'a,<b>', '']) expect(decode(`cmp=${bad}`).ignored).toEqual(['cmp']);
		expect(decode('cc=rainbow').ignored).toEqual(['cc']);
	});

	describe('proximity terms (near=)', () => {
		it('reads group:km terms with the ids of l=', () => {
			const { state, ignored } = decode('near=airports:30,rail:20&nk=1');
			expect(ignored).toEqual([]);
			expect(state.filters.near).toEqual([{ group: 'airports', km: 30 }, { group: 'rail', km: 20 }]);
			expect(state.filters.nearKnown).toBe(true);
		});
		it('ignores and names each bad term alone, keeping the good ones', () => {
			const { state, ignored } = decode('near=airports:30,spaceports:5,rail:-2,ports:0,ports:1e3,ports:12.5,ports:9,bonded:20001&nk=yes');
			expect(state.filters.near).toEqual([{ group: 'airports', km: 30 }, { group: 'ports', km: 12.5 }]);
			expect(ignored).toEqual(['near (spaceports:5)', 'near (rail:-2)', 'near (ports:0)', 'near (ports:1e3)', 'near (ports:9)', 'near (bonded:20001)', 'nk']);
			expect(state.filters.nearKnown).toBe(false);
		});
		it('round-trips any list of terms', () => {
			fc.assert(
				fc.property(nearArb, (terms) => {
					const s = defaultState('en');
					s.filters.near = terms;
					const { state, ignored } = decode(encodeToString(s));
					expect(ignored).toEqual([]);
					expect(state.filters.near).toEqual(terms);
				}),
				{ numRuns: 300 }
			);
		});
		it('never throws on fuzzed near= values; every kept term is valid', () => {
			const piece = fc.oneof(fc.string({ maxLength: 12 }), fc.tuple(fc.constantFrom(...GROUP_IDS, 'x', ''), fc.oneof(fc.double(), fc.string({ maxLength: 5 }))).map(([g, k]) => `${g}:${k}`));
			fc.assert(
				fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
					const raw = parts.join(',');
					const { terms, bad } = decodeNear(raw);
					const { state } = decode(new URLSearchParams({ near: raw }));
					expect(state.filters.near).toEqual(terms);
					for (const t of terms) {
						expect(GROUP_IDS).toContain(t.group);
						expect(t.km).toBeGreaterThan(0);
						expect(t.km).toBeLessThanOrEqual(20000);
					}
					expect(new Set(terms.map((t) => t.group)).size).toBe(terms.length);
					if (raw !== '' && parts.length <= 38) expect(terms.length + bad.length).toBe(raw.split(',').length);
				}),
				{ numRuns: 1000 }
			);
		});
	});
});

describe('URL codec on raw, hostile query strings', () => {
	// characters that make broken percent-encoding likely: lone %, partial sequences, separators
	const rawChar = fc.constantFrom('%', 'E', '0', 'A', '4', 'f', 'z', '&', '=', '+', '#', ',', '.', '-', 'k', 'c', 'sel', 'lang', '中', '\u0000', '%E0', '%A4', '%2C', '%ZZ');
	const rawQuery = fc.array(rawChar, { maxLength: 60 }).map((xs) => xs.join(''));

	it('never throws on raw strings full of broken percent-encoding', () => {
		fc.assert(
			fc.property(rawQuery, (q) => {
				const { state, ignored } = decode(q);
				expect(Array.isArray(state.layers)).toBe(true);
				expect(Array.isArray(ignored)).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});

	it.each([
		['sel=%E0%A4%A', ['sel']],
		['k=%', ['k']],
		['lang=en&c=%ZZ', ['c']],
		['%E0=1&lang=en', ['url']],
		['title=%E0%A4%A&lang=en', ['title']]
	])('%s: the malformed part is left out and named', (q, named) => {
		const { state, ignored } = decode(q);
		expect(ignored).toEqual(named);
		if (q.includes('lang=en')) expect(state.lang).toBe('en');
	});

	it('a valid state with one raw value replaced by broken encoding keeps every other part', () => {
		fc.assert(
			fc.property(stateArb, fc.constantFrom('c', 'l', 'sel', 'lang'), fc.constantFrom('%', '%E0%A4%A', '%G1', 'x%'), (s, key, junk) => {
				const parts = encodeToString(s).split('&').filter((p) => !p.startsWith(key + '='));
				parts.push(`${key}=${junk}`);
				const { state, ignored } = decode(parts.join('&'));
				expect(ignored).toEqual([key]);
				if (key !== 'c') expect(state.camera).toEqual(s.camera);
				if (key !== 'sel') expect(state.selected).toBe(s.selected);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('location hash', () => {
	it.each([
		['', true],
		['#top', true],
		['#%E4%B8%AD', true],
		['#%E0%A4%A', false],
		['#%', false],
		['#100%', false]
	])('hashIsSafe(%s) = %s', (h, ok) => expect(hashIsSafe(h)).toBe(ok));
	it('never throws on any hash', () => {
		fc.assert(fc.property(fc.string({ maxLength: 50 }), (h) => typeof hashIsSafe('#' + h) === 'boolean'), { numRuns: 1000 });
	});
});

describe('opening camera', () => {
	it.each([
		['lang=en', false],
		['c=114.3,30.6,9', true],
		['c=bad&lang=en', false]
	])('%s: hasCamera = %s', (q, has) => expect(decode(q).hasCamera).toBe(has));
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
