/**
 * Filtering: functions of (features, filters, visible layers). The result is a mask the list and
 * legend read, and the same result split for the GPU (deck.gl DataFilterExtension categories plus
 * one cached value per feature), so a filter change rebuilds no layer data and, for kind, city and
 * layer toggles, touches no attribute at all. `matches` is the reference definition.
 */
import type { Status } from '../data/schema';
import type { CompiledProperties } from '../data/types';
import type { Filters } from './state';
import { groupOf, GROUPS } from '../legend';
import { KINDS, CITIES, STATUSES } from '../data/schema';

type Props = Pick<
	CompiledProperties,
	'kind' | 'city' | 'status' | 'status_history' | 'citations' | 'level' | 'industries' | 'targets'
> & { location?: { precision: string } };

/**
 * Proximity lookup for the filters (built by analysis/proximity.ts): per legend group, the km from
 * each feature to the nearest other located feature of that group; Infinity when none.
 * `known`: only features and hubs located to a site or area count.
 */
export interface NearLookup {
	km(group: string, known: boolean): Float64Array;
}

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

/**
 * The reference definition. `nearKm(group, known)` is this feature's km to the nearest other feature
 * of the group (proximity terms need it; without it a proximity term never matches).
 */
export function matches(p: Props, f: Filters, nearKm?: (group: string, known: boolean) => number): boolean {
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
	if (f.near?.length) {
		if (!nearKm) return false;
		if (f.nearKnown && !['site', 'area'].includes(p.location?.precision ?? '')) return false;
		for (const term of f.near) if (!(nearKm(term.group, f.nearKnown) <= term.km)) return false;
	}
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
		/** status, plan, level, industry, targets and proximity filters: 1 = passes */
		rest: Uint8Array;
	};
}

/** Per-feature columns, built once per data set, so a filter pass is typed-array work. */
interface Index {
	kind: Uint8Array;
	city: Uint8Array;
	/** set-valued fields as bit sets over their values in the data (null: more than 32 values) */
	plans: Bits | null;
	industries: Bits | null;
	level: Map<string | null, number>;
	levelOf: Uint8Array;
	hasTargets: Uint8Array;
	/** status per feature as of a plan year (null = latest), index into STATUS_LIST; 255 = none */
	statusAt: Map<number | null, Uint8Array>;
	rest: { key: string; near: NearLookup | undefined; mask: Uint8Array } | null;
}
interface Bits {
	bit: Map<string, number>;
	of: Uint32Array;
}
const STATUS_LIST = [...STATUSES] as string[];

function bitsOf(n: number, values: (i: number) => readonly string[]): Bits | null {
	const bit = new Map<string, number>();
	const of = new Uint32Array(n);
	for (let i = 0; i < n; i++)
		for (const v of values(i)) {
			let b = bit.get(v);
			if (b === undefined) {
				if (bit.size === 32) return null;
				bit.set(v, (b = bit.size));
			}
			of[i] |= 1 << b;
		}
	return { bit, of };
}
const maskOf = (bits: Bits, wanted: readonly string[]) => wanted.reduce((m, v) => (bits.bit.has(v) ? m | (1 << bits.bit.get(v)!) : m), 0);
const indexes = new WeakMap<readonly Props[], Index>();

function indexOf(features: readonly Props[]): Index {
	let ix = indexes.get(features);
	if (ix) return ix;
	const kindNo = new Map<string, number>(KINDS.map((k, i) => [k, i]));
	const cityNo = new Map<string, number>(CITIES.map((c, i) => [c, i]));
	const n = features.length;
	const level = new Map<string | null, number>();
	ix = {
		kind: new Uint8Array(n),
		city: new Uint8Array(n),
		plans: bitsOf(n, (i) => features[i].citations.map((c) => c.plan)),
		industries: bitsOf(n, (i) => features[i].industries),
		level,
		levelOf: new Uint8Array(n),
		hasTargets: new Uint8Array(n),
		statusAt: new Map(),
		rest: null
	};
	for (let i = 0; i < n; i++) {
		const p = features[i];
		ix.kind[i] = kindNo.get(p.kind) ?? 0;
		ix.city[i] = cityNo.get(p.city) ?? 0;
		if (!level.has(p.level)) level.set(p.level, level.size);
		ix.levelOf[i] = level.get(p.level)!;
		ix.hasTargets[i] = p.targets.length > 0 ? 1 : 0;
	}
	indexes.set(features, ix);
	return ix;
}

