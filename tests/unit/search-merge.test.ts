import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mergeHits } from '../../src/lib/state/place-search';

const show = (items: ReturnType<typeof mergeHits<string>>) => items.map((i) => ('place' in i ? `p:${i.place}` : `f${i.j}`));

describe('search combobox order (features and places together)', () => {
	// featureExact[j]: feature result j matched its name, alias or code exactly; places ending in '=' match exactly
	const cases: { q: string; exact: boolean[]; places: string[]; want: string[] }[] = [
		{ q: 'WUH: an exact code leads', exact: [true, false], places: [], want: ['f0', 'f1'] },
		{ q: 'Caidian: an exact place before features that only contain it', exact: [false, false], places: ['Caidian='], want: ['p:Caidian=', 'f0', 'f1'] },
		{ q: 'Tianhe: the town is exact, the airport only begins so', exact: [false], places: ['Tianhe=', 'Tianhemen'], want: ['p:Tianhe=', 'f0', 'p:Tianhemen'] },
		{ q: 'an exact feature stays above an exact place', exact: [false, true], places: ['X='], want: ['f1', 'p:X=', 'f0'] },
		{ q: 'places not yet loaded', exact: [true, false], places: [], want: ['f0', 'f1'] },
		{ q: 'nothing', exact: [], places: [], want: [] }
	];
	for (const c of cases)
		it(c.q, () => {
			expect(show(mergeHits(c.exact, c.places, (p) => p.endsWith('=')))).toEqual(c.want);
		});

	it('keeps every hit once, and the first item does not change when places arrive if a feature is exact', () => {
		fc.assert(
			fc.property(fc.array(fc.boolean(), { maxLength: 10 }), fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.boolean()), { maxLength: 3 }), (exact, ps) => {
				const places = ps.map(([s, e], i) => `${i}${s}${e ? '=' : ''}`);
				const isExact = (p: string) => p.endsWith('=');
				const merged = mergeHits(exact, places, isExact);
				expect(merged.length).toBe(exact.length + places.length);
				expect(new Set(show(merged)).size).toBe(merged.length);
				if (exact.some(Boolean)) expect(show(merged)[0]).toBe(show(mergeHits(exact, [], isExact))[0]);
			})
		);
	});
});
