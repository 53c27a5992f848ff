/** Zone outlines: an approximate outline is dashed, a defensible one solid. */
import { PolygonLayer } from '@deck.gl/layers';
import type { PolygonRec } from '../prepare';
import { PRECISION_STYLE } from '../../legend';
import { filterProps, filterExtension, dashExtension, type LayerView } from './view';

export function areasLayer(polygons: PolygonRec[], v: LayerView) {
	return new PolygonLayer<PolygonRec>({
		id: 'areas',
		data: polygons,
		visible: polygons.length > 0,
		getPolygon: (d: PolygonRec) => d.polygon,
		getFillColor: (d: PolygonRec) => [...d.color, 40],
		getLineColor: (d: PolygonRec) => [...d.color, 200],
		lineWidthMinPixels: 1.5,
		pickable: true,
		...filterProps<PolygonRec>(v),
		extensions: [filterExtension, dashExtension],
		getDashArray: (d: PolygonRec) => (d.approximate ? PRECISION_STYLE.outlineDash : [0, 0]),
		dashJustified: true
	} as never);
}
