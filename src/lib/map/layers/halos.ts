/** Precision halos under point markers: area (~5 km) a translucent disc, city-only a hollow ring. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { PointRec } from '../prepare';
import { PRECISION_STYLE as P } from '../../legend';
import { filterProps, type LayerView } from './view';

const look = (d: PointRec) => (d.precision === 'city' ? P.city : P.area);

export function halosLayer(halos: PointRec[], v: LayerView) {
	return new ScatterplotLayer<PointRec>({
		id: 'precision-halos',
		data: halos,
		visible: halos.length > 0,
		getPosition: (d) => d.position,
		getRadius: (d) => look(d).radiusM,
		radiusUnits: 'meters',
		radiusMinPixels: P.minPixels,
		radiusMaxPixels: P.maxPixels,
		stroked: true,
		filled: true,
		getFillColor: (d) => [...d.color, look(d).fillAlpha],
		getLineColor: (d) => [...d.color, look(d).lineAlpha],
		getLineWidth: (d) => look(d).lineWidth,
		lineWidthUnits: 'pixels',
		...filterProps<PointRec>(v)
	});
}
