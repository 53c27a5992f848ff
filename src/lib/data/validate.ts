/**
 * Validation of the source geodata. Pure: takes parsed JSON, returns features or errors that
 * name the file, the feature and the field, so a broken file is fixed in one look.
 */
import {
	featureCollectionSchema,
	featureSchema,
	plansFileSchema,
	extentFor,
	GEOMETRY_FOR_PRECISION,
	type AtlasFeature,
	type Plan,
	type Geometry
} from './schema';
import type { z } from 'zod';
import kinks from '@turf/kinks';

export interface SourceFile {
	/** file name as shown in messages, e.g. "geodata/zones.geojson" */
	name: string;
	/** parsed JSON, or null when it does not parse */
	json: unknown;
	/** why the file could not be used, as printed: "not valid JSON: … at line 3, column 7", "not valid UTF-8 …" */
	parseError?: string;
}

/** A source file larger than this is refused before parsing (the whole geodata is ~0.5 MB today). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** 1-based line and column of a character offset, as editors show them. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1,
		start = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		start = i + 1;
	}
	return { line, column: offset - start + 1 };
}

/**
 * Bytes → SourceFile, failing with a message a person can act on: strict UTF-8 (no silent U+FFFD), a
 * visible name for a byte-order mark, JSON errors at line:column instead of V8's character offset.
 */
export function parseSource(name: string, bytes: Uint8Array): SourceFile {
	const fail = (parseError: string): SourceFile => ({ name, json: null, parseError });
	if (bytes.length > MAX_SOURCE_BYTES)
		return fail(`file is ${bytes.length.toLocaleString('en')} bytes, over the ${MAX_SOURCE_BYTES.toLocaleString('en')}-byte limit`);
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
		return fail('starts with a UTF-8 byte-order mark (bytes EF BB BF, U+FEFF); save the file as UTF-8 without BOM');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// find the first bad byte: the longest prefix that still decodes
		let lo = 0,
			hi = bytes.length;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
				lo = mid;
			} catch {
				hi = mid - 1;
			}
		}
		const good = new TextDecoder().decode(bytes.subarray(0, lo));
		const { line, column } = lineColumn(good, good.length);
		const hex = [...bytes.subarray(lo, lo + 4)].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
		return fail(`not valid UTF-8 at line ${line}, column ${column} (byte ${lo}: ${hex}); save the file as UTF-8`);
	}
	try {
		return { name, json: JSON.parse(text) };
	} catch (e) {
		const msg = (e as Error).message;
		const at = /at position (\d+)/.exec(msg);
		const offset = at ? Number(at[1]) : /Unexpected end of JSON input/.test(msg) ? text.length : null;
		if (offset === null) return fail(`not valid JSON: ${msg.replace(/, ".*" is not valid JSON$/s, '')}`);
		const { line, column } = lineColumn(text, offset);
		return fail(`not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/s, '')} at line ${line}, column ${column}`);
	}
}

export interface ValidationError {
	file: string;
	feature: string | null;
	field: string | null;
	message: string;
}

export function formatError(e: ValidationError): string {
	const where = [e.file, e.feature ? `feature "${e.feature}"` : null, e.field ? `field "${e.field}"` : null]
		.filter(Boolean)
		.join(' › ');
	return `${where}: ${e.message}`;
}

