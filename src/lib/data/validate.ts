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

export interface SourceFile {
	/** file name as shown in messages, e.g. "geodata/zones.geojson" */
	name: string;
	/** parsed JSON, or the raw text when it does not parse */
	json: unknown;
	parseError?: string;
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
		return { plans: [], errors: [{ file: file.name, feature: null, field: null, message: `not valid JSON: ${file.parseError}` }] };
	}
	const r = plansFileSchema.safeParse(file.json);
	if (!r.success) {
		return {
			plans: [],
			errors: r.error.issues.map((i) => ({ file: file.name, feature: null, field: zodPath(i) || null, message: i.message }))
		};
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

/** Validate every feature file together (ids and references cross files). */
export function validateFeatures(
	files: SourceFile[],
	plans: Plan[]
): { features: AtlasFeature[]; errors: ValidationError[]; byFile: Map<string, AtlasFeature[]> } {
	const errors: ValidationError[] = [];
	const features: AtlasFeature[] = [];
	const byFile = new Map<string, AtlasFeature[]>();
	const idFile = new Map<string, string>();
	const planIds = new Set(plans.map((p) => p.id));

	for (const file of files) {
		const err = (feature: string | null, field: string | null, message: string) =>
			errors.push({ file: file.name, feature, field, message });
		if (file.parseError) {
			err(null, null, `not valid JSON: ${file.parseError}`);
			continue;
		}
		const fc = featureCollectionSchema.safeParse(file.json);
		if (!fc.success) {
			for (const i of fc.error.issues) err(null, zodPath(i) || null, i.message);
			continue;
		}
		const list: AtlasFeature[] = [];
		fc.data.features.forEach((raw, index) => {
			const rawId = (raw as { properties?: { id?: unknown } })?.properties?.id;
			const label = typeof rawId === 'string' && rawId ? rawId : `#${index}`;
			const r = featureSchema.safeParse(raw);
			if (!r.success) {
				for (const i of r.error.issues) err(label, zodPath(i) || null, i.message);
				return;
			}
			const f = r.data;
			const p = f.properties;
			const prev = idFile.get(p.id);
			if (prev) err(p.id, 'properties.id', `duplicate id (also in ${prev})`);
			idFile.set(p.id, file.name);

			p.citations.forEach((c, i) => {
				if (!planIds.has(c.plan)) err(p.id, `properties.citations[${i}].plan`, `unknown plan "${c.plan}"`);
			});
			p.status_history.forEach((s, i) => {
				if (!planIds.has(s.plan)) err(p.id, `properties.status_history[${i}].plan`, `unknown plan "${s.plan}"`);
			});
			p.targets.forEach((t, i) => {
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

	// references can point into any file, so check them once every id is known
	for (const f of features) {
		const p = f.properties;
		const file = idFile.get(p.id)!;
		p.hubs.forEach((h, i) => {
			if (!idFile.has(h)) errors.push({ file, feature: p.id, field: `properties.hubs[${i}]`, message: `unknown feature "${h}"` });
		});
		if (p.parent && !idFile.has(p.parent))
			errors.push({ file, feature: p.id, field: 'properties.parent', message: `unknown feature "${p.parent}"` });
		if (p.parent === p.id)
			errors.push({ file, feature: p.id, field: 'properties.parent', message: 'a feature cannot be its own parent' });
	}
	return { features, errors, byFile };
}
