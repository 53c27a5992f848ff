/**
 * Side by side: 2–4 features in columns. Targets are aligned by measure (one row per metric and
 * unit, each cell the feature's figures for it with their years); statuses by plan year.
 */
import type { CompiledFeature } from '../data/types';
import { statusAt } from '../state/filters';

type Target = CompiledFeature['properties']['targets'][number];

export interface TargetRow {
	metric: string;
	unit: string;
	label_zh: string;
	label_en: string;
	/** per compared feature (same order), its figures for this measure, by year */
	cells: Target[][];
}

/** One row per measure (metric + unit): the same measure never spreads over two rows. */
export function alignTargets(features: readonly CompiledFeature[]): TargetRow[] {
	const rows = new Map<string, TargetRow>();
	features.forEach((f, k) => {
		for (const t of f.properties.targets) {
			const key = `${t.metric}|${t.unit}`;
			let r = rows.get(key);
			if (!r) rows.set(key, (r = { metric: t.metric, unit: t.unit, label_zh: t.label_zh, label_en: t.label_en, cells: features.map(() => []) }));
			r.cells[k].push(t);
		}
	});
	for (const r of rows.values()) for (const c of r.cells) c.sort((a, b) => a.year - b.year || a.type.localeCompare(b.type));
	// measures more of the features share first, then by metric id (stable across languages)
	const shared = (r: TargetRow) => r.cells.filter((c) => c.length).length;
	return [...rows.values()].sort((a, b) => shared(b) - shared(a) || a.metric.localeCompare(b.metric) || a.unit.localeCompare(b.unit));
}

/** The plan years any compared feature has a status for, with each feature's status as of that year. */
export function statusByYear(features: readonly CompiledFeature[]): { year: number; statuses: (string | null)[] }[] {
	const years = [...new Set(features.flatMap((f) => f.properties.status_history.map((h) => h.year)))].sort((a, b) => a - b);
	return years.map((year) => ({ year, statuses: features.map((f) => statusAt(f.properties, year)) }));
}

/** A matrix of text (first column the row label) as CSV, quoted, formula-safe, with BOM. */
export function matrixToCSV(rows: readonly (readonly string[])[]): string {
	const cell = (s: string) => `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
	return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
