/** Exports of the currently filtered features: GeoJSON and an Excel-friendly CSV (UTF-8 with BOM). */
import type { CompiledFeature } from '../data/types';
import { anchorOf } from '../analysis/geo';
import { HUB_GROUPS, type HubDistance } from '../analysis/proximity';
import type { Lang } from '../state/state';
import { kindLabel, cityLabel, statusLabel } from '../i18n';
import { planCodesOf, planLabelsOf } from '../data/plans';

/** The nearest airport, port and rail hub of a feature (analysis/proximity.ts hubDistances). */
export type HubsOf = (f: CompiledFeature) => HubDistance[];

const hubRecord = (h: HubDistance) => ({ km: Number(h.km.toFixed(3)), id: h.feature.properties.id, name_zh: h.feature.properties.name_zh, name_en: h.feature.properties.name_en });

export function filteredFeatures(features: CompiledFeature[], mask: Uint8Array): CompiledFeature[] {
	return features.filter((_, i) => mask[i] === 1);
}

/** One exported GeoJSON feature (search keys and the layer left out; nearest hubs added when given). */
export function geojsonFeature(f: CompiledFeature, hubsOf?: HubsOf): object {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { pinyin, pinyin_initials, layer, ...props } = f.properties;
	if (!hubsOf) return { type: 'Feature', geometry: f.geometry, properties: props };
	// great-circle km to the nearest airport, port and rail hub (null where there is none)
	const hubs = hubsOf(f);
	const nearest = Object.fromEntries(HUB_GROUPS.map((g) => { const h = hubs.find((x) => x.group === g); return [g, h ? hubRecord(h) : null]; }));
	return { type: 'Feature', geometry: f.geometry, properties: { ...props, nearest } };
}

export type ExportMeta = { dataVersion: string; url: string };

/** The collection around already serialised features (so a caller can build them in chunks). */
export function geojsonFromParts(parts: string[], meta: ExportMeta): string {
	const head = JSON.stringify({ type: 'FeatureCollection', metadata: { source: 'Open Platforms Atlas', data_version: meta.dataVersion, view: meta.url, count: parts.length } });
	return `${head.slice(0, -1)},"features":[${parts.join(',')}]}`;
}

export function toGeoJSON(features: CompiledFeature[], meta: ExportMeta, hubsOf?: HubsOf): string {
	return geojsonFromParts(features.map((f) => JSON.stringify(geojsonFeature(f, hubsOf))), meta);
}

export const CSV_COLUMNS = [
	'id',
	'name_zh',
	'name_en',
	// codes for machines, labels (in the reader's language) for people
	'kind',
	'kind_label',
	'city',
	'city_label',
	'level',
	'status',
	'status_label',
	'lon',
	'lat',
	'location_precision',
	'plans',
	'plan_titles',
	'targets_zh',
	'targets_en',
	'industries',
	'aliases',
	...HUB_GROUPS.flatMap((g) => [`nearest_${g}_km`, `nearest_${g}_id`, `nearest_${g}_name_zh`, `nearest_${g}_name_en`])
] as const;

function cell(v: unknown): string {
	const s = v === null || v === undefined ? '' : String(v);
	// quote always; double inner quotes; neutralise spreadsheet formulas (=, +, -, @ at the start)
	const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
	return `"${safe.replace(/"/g, '""')}"`;
}

/** The filtered features as CSV; label columns are in `lang`. */
export function toCSV(features: CompiledFeature[], hubsOf?: HubsOf, lang: Lang = 'en'): string {
	return csvFromRows(features.map((f) => csvRow(f, hubsOf, lang)));
}

/** BOM so Excel reads UTF-8 (Chinese names) correctly; CRLF as RFC 4180 says. */
export function csvFromRows(rows: string[]): string {
	return '\uFEFF' + [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** One CSV line of a feature. */
export function csvRow(f: CompiledFeature, hubsOf?: HubsOf, lang: Lang = 'en'): string {
	const p = f.properties;
	const a = anchorOf(f.geometry);
	const row = [
		p.id,
		p.name_zh,
		p.name_en,
		p.kind,
		kindLabel(lang, p.kind),
		p.city,
		cityLabel(lang, p.city),
		p.level ?? '',
		p.status,
		statusLabel(lang, p.status),
		a ? a[0].toFixed(5) : '',
		a ? a[1].toFixed(5) : '',
		p.location.precision,
		planCodesOf(p.citations).join(' '),
		planLabelsOf(p.citations, lang).join('; '),
		p.targets.map((t) => `${t.label_zh} ${t.value} ${t.unit} (${t.year})`).join('; '),
		p.targets.map((t) => `${t.label_en} ${t.value} ${t.unit} (${t.year})`).join('; '),
		p.industries.join(' '),
		p.aliases.join('; '),
		...nearestCells(hubsOf?.(f) ?? [])
	];
	return row.map(cell).join(',');
}

function nearestCells(hubs: HubDistance[]): string[] {
	return HUB_GROUPS.flatMap((g) => {
		const h = hubs.find((x) => x.group === g);
		return h ? [h.km.toFixed(2), h.feature.properties.id, h.feature.properties.name_zh, h.feature.properties.name_en] : ['', '', '', ''];
	});
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
