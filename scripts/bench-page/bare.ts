/**
 * Benchmark baseline (npm run bench): the same data drawn by bare MapLibre + deck.gl — no state,
 * panels, labels or list — so the app's overhead can be measured against it. Built by the bench
 * script into build/__bench/ only for the run: the production build never contains it.
 */
import { Map as MLMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { ScatterplotLayer, PathLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { loadBasemap, offlineStyle } from '../../src/lib/map/basemap';
import { DEFAULT_CAMERA } from '../../src/lib/state/state';

// the page sits in build/__bench/: the site's data and basemap are one folder up
const base = '..';
setWorkerUrl(workerUrl);

async function start() {
	performance.mark('bare:start');
	const [topo, bm] = await Promise.all([fetch(`${base}/data/atlas.topojson`).then((r) => r.json() as Promise<Topology>), loadBasemap(base)]);
	performance.mark('bare:fetched');
	const feats = Object.values(topo.objects).flatMap((o) => (feature(topo, o as GeometryCollection) as unknown as GeoJSON.FeatureCollection).features);
	type Rec = { f: GeoJSON.Feature; i: number };
	const pts: Rec[] = feats.map((f, i) => ({ f, i })).filter((d) => d.f.geometry?.type === 'Point');
	const lines: Rec[] = feats.map((f, i) => ({ f, i })).filter((d) => d.f.geometry?.type === 'LineString');
	// the same GPU technique as the app: kind as a DataFilterExtension category (a uniform per change)
	const kinds = feats.map((f) => f.properties?.kind as string);
	let shown: string[] = [...new Set(kinds)];
	const filter = new DataFilterExtension({ filterSize: 0, categorySize: 1 });
	const layers = () => [
		new PathLayer<Rec>({
			id: 'l', data: lines, getPath: (d: Rec) => (d.f.geometry as GeoJSON.LineString).coordinates as [number, number][], getColor: [140, 86, 75], getWidth: 2, widthUnits: 'pixels',
			extensions: [filter], getFilterCategory: (d: Rec) => kinds[d.i], filterCategories: shown
		} as never),
		new ScatterplotLayer<Rec>({
			id: 'p', data: pts, getPosition: (d: Rec) => (d.f.geometry as GeoJSON.Point).coordinates as [number, number], getRadius: 6, radiusUnits: 'pixels', getFillColor: [31, 119, 180],
			extensions: [filter], getFilterCategory: (d: Rec) => kinds[d.i], filterCategories: shown
		} as never)
	];
	const map = new MLMap({ container: 'map', style: offlineStyle(bm, 'en'), center: [DEFAULT_CAMERA.lon, DEFAULT_CAMERA.lat], zoom: DEFAULT_CAMERA.zoom });
	const overlay = new MapLibreOverlay({ interleaved: false, layers: layers() });
	map.addControl(overlay as never);
	map.once('idle', () => performance.mark('bare:idle'));
	// the benchmark drives filter changes through this
	(window as unknown as { __bare: unknown }).__bare = {
		map,
		overlay,
		setKinds(k: string[]) {
			shown = k.length ? k : [...new Set(kinds)];
			overlay.setProps({ layers: layers() });
		}
	};
}
start();
