/**
 * The one camera for a tour step, used by the player (fitted to the map left visible by the caption,
 * legend, controls and attribution) and by the exports (fitted to the captured map image, which no
 * DOM overlay is drawn over): the step's features fitted with the shared framing padding.
 */
import type { Map as MLMap } from 'maplibre-gl';
import { overlayPadding, type Geo, type Rect } from '../map/framing';
import { decode, roundCamera } from '../state/url';
import type { Camera, Lang } from '../state/state';
import { stepBounds, stepTargets, fitMaxZoom } from './framing';
import type { TourStep } from './schema';

/** The fitted camera, or null when the step names nothing drawable (the stored camera stays). */
export function fitStepCamera(map: MLMap, step: TourStep, lang: Lang, geometryOf: (id: string) => Geo | null | undefined, overlays: readonly Rect[]): Camera | null {
	const { state } = decode(step.state, lang);
	const b = stepBounds(stepTargets(step.show, state.selected), step.bbox, geometryOf);
	if (!b) return null;
	const box = map.getContainer().getBoundingClientRect();
	// room round the features for their symbols (an airport's icon is ~16 px): 5% of the frame, 16–40 px
	const margin = Math.max(16, Math.min(40, Math.round(Math.min(box.width, box.height) * 0.05)));
	const { padding } = overlayPadding(box, overlays, { margin });
	const cam = map.cameraForBounds(
		[
			[b[0], b[1]],
			[b[2], b[3]]
		],
		{ padding, maxZoom: fitMaxZoom(b, state.camera.zoom), bearing: 0 }
	);
	if (!cam || !cam.center || cam.zoom === undefined) return null;
	// a corridor across Eurasia in a phone-sized frame needs a wider view than the app's usual minimum
	if (cam.zoom < map.getMinZoom()) map.setMinZoom(Math.max(0, Math.floor(cam.zoom * 10) / 10));
	const c = cam.center as { lng: number; lat: number };
	return roundCamera({ lon: c.lng, lat: c.lat, zoom: cam.zoom, bearing: 0, pitch: 0 });
}
