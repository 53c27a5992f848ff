/**
 * Loading the compiled data in the browser: TopoJSON → features. Every failure becomes an
 * AtlasLoadError with a message a person can act on (which file, what went wrong).
 */
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Plan } from './schema';
import type { CompiledFeature, CompiledProperties, DataManifest } from './types';
import { seedProximity } from '../analysis/proximity';

export class AtlasLoadError extends Error {
	constructor(
		public file: string,
		public reason: string
	) {
		super(`${file}: ${reason}`);
	}
}

export interface AtlasData {
	features: CompiledFeature[];
	/** features[i].properties, in the same order: what filters, search and the map index by */
	properties: CompiledProperties[];
	byId: Map<string, CompiledFeature>;
	indexById: Map<string, number>;
	plans: Plan[];
	manifest: DataManifest;
}

async function getJson<T>(url: string, fetchFn: typeof fetch): Promise<T> {
	let res: Response;
	try {
		res = await fetchFn(url);
	} catch (e) {
		throw new AtlasLoadError(url, `could not be fetched (${(e as Error).message})`);
	}
	if (!res.ok) throw new AtlasLoadError(url, `the server answered ${res.status} ${res.statusText}`.trim());
	const text = await res.text();
	try {
		return JSON.parse(text) as T;
	} catch {
		throw new AtlasLoadError(url, 'is not valid JSON (the file is broken or truncated)');
	}
}

/** Turn a compiled topology into features, checking the shape the app relies on. */
export function featuresFromTopology(topo: unknown, file = 'atlas.topojson'): CompiledFeature[] {
	const t = topo as Topology;
	if (!t || t.type !== 'Topology' || typeof t.objects !== 'object' || t.objects === null)
		throw new AtlasLoadError(file, 'is not a TopoJSON topology');
	const out: CompiledFeature[] = [];
	for (const [name, obj] of Object.entries(t.objects)) {
		let fc: GeoJSON.FeatureCollection;
		try {
			fc = feature(t, obj as GeometryCollection) as unknown as GeoJSON.FeatureCollection;
		} catch (e) {
			throw new AtlasLoadError(file, `layer "${name}" cannot be decoded (${(e as Error).message})`);
		}
		fc.features.forEach((f, i) => {
			const p = f.properties as CompiledFeature['properties'] | null;
			if (!p || typeof p.id !== 'string' || typeof p.kind !== 'string' || !Array.isArray(p.citations))
				throw new AtlasLoadError(file, `layer "${name}", feature #${i} lacks id, kind or citations`);
			out.push({ type: 'Feature', geometry: (f.geometry as CompiledFeature['geometry']) ?? null, properties: p });
		});
	}
	return out;
}

export async function loadAtlas(base: string, fetchFn: typeof fetch = fetch): Promise<AtlasData> {
	const [manifest, topo, plans, proximity] = await Promise.all([
		getJson<DataManifest>(`${base}/data/manifest.json`, fetchFn),
		getJson<unknown>(`${base}/data/atlas.topojson`, fetchFn),
		getJson<Plan[]>(`${base}/data/plans.json`, fetchFn),
		// the build's distance columns: optional, the page builds them itself when they are missing or stale
		getJson<unknown>(`${base}/data/proximity.json`, fetchFn).catch(() => null)
	]);
	const features = featuresFromTopology(topo, `${base}/data/atlas.topojson`);
	seedProximity(features, proximity, manifest?.version);
	if (!Array.isArray(plans)) throw new AtlasLoadError(`${base}/data/plans.json`, 'is not a list of plans');
	return {
		features,
		properties: features.map((f) => f.properties),
		byId: new Map(features.map((f) => [f.properties.id, f])),
		indexById: new Map(features.map((f, i) => [f.properties.id, i])),
		plans,
		manifest
	};
}
