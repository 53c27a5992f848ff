/** Which filter changed last (#14 item 5): the state behind the one-click "clear the last filter". */
import { describe, it, expect } from 'vitest';
import { noteFilterChange, clearFilter, activeFilterKeys, toggleInList, patchFilters, clearFilters } from '$lib/state/transitions';
import { EMPTY_FILTERS, type Filters } from '$lib/state/state';

const empty = (): Filters => structuredClone(EMPTY_FILTERS);

describe('noteFilterChange', () => {
	it('puts the filter changed last at the end, and drops a cleared one', () => {
		let f = empty();
		let order = noteFilterChange([], f, f);
		expect(order).toEqual([]);
		const steps: [Filters, string[]][] = [];
		for (const next of [
			(x: Filters) => toggleInList(x, 'kinds', 'airport'),
			(x: Filters) => toggleInList(x, 'cities', 'hefei'),
			(x: Filters) => patchFilters(x, { hasTargets: true }),
			// changing kinds again makes it the latest
			(x: Filters) => toggleInList(x, 'kinds', 'port'),
			// clearing the cities takes them out of the order
			(x: Filters) => toggleInList(x, 'cities', 'hefei')
		]) {
			const g = next(f);
			order = noteFilterChange(order, f, g);
			f = g;
			steps.push([f, [...order]]);
		}
		expect(steps.map((s) => s[1])).toEqual([['kinds'], ['kinds', 'cities'], ['kinds', 'cities', 'hasTargets'], ['cities', 'hasTargets', 'kinds'], ['hasTargets', 'kinds']]);
		expect(noteFilterChange(order, f, clearFilters(f))).toEqual([]);
	});

	it('keeps the same array when nothing moves (an unchanged slice wakes nobody)', () => {
		const f = toggleInList(empty(), 'kinds', 'airport');
		const order = noteFilterChange([], empty(), f);
		expect(noteFilterChange(order, f, f)).toBe(order);
		expect(noteFilterChange(order, f, structuredClone(f))).toBe(order);
	});

	it('filters that arrive together (a link, Back) come in the order of Filters; the statusYear and near terms count', () => {
		const link = { ...empty(), kinds: ['port' as const], statusYear: 2018, near: [{ group: 'airports', km: 30 }] };
		expect(noteFilterChange([], empty(), link)).toEqual(['kinds', 'statusYear', 'near']);
		expect(activeFilterKeys(link)).toEqual(['kinds', 'statusYear', 'near']);
		// a change after the link moves only that filter
		const next = patchFilters(link, { statusYear: 2023 });
		expect(noteFilterChange(['kinds', 'statusYear', 'near'], link, next)).toEqual(['kinds', 'near', 'statusYear']);
	});
});

describe('clearFilter', () => {
	it('clears that filter only, and returns the same object when it is not set', () => {
		const f = { ...empty(), kinds: ['port' as const], cities: ['wuhan' as const], statusYear: 2018 };
		expect(clearFilter(f, 'kinds')).toEqual({ ...f, kinds: [] });
		expect(clearFilter(f, 'statusYear')).toEqual({ ...f, statusYear: null });
		expect(clearFilter(f, 'hasTargets')).toBe(f);
		// the empty value is a copy: clearing never shares EMPTY_FILTERS' arrays
		expect(clearFilter(f, 'kinds').kinds).not.toBe(EMPTY_FILTERS.kinds);
	});
});
