/**
 * Every change to the view state as a pure function of plain data, so each is unit-tested without
 * Svelte. A transition returns the same object when nothing changes: the runes class (atlas.svelte.ts)
 * keeps one $state.raw per slice, and an unchanged reference wakes nothing that reads it.
 */
import type { AtlasState, Camera, Filters, Timeline, TourView } from './state';
import { EMPTY_FILTERS } from './state';
import { DEFAULT_LAYERS } from '../legend';

type ListKey = { [K in keyof Filters]: Filters[K] extends unknown[] ? K : never }[keyof Filters];

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return sameList(a, b);
	return false;
}

/** Apply a partial filter change; the same object back when every value is already so. */
export function patchFilters(f: Filters, p: Partial<Filters>): Filters {
	const keys = Object.keys(p) as (keyof Filters)[];
	if (keys.every((k) => sameValue(f[k], p[k]))) return f;
	return { ...f, ...p };
}

export function toggleInList<K extends ListKey>(f: Filters, key: K, value: Filters[K][number]): Filters {
	const list = f[key] as unknown[];
	const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
	return { ...f, [key]: next };
}

export function clearFilters(f: Filters): Filters {
	return patchFilters(f, structuredClone(EMPTY_FILTERS));
}

export function toggleLayer(layers: readonly string[], id: string): string[] {
	return layers.includes(id) ? layers.filter((l) => l !== id) : [...layers, id];
}

export interface Isolation {
	layers: string[];
	/** the groups that were on before isolating (null when no group is isolated) */
	before: string[] | null;
}

/**
 * "Show only this group"; the same click on the isolated group brings back what was on before
 * (the defaults when that is unknown, e.g. after a reload), not every group.
 */
export function isolateLayer(layers: readonly string[], id: string, before: readonly string[] | null): Isolation {
	if (layers.length === 1 && layers[0] === id) return { layers: [...(before ?? DEFAULT_LAYERS)], before: null };
	return { layers: [id], before: [...(before ?? layers)] };
}

export function sameCamera(a: Camera, b: Camera): boolean {
	return a.lon === b.lon && a.lat === b.lat && a.zoom === b.zoom && a.bearing === b.bearing && a.pitch === b.pitch;
}

/** The part of the state a tour takes over, and that closing it gives back. */
export interface ViewSnapshot {
	camera: Camera;
	layers: string[];
	filters: Filters;
	selected: string | null;
}

export function viewOf(s: AtlasState): ViewSnapshot {
	return { camera: s.camera, layers: s.layers, filters: s.filters, selected: s.selected };
}

export interface TourPlay {
	state: AtlasState;
	/** the reader's own view before the tour began */
	before: ViewSnapshot | null;
}

/** Start (or switch to) a tour: the view before the first tour is kept to give back on close. */
export function startTour(s: AtlasState, before: ViewSnapshot | null, id: string, step = 0): TourPlay {
	return { state: { ...s, tour: { id, step } }, before: before ?? viewOf(s) };
}

/**
 * Show one step: the step's view replaces camera, layers, filters and selection; the reader's
 * language, basemap and data version stay.
 */
export function showTourStep(s: AtlasState, tour: TourView, stepView: AtlasState): AtlasState {
	return { ...s, ...viewOf(stepView), tour };
}

/** Close the tour and give back the reader's own view. */
export function closeTour(s: AtlasState, before: ViewSnapshot | null): AtlasState {
	return { ...s, ...(before ?? {}), tour: null };
}

export function clampStep(step: number, total: number): number {
	return Math.max(0, Math.min(total - 1, step));
}

/** Add to or remove from the comparison; a fifth feature replaces the oldest (the view holds 4). */
export function toggleCompare(list: readonly string[], id: string, max = 4): string[] {
	if (list.includes(id)) return list.filter((x) => x !== id);
	const next = [...list, id];
	return next.length > max ? next.slice(next.length - max) : next;
}

export function sameTimeline(a: Timeline, b: Timeline): boolean {
	return a.playing === b.playing && (a.compare === b.compare || (!!a.compare && !!b.compare && a.compare[0] === b.compare[0] && a.compare[1] === b.compare[1]));
}

/** The timeline's next year after `year` (the first when none or at the end: playing loops). */
export function stepYear(years: readonly number[], year: number | null, dir: 1 | -1): number | null {
	if (!years.length) return null;
	if (year === null) return dir === 1 ? years[0] : years[years.length - 1];
	const i = years.indexOf(year);
	if (i < 0) {
		// a year between the timeline's steps: the nearest step in that direction
		const next = dir === 1 ? years.find((y) => y > year) : [...years].reverse().find((y) => y < year);
		return next ?? (dir === 1 ? years[0] : years[years.length - 1]);
	}
	return years[(i + dir + years.length) % years.length];
}

/** One filter of the panel (a key of Filters): "clear the last filter" clears one of these. */
export type FilterKey = keyof Filters;
export const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as FilterKey[];

const sameFilterValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The filters that restrict anything, in the order of Filters. */
export function activeFilterKeys(f: Filters): FilterKey[] {
	return FILTER_KEYS.filter((k) => !sameFilterValue(f[k], EMPTY_FILTERS[k]));
}

/**
 * The active filters ordered by when they last changed, the latest at the end: what "clear the last
 * filter" undoes. A filter that changes moves to the end, one cleared leaves; filters that arrived
 * active without a change seen here (a link) come first, in the order of Filters. The same array back
 * when the order is unchanged.
 */
export function noteFilterChange(order: readonly FilterKey[], before: Filters, after: Filters): FilterKey[] {
	const active = activeFilterKeys(after);
	const changed = before === after ? [] : FILTER_KEYS.filter((k) => !sameFilterValue(before[k], after[k]));
	const kept = order.filter((k) => active.includes(k) && !changed.includes(k));
	const unseen = active.filter((k) => !kept.includes(k) && !changed.includes(k));
	const next = [...unseen, ...kept, ...changed.filter((k) => active.includes(k))];
	return sameList(next, order) ? (order as FilterKey[]) : next;
}

/** Clear one filter (back to "no restriction"); the same object when it is not set. */
export function clearFilter(f: Filters, key: FilterKey): Filters {
	return patchFilters(f, { [key]: structuredClone(EMPTY_FILTERS[key]) });
}