/** Kind and city indices per feature (the GPU filter's categories). */
export function categoriesOf(features: readonly Props[]): { kind: Uint8Array; city: Uint8Array } {
	return indexOf(features);
}

const restOf = (f: Filters): Filters => ({ ...f, kinds: [], cities: [] });

function statusColumn(features: readonly Props[], ix: Index, year: number | null): Uint8Array {
	let col = ix.statusAt.get(year);
	if (!col) {
		col = new Uint8Array(features.length);
		for (let i = 0; i < features.length; i++) {
			const s = statusAt(features[i], year);
			col[i] = s === null ? 255 : STATUS_LIST.indexOf(s);
		}
		ix.statusAt.set(year, col);
	}
	return col;
}

/** The status, plan, level, industry and targets filters over the typed columns (same result as matches()). */
function restMask(features: readonly Props[], ix: Index, f: Filters, near?: NearLookup): Uint8Array {
	const n = features.length;
	const mask = new Uint8Array(n);
	const terms = f.near ?? [];
	// proximity: one typed column per term (km to the nearest feature of the group)
	const nearCols = terms.length && near ? terms.map((t) => near.km(t.group, f.nearKnown)) : null;
	const nearNone = terms.length > 0 && !near;
	// a set-valued field with more than 32 values in the data: the reference definition
	if ((f.plans.length && !ix.plans) || (f.industries.length && !ix.industries)) {
		const rf = restOf(f);
		const cols = nearCols;
		for (let i = 0; i < n; i++) mask[i] = matches(features[i], rf, cols ? (g, k) => near!.km(g, k)[i] : undefined) ? 1 : 0;
		return mask;
	}
	const byPlan = f.plans.length > 0;
	const byIndustry = f.industries.length > 0;
	const planWanted = byPlan ? maskOf(ix.plans!, f.plans) : 0;
	const indWanted = byIndustry ? maskOf(ix.industries!, f.industries) : 0;
	const levelOk = new Uint8Array(ix.level.size);
	for (const [v, k] of ix.level) levelOk[k] = f.levels.length === 0 || (v !== null && (f.levels as readonly string[]).includes(v)) ? 1 : 0;
	const byStatus = f.statusYear !== null || f.statuses.length > 0;
	const status = byStatus ? statusColumn(features, ix, f.statusYear) : null;
	const statusOk = new Uint8Array(256);
	STATUS_LIST.forEach((s, k) => (statusOk[k] = f.statuses.length === 0 || (f.statuses as readonly string[]).includes(s) ? 1 : 0));
	for (let i = 0; i < n; i++) {
		if (byPlan && (ix.plans!.of[i] & planWanted) === 0) continue;
		if (byIndustry && (ix.industries!.of[i] & indWanted) === 0) continue;
		if (!levelOk[ix.levelOf[i]]) continue;
		if (f.hasTargets && !ix.hasTargets[i]) continue;
		if (status && !statusOk[status[i]]) continue;
		if (nearNone) continue;
		if (nearCols) {
			if (f.nearKnown && !['site', 'area'].includes(features[i].location?.precision ?? '')) continue;
			let ok = true;
			for (let t = 0; t < nearCols.length; t++) if (!(nearCols[t][i] <= terms[t].km)) { ok = false; break; }
			if (!ok) continue;
		}
		mask[i] = 1;
	}
	return mask;
}

export function applyFilters(features: readonly Props[], f: Filters, layers: readonly string[], near?: NearLookup): FilterResult {
	const ix = indexOf(features);
	// the other filters: recomputed only when they change (the same array is handed back otherwise)
	const restKey = JSON.stringify([f.statuses, f.statusYear, f.plans, f.levels, f.industries, f.hasTargets, f.near ?? [], f.nearKnown ?? false, near ? 1 : 0]);
	if (!ix.rest || ix.rest.key !== restKey || ix.rest.near !== near) ix.rest = { key: restKey, near, mask: restMask(features, ix, f, near) };
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
