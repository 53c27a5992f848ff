/**
 * Filtering: functions of (features, filters, visible layers). The result is a mask the list and
 * legend read, and the same result split for the GPU (deck.gl DataFilterExtension categories plus
 * one cached value per feature), so a filter change rebuilds no layer data and, for kind, city and
 * layer toggles, touches no attribute at all. `matches` is the reference definition.
 */
import type { Status } from '../data/schema';
import type { CompiledProperties } from '../data/types';
import type { Filters } from './state';
import { groupOf, GROUPS } from './groups';
import { KINDS, CITIES } from '../data/schema';

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

/** Which filters run on the GPU as categories (no attribute is touched when they change). */
export const GPU_DIMENSIONS = ['kind', 'city'] as const;

export interface FilterResult {
	/** 1 where the feature passes the filters and its layer is on; per feature index */
	mask: Uint8Array;
	/** features passing the filters, per legend group (whether the group is on or not) */
	countByGroup: Map<string, number>;
	visibleCount: number;
	/**
	 * The same result split for deck.gl's DataFilterExtension: kind (with the layer toggles) and
	 * city become category sets (a uniform on the GPU), the other filters one 0/1 value per
	 * feature that keeps its identity while they do not change, so deck.gl re-uploads nothing.
	 */
	gpu: {
		/** indices into KINDS drawn */
		kinds: number[];
		/** indices into CITIES drawn */
		cities: number[];
		/** status, plan, level, industry and targets filters: 1 = passes */
		rest: Uint8Array;
	};
}

/** Per-feature kind and city indices, built once per data set. */
interface Index {
	kind: Uint8Array;
	city: Uint8Array;
	rest: { key: string; mask: Uint8Array } | null;
}
const indexes = new WeakMap<readonly Props[], Index>();

function indexOf(features: readonly Props[]): Index {
	let ix = indexes.get(features);
	if (ix) return ix;
	const kindNo = new Map<string, number>(KINDS.map((k, i) => [k, i]));
	const cityNo = new Map<string, number>(CITIES.map((c, i) => [c, i]));
	ix = { kind: new Uint8Array(features.length), city: new Uint8Array(features.length), rest: null };
	for (let i = 0; i < features.length; i++) {
		ix.kind[i] = kindNo.get(features[i].kind) ?? 0;
		ix.city[i] = cityNo.get(features[i].city) ?? 0;
	}
	indexes.set(features, ix);
	return ix;
}

/** Kind and city indices per feature (the GPU filter's categories). */
export function categoriesOf(features: readonly Props[]): { kind: Uint8Array; city: Uint8Array } {
	return indexOf(features);
}

const restOf = (f: Filters): Filters => ({ ...f, kinds: [], cities: [] });

export function applyFilters(features: readonly Props[], f: Filters, layers: readonly string[]): FilterResult {
	const ix = indexOf(features);
	// the other filters: recomputed only when they change (the same array is handed back otherwise)
	const restKey = JSON.stringify([f.statuses, f.statusYear, f.plans, f.levels, f.industries, f.hasTargets]);
	if (!ix.rest || ix.rest.key !== restKey) {
		const rf = restOf(f);
		const mask = new Uint8Array(features.length);
		for (let i = 0; i < features.length; i++) mask[i] = matches(features[i], rf) ? 1 : 0;
		ix.rest = { key: restKey, mask };
	}
	const rest = ix.rest.mask;

	const on = new Set(layers);
	const kindPass = new Uint8Array(KINDS.length);
	const kindDrawn = new Uint8Array(KINDS.length);
	const kindGroup: number[] = [];
	KINDS.forEach((k, i) => {
		const g = groupOf(k);
		kindGroup[i] = GROUPS.indexOf(g);
		kindPass[i] = f.kinds.length === 0 || f.kinds.includes(k) ? 1 : 0;
		kindDrawn[i] = kindPass[i] && on.has(g.id) ? 1 : 0;
	});
	const cityPass = new Uint8Array(CITIES.length);
	CITIES.forEach((c, i) => (cityPass[i] = f.cities.length === 0 || f.cities.includes(c) ? 1 : 0));

	const mask = new Uint8Array(features.length);
	const perGroup = new Uint32Array(GROUPS.length);
	let visibleCount = 0;
	for (let i = 0; i < features.length; i++) {
		const k = ix.kind[i];
		if (!rest[i] || !kindPass[k] || !cityPass[ix.city[i]]) continue;
		perGroup[kindGroup[k]]++;
		if (kindDrawn[k]) {
			mask[i] = 1;
			visibleCount++;
		}
	}
	const countByGroup = new Map<string, number>();
	GROUPS.forEach((g, i) => perGroup[i] && countByGroup.set(g.id, perGroup[i]));
	return {
		mask,
		countByGroup,
		visibleCount,
		gpu: {
			kinds: KINDS.flatMap((_, i) => (kindDrawn[i] ? [i] : [])),
			cities: CITIES.flatMap((_, i) => (cityPass[i] ? [i] : [])),
			rest
		}
	};
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
