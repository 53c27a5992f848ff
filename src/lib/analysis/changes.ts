/**
 * Plans over time: what changed between two plan editions, and what the timeline marks at a year.
 *
 * An "edition" is what the plans of one year say: a feature's status_history entry with that year.
 * Status order (STATUS_ORDER) is defined here and tested: a later entry higher on it is "upgraded",
 * lower is "downgraded". The data records level only per feature (not per plan), so a level change
 * cannot be seen and is not guessed. The data holds no rename records either (aliases carry no year
 * or plan), so "renamed" is never computed: RENAMES_RECORDED is false and the interface says
 * "not recorded" instead of a count.
 */
import type { City, Kind, Status } from '../data/schema';

/** From least to most established; "upgrading" is an existing platform the plan raises further. */
export const STATUS_ORDER: readonly Status[] = ['target', 'planned', 'applying', 'under-construction', 'existing', 'upgrading'];

export function statusRank(s: Status): number {
	return STATUS_ORDER.indexOf(s);
}

export const CHANGE_KINDS = ['added', 'upgraded', 'downgraded', 'renamed', 'dropped', 'unchanged', 'not-covered'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The data has no record of a renaming (which plan renamed what): see the module note. */
export const RENAMES_RECORDED = false;

interface Entry {
	plan: string;
	year: number;
	status: Status;
	note_zh?: string;
	note_en?: string;
}
interface Citation {
	plan: string;
	section: string;
	summary_zh: string;
	summary_en: string;
}
export interface ChangeInput {
	id: string;
	name_zh: string;
	name_en: string;
	kind: Kind;
	city: City;
	status_history: readonly Entry[];
	citations: readonly Citation[];
}

/** One side of a change: the entry of that edition and the citations of its plan. */
export interface Side {
	plan: string;
	year: number;
	status: Status;
	note_zh?: string;
	note_en?: string;
	citations: Citation[];
}

export interface Change {
	id: string;
	change: ChangeKind;
	kind: Kind;
	city: City;
	before: Side | null;
	after: Side | null;
}

/** The entry a feature has in the edition of `year` (the last one listed when a year has several). */
export function editionOf(p: ChangeInput, year: number): Side | null {
	let e: Entry | null = null;
	for (const h of p.status_history) if (h.year === year) e = h;
	if (!e) return null;
	return { ...e, citations: p.citations.filter((c) => c.plan === e.plan) };
}

/** Cities the edition of `year` names at least one feature in: where its silence means something. */
export function citiesCovered(features: readonly ChangeInput[], year: number): Set<City> {
	const s = new Set<City>();
	for (const p of features) if (p.status_history.some((h) => h.year === year)) s.add(p.city);
	return s;
}

/** Classify one feature between two editions; null when neither edition names it. */
export function classify(p: ChangeInput, a: number, b: number, coveredByB: Set<City>): Change | null {
	const before = editionOf(p, a);
	const after = editionOf(p, b);
	if (!before && !after) return null;
	let change: ChangeKind;
	if (!before) change = 'added';
	else if (!after) change = coveredByB.has(p.city) ? 'dropped' : 'not-covered';
	else {
		const d = statusRank(after.status) - statusRank(before.status);
		change = d > 0 ? 'upgraded' : d < 0 ? 'downgraded' : 'unchanged';
	}
	return { id: p.id, change, kind: p.kind, city: p.city, before, after };
}

export interface ChangeSet {
	from: number;
	to: number;
	changes: Change[];
	counts: Record<ChangeKind, number>;
	/** counts per city, per change kind */
	byCity: Map<City, Record<ChangeKind, number>>;
	byKind: Map<Kind, Record<ChangeKind, number>>;
	renamesRecorded: boolean;
}

const zero = (): Record<ChangeKind, number> => Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;

/** Everything that changed between the editions of year `from` and year `to`. */
export function compareEditions(features: readonly ChangeInput[], from: number, to: number): ChangeSet {
	const covered = citiesCovered(features, to);
	const changes: Change[] = [];
	const counts = zero();
	const byCity = new Map<City, Record<ChangeKind, number>>();
	const byKind = new Map<Kind, Record<ChangeKind, number>>();
	for (const p of features) {
		const c = classify(p, from, to, covered);
		if (!c) continue;
		changes.push(c);
		counts[c.change]++;
		if (!byCity.has(c.city)) byCity.set(c.city, zero());
		byCity.get(c.city)![c.change]++;
		if (!byKind.has(c.kind)) byKind.set(c.kind, zero());
		byKind.get(c.kind)![c.change]++;
	}
	return { from, to, changes, counts, byCity, byKind, renamesRecorded: RENAMES_RECORDED };
}

/** What the timeline marks on a feature at a year. */
export type TimelineMark = 'new' | 'upgraded' | 'downgraded' | 'dropped';
export const TIMELINE_MARKS: readonly TimelineMark[] = ['new', 'upgraded', 'downgraded', 'dropped'];

/**
 * The mark of one feature at timeline year `year`, `prev` being the timeline's year before (null at
 * the first): new = first named in that year's plans; upgraded/downgraded = named again with a status
 * higher/lower than the latest earlier entry; dropped = named in `prev`'s plans, not in this year's,
 * while this year's plans do name places in its city.
 */
export function markAt(p: ChangeInput, year: number, prev: number | null, covered: Set<City>): TimelineMark | null {
	const now = editionOf(p, year);
	if (now) {
		let earlier: Entry | null = null;
		for (const h of p.status_history) if (h.year < year && (!earlier || h.year >= earlier.year)) earlier = h;
		if (!earlier) return 'new';
		const d = statusRank(now.status) - statusRank(earlier.status);
		return d > 0 ? 'upgraded' : d < 0 ? 'downgraded' : null;
	}
	if (prev !== null && editionOf(p, prev) && covered.has(p.city)) return 'dropped';
	return null;
}

/** Marks for every feature (same order as `features`), and how many of each. */
export function timelineMarks(features: readonly ChangeInput[], year: number, prev: number | null) {
	const covered = citiesCovered(features, year);
	const marks = features.map((p) => markAt(p, year, prev, covered));
	const counts = Object.fromEntries(TIMELINE_MARKS.map((m) => [m, 0])) as Record<TimelineMark, number>;
	for (const m of marks) if (m) counts[m]++;
	return { marks, counts };
}

/** The years the timeline steps through: every year a status_history entry speaks from. */
export function timelineYears(features: readonly ChangeInput[]): number[] {
	const s = new Set<number>();
	for (const p of features) for (const h of p.status_history) s.add(h.year);
	return [...s].sort((a, b) => a - b);
}

export function previousYear(years: readonly number[], year: number): number | null {
	let best: number | null = null;
	for (const y of years) if (y < year && (best === null || y > best)) best = y;
	return best;
}

function csvCell(v: unknown): string {
	const s = v === null || v === undefined ? '' : String(v);
	return /[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"` : s;
}

export const CHANGE_CSV_COLUMNS = [
	'id', 'name_zh', 'name_en', 'change', 'kind', 'city',
	'before_plan', 'before_year', 'before_status', 'before_sections', 'before_note_en',
	'after_plan', 'after_year', 'after_status', 'after_sections', 'after_note_en'
] as const;

/** The change list as CSV; plan titles are given by `planTitle` (readers see titles, not file codes). */
export function changesCSV(set: ChangeSet, byId: (id: string) => ChangeInput | undefined, planTitle: (id: string) => string): string {
	const side = (s: Side | null) =>
		s ? [planTitle(s.plan), s.year, s.status, s.citations.map((c) => c.section).join('; '), s.note_en ?? ''] : ['', '', '', '', ''];
	const rows = [CHANGE_CSV_COLUMNS.join(',')];
	for (const c of set.changes) {
		const p = byId(c.id);
		rows.push([c.id, p?.name_zh ?? '', p?.name_en ?? '', c.change, c.kind, c.city, ...side(c.before), ...side(c.after)].map(csvCell).join(','));
	}
	return rows.join('\n') + '\n';
}
