import type { FeatureProperties, Geometry } from './schema';

/** What the build adds to each feature's properties. */
export interface CompiledProperties extends FeatureProperties {
	/** the source layer file it came from, e.g. "zones" */
	layer: string;
	/** toneless pinyin of name_zh and the Chinese aliases, for search */
	pinyin: string;
	pinyin_initials: string;
	/** length of a line geometry in km (great-circle for air routes); null for points and areas */
	length_km: number | null;
}

export interface CompiledFeature {
	type: 'Feature';
	geometry: Geometry | null;
	properties: CompiledProperties;
}

export interface DataManifest {
	/** content hash of atlas.topojson: the "data version" links carry */
	version: string;
	built: string;
	layers: Record<string, number>;
	bytes: number;
}
