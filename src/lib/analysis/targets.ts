/**
 * Chart data for the targets dashboard, derived from the features' `targets` only: every point keeps
 * a reference to the record it comes from (feature id + index in its targets), so a test can trace
 * each value back, and the chart can link each mark to its feature.
 *
 * A target record names its plan but not a section; the citation shown with a mark is the plan's
 * sections that cite that feature (feature.citations with the same plan).
 */
import type { City } from '../data/schema';

interface TargetRec {
	metric: string;
	label_zh: string;
	label_en: string;
	value: number;
	unit: string;
	year: number;
	type: 'target' | 'reported';
	qualifier: 'exact' | 'min' | 'max' | 'about';
	plan: string;
}
export interface TargetInput {
	id: string;
	name_zh: string;
	name_en: string;
	city: City;
	targets: readonly TargetRec[];
	citations: readonly { plan: string; section: string }[];
}

/** baseline = a city's earliest reported figure for the measure when it also sets a later target */
export type Role = 'baseline' | 'reported' | 'target';

export interface Point {
	/** the record: features[byId(feature)].targets[index] */
	feature: string;
	index: number;
	city: City;
	year: number;
	value: number;
	unit: string;
	role: Role;
	qualifier: TargetRec['qualifier'];
	plan: string;
	/** the sections of that plan citing the feature ("" when none) */
	sections: string[];
	label_zh: string;
	label_en: string;
	name_zh: string;
	name_en: string;
}

export interface Measure {
	/** metric, with the unit appended when one metric comes in several units */
	key: string;
	metric: string;
	unit: string;
	label_zh: string;
	label_en: string;
	points: Point[];
	/** cities with a figure, in CITY_ORDER */
	cities: City[];
}

/** Side by side: Wuhan, Hefei, then the metro area and the other cities. */
export const CITY_ORDER: readonly City[] = ['wuhan', 'hefei', 'metro', 'ezhou', 'huangshi', 'huanggang', 'xiaogan', 'xianning', 'xiantao', 'tianmen', 'qianjiang', 'abroad'];
const cityRank = (c: City) => CITY_ORDER.indexOf(c);

export function measures(features: readonly TargetInput[]): Measure[] {
	const unitsOf = new Map<string, Set<string>>();
	for (const f of features) for (const t of f.targets) (unitsOf.get(t.metric) ?? unitsOf.set(t.metric, new Set()).get(t.metric)!).add(t.unit);
	const byKey = new Map<string, Measure>();
	for (const f of features)
		f.targets.forEach((t, index) => {
			const key = unitsOf.get(t.metric)!.size > 1 ? `${t.metric}-${t.unit.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : t.metric;
			let m = byKey.get(key);
			if (!m) byKey.set(key, (m = { key, metric: t.metric, unit: t.unit, label_zh: t.label_zh, label_en: t.label_en, points: [], cities: [] }));
			m.points.push({
				feature: f.id,
				index,
				city: f.city,
				year: t.year,
				value: t.value,
				unit: t.unit,
				role: t.type === 'target' ? 'target' : 'reported',
				qualifier: t.qualifier,
				plan: t.plan,
				sections: [...new Set(f.citations.filter((c) => c.plan === t.plan).map((c) => c.section))],
				label_zh: t.label_zh,
				label_en: t.label_en,
				name_zh: f.name_zh,
				name_en: f.name_en
			});
		});
	for (const m of byKey.values()) {
		m.points.sort((a, b) => cityRank(a.city) - cityRank(b.city) || a.year - b.year || (a.role === 'target' ? 1 : 0) - (b.role === 'target' ? 1 : 0));
		m.cities = [...new Set(m.points.map((p) => p.city))].sort((a, b) => cityRank(a) - cityRank(b));
		for (const c of m.cities) {
			const pts = m.points.filter((p) => p.city === c);
			const firstReported = pts.find((p) => p.role === 'reported');
			if (firstReported && pts.some((p) => p.role === 'target' && p.year > firstReported.year)) firstReported.role = 'baseline';
		}
	}
	// measures set for several cities first, then by number of figures, then by key (a stable order)
	return [...byKey.values()].sort((a, b) => b.cities.length - a.cities.length || b.points.length - a.points.length || a.key.localeCompare(b.key));
}

/** Measures that two cities both have (for the Wuhan vs Hefei comparison). */
export function shared(ms: readonly Measure[], a: City, b: City): Measure[] {
	return ms.filter((m) => m.cities.includes(a) && m.cities.includes(b));
}

export const MEASURE_CSV_COLUMNS = ['measure', 'city', 'year', 'role', 'qualifier', 'value', 'unit', 'plan', 'sections', 'feature_id', 'feature_name_en', 'label_en', 'label_zh'] as const;

function csvCell(v: unknown): string {
	const s = v === null || v === undefined ? '' : String(v);
	const risky = /^[=+\-@\t]/.test(s) && !/^-?\d/.test(s);
	return /[",\n\r]/.test(s) || risky ? `"${(risky ? "'" : '') + s.replace(/"/g, '""')}"` : s;
}

/** One chart's data as CSV: the exact figures (no scaling), with plan title and sections. */
export function measureCSV(m: Measure, planTitle: (id: string) => string): string {
	const rows = [MEASURE_CSV_COLUMNS.join(',')];
	for (const p of m.points)
		rows.push(
			[m.key, p.city, p.year, p.role, p.qualifier, p.value, p.unit, planTitle(p.plan), p.sections.join('; '), p.feature, p.name_en, p.label_en, p.label_zh]
				.map(csvCell)
				.join(',')
		);
	return rows.join('\n') + '\n';
}
