/**
 * Compile validated features into what the app loads: derived fields (great-circle air routes,
 * corridor length, pinyin search keys) and one quantized TopoJSON topology, one object per layer file.
 * Used by scripts/build-data.ts at build time only (pinyin-pro and topojson-server stay out of the app).
 */
import { topology } from 'topojson-server';
import greatCircle from '@turf/great-circle';
import { point } from '@turf/helpers';
import { pinyin } from 'pinyin-pro';
import { lineLengthKm } from '../analysis/geo';
import type { AtlasFeature, Geometry } from './schema';
import type { CompiledFeature, CompiledProperties } from './types';

/** Air routes are drawn as great circles, however few points the source gives. */
function airRouteGeometry(g: Geometry): Geometry {
	const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : null;
	if (!lines) return g;
	const out: [number, number][][] = [];
	for (const line of lines) {
		for (let i = 0; i + 1 < line.length; i++) {
			const gc = greatCircle(point(line[i]), point(line[i + 1]), { npoints: 64 });
			if (gc.geometry.type === 'LineString') out.push(gc.geometry.coordinates as [number, number][]);
			else out.push(...(gc.geometry.coordinates as [number, number][][]));
		}
	}
	return out.length === 1 ? { type: 'LineString', coordinates: out[0] } : { type: 'MultiLineString', coordinates: out };
}

export function searchKeys(nameZh: string, aliases: string[]): { pinyin: string; initials: string } {
	const zh = [nameZh, ...aliases].filter((s) => /[\u4e00-\u9fff]/.test(s));
	const full = zh.map((s) => pinyin(s, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('')).join(' ');
	const initials = zh.map((s) => pinyin(s, { pattern: 'first', toneType: 'none', type: 'array' }).join('')).join(' ');
	return { pinyin: full.toLowerCase(), initials: initials.toLowerCase() };
}

export function compileFeature(f: AtlasFeature, layer: string): CompiledFeature {
	const p = f.properties;
	// a source bbox (RFC 7946 §5) is dropped: topojson computes its own, and a stale one would mislead
	const flat = f.geometry ? (({ bbox: _bbox, ...g }) => g as Geometry)(f.geometry) : null;
	const geometry = flat && p.kind === 'air-route' ? airRouteGeometry(flat) : flat;
	const keys = searchKeys(p.name_zh, p.aliases);
	const props: CompiledProperties = {
		...p,
		layer,
		pinyin: keys.pinyin,
		pinyin_initials: keys.initials,
		length_km: geometry ? lineLengthKm(geometry) : null
	};
	return { type: 'Feature', geometry, properties: props };
}

export function compileTopology(layers: Map<string, AtlasFeature[]>, quantization = 1e6) {
	const objects: Record<string, GeoJSON.FeatureCollection> = {};
	for (const [layer, feats] of layers) {
		objects[layer] = {
			type: 'FeatureCollection',
			features: feats.map((f) => compileFeature(f, layer) as unknown as GeoJSON.Feature)
		};
	}
	return topology(objects, quantization);
}