function zodPath(issue: z.core.$ZodIssue): string {
	return issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

export function validatePlans(file: SourceFile): { plans: Plan[]; errors: ValidationError[] } {
	if (file.parseError) {
		return { plans: [], errors: [{ file: file.name, feature: null, field: null, message: file.parseError }] };
	}
	const r = plansFileSchema.safeParse(file.json);
	if (!r.success) {
		const i = r.error.issues[0];
		return { plans: [], errors: [{ file: file.name, feature: null, field: zodPath(i) || null, message: i.message }] };
	}
	const errors: ValidationError[] = [];
	const seen = new Set<string>();
	for (const p of r.data) {
		if (seen.has(p.id)) errors.push({ file: file.name, feature: p.id, field: 'id', message: 'duplicate plan id' });
		seen.add(p.id);
	}
	return { plans: r.data, errors };
}

function positions(g: Geometry): [number, number][] {
	switch (g.type) {
		case 'Point':
			return [g.coordinates];
		case 'LineString':
			return g.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return g.coordinates.flat();
		case 'MultiPolygon':
			return g.coordinates.flat(2);
	}
}

/** Where a polygon's rings cross themselves or each other (turf's kinks), as a lon/lat position. */
function selfIntersection(g: Geometry): [number, number] | null {
	if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
	const k = kinks({ type: 'Feature', properties: {}, geometry: g } as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>);
	return k.features.length ? (k.features[0].geometry.coordinates as [number, number]) : null;
}

/**
 * Validate every feature file together (ids and references cross files).
 * Errors report causes, not their echoes: one zod issue per feature (the first); no plan-reference checks
 * when `plans` is empty (plans.json itself failed and said so); and no reference to a feature that is
 * unknown because its file or the feature itself failed already.
 */
export function validateFeatures(
	files: SourceFile[],
	plans: Plan[]
): { features: AtlasFeature[]; errors: ValidationError[]; byFile: Map<string, AtlasFeature[]>; complete: boolean } {
	const errors: ValidationError[] = [];
	const features: AtlasFeature[] = [];
	const byFile = new Map<string, AtlasFeature[]>();
	const idFile = new Map<string, string>();
	const planIds = new Set(plans.map((p) => p.id));
	const checkPlans = plans.length > 0;
	let brokenFile = false;
	const failedIds = new Set<string>();

	for (const file of files) {
		const err = (feature: string | null, field: string | null, message: string) =>
			errors.push({ file: file.name, feature, field, message });
		if (file.parseError) {
			err(null, null, file.parseError);
			brokenFile = true;
			continue;
		}
		const fc = featureCollectionSchema.safeParse(file.json);
		if (!fc.success) {
			const i = fc.error.issues[0];
			err(null, zodPath(i) || null, i.message);
			brokenFile = true;
			continue;
		}
		const list: AtlasFeature[] = [];
		fc.data.features.forEach((raw, index) => {
			const rawId = (raw as { properties?: { id?: unknown } })?.properties?.id;
			const label = typeof rawId === 'string' && rawId ? rawId : `#${index}`;
			const r = featureSchema.safeParse(raw);
			if (!r.success) {
				const i = r.error.issues[0];
				err(label, zodPath(i) || null, i.message);
				failedIds.add(label);
				return;
			}
			const f = r.data;
			const p = f.properties;
			const prev = idFile.get(p.id);
			if (prev) err(p.id, 'properties.id', `duplicate id (also in ${prev})`);
			idFile.set(p.id, file.name);

			if (checkPlans) p.citations.forEach((c, i) => {
				if (!planIds.has(c.plan)) err(p.id, `properties.citations[${i}].plan`, `unknown plan "${c.plan}"`);
			});
			if (checkPlans) p.status_history.forEach((s, i) => {
				if (!planIds.has(s.plan)) err(p.id, `properties.status_history[${i}].plan`, `unknown plan "${s.plan}"`);
			});
			if (checkPlans) p.targets.forEach((t, i) => {
				if (!planIds.has(t.plan)) err(p.id, `properties.targets[${i}].plan`, `unknown plan "${t.plan}"`);
			});
			const cited = new Set(p.citations.map((c) => c.plan));
			p.status_history.forEach((s, i) => {
				if (planIds.has(s.plan) && !cited.has(s.plan))
					err(p.id, `properties.status_history[${i}].plan`, `plan "${s.plan}" gives a status but is not cited`);
			});
			p.targets.forEach((t, i) => {
				if (planIds.has(t.plan) && !cited.has(t.plan))
					err(p.id, `properties.targets[${i}].plan`, `plan "${t.plan}" sets a figure but is not cited`);
			});

			const allowed = GEOMETRY_FOR_PRECISION[p.location.precision];
			const gtype = f.geometry ? f.geometry.type : null;
			if (!allowed.includes(gtype))
				err(
					p.id,
					'geometry.type',
					`${gtype ?? 'null'} geometry does not fit location precision "${p.location.precision}" (allowed: ${allowed.map((a) => a ?? 'null').join(', ')})`
				);
			if (f.geometry) {
				const x = selfIntersection(f.geometry);
				if (x) err(p.id, 'geometry.coordinates', `polygon crosses itself near [${x.join(', ')}]`);
				const ext = extentFor(p.kind, p.city);
				const bad = positions(f.geometry).find(
					([x, y]) => x < ext.minLon || x > ext.maxLon || y < ext.minLat || y > ext.maxLat
				);
				if (bad)
					err(
						p.id,
						'geometry.coordinates',
						`position [${bad.join(', ')}] is outside the atlas extent for ${p.kind} (lon ${ext.minLon}…${ext.maxLon}, lat ${ext.minLat}…${ext.maxLat}); is lon/lat swapped?`
					);
			}
			list.push(f);
		});
		byFile.set(file.name, list);
		features.push(...list);
	}

	// references can point into any file, so check them once every id is known; with a whole file
	// unreadable, its ids are unknown and "unknown feature" would only echo that file's error
	const unknown = (id: string) => !brokenFile && !idFile.has(id) && !failedIds.has(id);
	for (const f of features) {
		const p = f.properties;
		const file = idFile.get(p.id)!;
		p.hubs.forEach((h, i) => {
			if (unknown(h)) errors.push({ file, feature: p.id, field: `properties.hubs[${i}]`, message: `unknown feature "${h}"` });
		});
		if (p.parent && unknown(p.parent))
			errors.push({ file, feature: p.id, field: 'properties.parent', message: `unknown feature "${p.parent}"` });
		if (p.parent === p.id)
			errors.push({ file, feature: p.id, field: 'properties.parent', message: 'a feature cannot be its own parent' });
	}
	return { features, errors, byFile, complete: !brokenFile && failedIds.size === 0 };
}
