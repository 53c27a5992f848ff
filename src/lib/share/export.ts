/** Exports of the currently filtered features: GeoJSON and an Excel-friendly CSV (UTF-8 with BOM). */
import type { CompiledFeature } from '../data/types';
import { anchorOf } from '../analysis/geo';

export function filteredFeatures(features: CompiledFeature[], mask: Uint8Array): CompiledFeature[] {
	return features.filter((_, i) => mask[i] === 1);
}

export function toGeoJSON(features: CompiledFeature[], meta: { dataVersion: string; url: string }): string {
	return JSON.stringify({
		type: 'FeatureCollection',
		metadata: { source: 'Open Platforms Atlas', data_version: meta.dataVersion, view: meta.url, count: features.length },
		features: features.map((f) => {
			// eslint-disable-next-line @typescript-eslint/no-unused-vars
			const { pinyin, pinyin_initials, layer, ...props } = f.properties;
			return { type: 'Feature', geometry: f.geometry, properties: props };
		})
	});
}

export const CSV_COLUMNS = [
	'id',
	'name_zh',
	'name_en',
	'kind',
	'city',
	'level',
	'status',
	'lon',
	'lat',
	'location_precision',
	'plans',
	'targets_zh',
	'targets_en',
	'industries',
	'aliases'
] as const;

function cell(v: unknown): string {
	const s = v === null || v === undefined ? '' : String(v);
	// quote always; double inner quotes; neutralise spreadsheet formulas (=, +, -, @ at the start)
	const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
	return `"${safe.replace(/"/g, '""')}"`;
}

export function toCSV(features: CompiledFeature[]): string {
	const lines = [CSV_COLUMNS.join(',')];
	for (const f of features) {
		const p = f.properties;
		const a = anchorOf(f.geometry);
		const row = [
			p.id,
			p.name_zh,
			p.name_en,
			p.kind,
			p.city,
			p.level ?? '',
			p.status,
			a ? a[0].toFixed(5) : '',
			a ? a[1].toFixed(5) : '',
			p.location.precision,
			[...new Set(p.citations.map((c) => c.plan))].join(' '),
			p.targets.map((t) => `${t.label_zh} ${t.value} ${t.unit} (${t.year})`).join('; '),
			p.targets.map((t) => `${t.label_en} ${t.value} ${t.unit} (${t.year})`).join('; '),
			p.industries.join(' '),
			p.aliases.join('; ')
		];
		lines.push(row.map(cell).join(','));
	}
	// BOM so Excel reads UTF-8 (Chinese names) correctly; CRLF as RFC 4180 says
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function download(name: string, content: string | Blob, type: string) {
	const blob = content instanceof Blob ? content : new Blob([content], { type });
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = name;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
