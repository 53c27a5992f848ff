/** Corridors and routes: schematic ones dashed (drawn through waypoints, not along the real track). */
import { PathLayer } from '@deck.gl/layers';
import type { PathRec } from '../prepare';
import { PRECISION_STYLE } from '../../legend';
import { filterProps, filterExtension, dashExtension, type LayerView } from './view';

export function corridorsLayer(paths: PathRec[], v: LayerView) {
	const sel = v.selected;
	const hov = v.hovered;
	return new PathLayer<PathRec>({
		id: 'corridors',
		data: paths,
		visible: paths.length > 0,
		getPath: (d: PathRec) => d.path,
		getColor: (d: PathRec) => (d.i === sel ? [20, 20, 20, 255] : [...(v.lineColour?.(d.i) ?? d.color), d.group === 'air-routes' ? 170 : 220]),
		getWidth: (d: PathRec) => (d.i === sel || d.i === hov ? 5 : d.group === 'air-routes' ? 1.6 : 3),
		widthUnits: 'pixels',
		widthMinPixels: 1,
		capRounded: true,
		jointRounded: true,
		pickable: true,
		autoHighlight: true,
		highlightColor: [255, 200, 0, 200],
		...filterProps<PathRec>(v),
		extensions: [filterExtension, dashExtension],
		getDashArray: (d: PathRec) => (d.schematic ? PRECISION_STYLE.schematicDash : [0, 0]),
		dashJustified: true,
		updateTriggers: { getFilterValue: v.restVersion, getColor: [sel, v.lineColour ? 'city' : 'group'], getWidth: [sel, hov] }
	} as never);
}
