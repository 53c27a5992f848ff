/**
 * The deck.gl layer list as a pure function of (prepared data, view): one small function per drawn
 * kind, stable unique ids, in drawing order. Filtering goes through DataFilterExtension on the GPU
 * (view.ts): kind with the layer toggles and city are categories (a uniform per change), the other
 * filters one 0/1 attribute re-read only when they change. Layer data is never rebuilt by a filter.
 * Labels are MapLibre symbols (labels.ts), collision-aware with the basemap's.
 */
import type { Layer } from '@deck.gl/core';
import type { PreparedLayers, PointRec } from '../prepare';
import type { LayerView } from './view';
import { areasLayer } from './areas';
import { corridorsLayer } from './corridors';
import { halosLayer } from './halos';
import { highlightLayers } from './highlight';
import { markersLayer } from './markers';
import { cityGroupLayers, type CityGroupShown } from './city-groups';

export type { LayerView } from './view';
export { highlightPoints } from './highlight';
export { cityGroupsShown, type CityGroupShown } from './city-groups';

export function buildLayers(data: PreparedLayers, v: LayerView, highlighted: PointRec[], groups: CityGroupShown[]): Layer[] {
	return [
		areasLayer(data.polygons, v),
		corridorsLayer(data.paths, v),
		halosLayer(data.halos, v),
		...highlightLayers(highlighted, v),
		markersLayer(data.points, v),
		// on top: a list symbol must stay readable where markers crowd the city centre
		...cityGroupLayers(groups)
	] as Layer[];
}
