/**
 * Filtering: pure functions of (features, filters, visible layers). The result is a mask the map
 * hands to deck.gl's DataFilterExtension (no layer data is rebuilt) and the list renders directly.
 */
import type { Status } from '../data/schema';
import type { CompiledProperties } from '../data/types';
import type { Filters } from './state';
import { groupOf } from './groups';

type Props = Pick<
	CompiledProperties,
	'kind' | 'city' | 'status' | 'status_history' | 'citations' | 'level' | 'industries' | 'targets'
>;

/**
 * The status a feature has "as the plan of year X says": the status given by the latest plan
 * dated up to that year. null when no plan up to that year speaks of it.
 */
export function statusAt(p: Pick<Props, 'status' | 'status_history'>, year: number | null): Status | null {
	if (year === null) return p.status;
	let best: { year: number; status: Status } | null = null;
	for (const h of p.status_history) if (h.year <= year && (!best || h.year >= best.year)) best = h;
	return best?.status ?? null;
}

export function matches(p: Props, f: Filters): boolean {
	if (f.kinds.length && !f.kinds.includes(p.kind)) return false;
	if (f.cities.length && !f.cities.includes(p.city)) return false;
	if (f.statusYear !== null || f.statuses.length) {
		const s = statusAt(p, f.statusYear);
		if (s === null) return false;
		if (f.statuses.length && !f.statuses.includes(s)) return false;
	}
	if (f.plans.length && !p.citations.some((c) => f.plans.includes(c.plan))) return false;
	if (f.levels.length && (p.level === null || !f.levels.includes(p.level))) return false;
	if (f.industries.length && !p.industries.some((i) => f.industries.includes(i))) return false;
	if (f.hasTargets && p.targets.length === 0) return false;
	return true;
}

export interface FilterResult {
	/** 1 where the feature passes the filters and its layer is on; per feature index */
	mask: Uint8Array;
	/** features passing the filters, per legend group (whether the group is on or not) */
	countByGroup: Map<string, number>;
	visibleCount: number;
}

export function applyFilters(features: readonly Props[], f: Filters, layers: readonly string[]): FilterResult {
	const on = new Set(layers);
	const mask = new Uint8Array(features.length);
	const countByGroup = new Map<string, number>();
	let visibleCount = 0;
	for (let i = 0; i < features.length; i++) {
		const p = features[i];
		if (!matches(p, f)) continue;
		const g = groupOf(p.kind).id;
		countByGroup.set(g, (countByGroup.get(g) ?? 0) + 1);
		if (on.has(g)) {
			mask[i] = 1;
			visibleCount++;
		}
	}
	return { mask, countByGroup, visibleCount };
}

/** Values present in the data, for building the filter choices. */
export function facetValues(features: readonly Props[]) {
	const years = new Set<number>();
	const industries = new Set<string>();
	for (const p of features) {
		for (const h of p.status_history) years.add(h.year);
		for (const i of p.industries) industries.add(i);
	}
	return { years: [...years].sort(), industries: [...industries].sort() };
}
