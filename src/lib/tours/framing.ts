/**
 * Framing a tour step for the frame it is shown in (#11): what the step must show (its features or a
 * bbox) and how far a fit may zoom in. The padding and the geometry boxes are the pick framing's own
 * (map/framing.ts: one mechanism for both); fit-step.ts hands MapLibre the result. The stored camera is
 * the fallback when a step names nothing that can be drawn.
 */
import { positionsOf, boundsOf, type Box, type Geo } from '../map/framing';
/** [west, south, east, north] in degrees */
export type Bounds = Box;

/** The ids a step must show: its own `show` list, else the feature it selects, else none. */
export function stepTargets(show: readonly string[] | undefined, selected: string | null): string[] {
	if (show && show.length) return [...show];
	return selected ? [selected] : [];
}

/**
 * The most a fit may zoom in: a step that shows one place (bounds smaller than ~2 km) keeps the zoom its
 * author stored (never past the map's 12), anything wider stops at 11, where a city still has context.
 */
export function fitMaxZoom(b: Bounds, storedZoom: number | null): number {
	const single = b[2] - b[0] < 0.02 && b[3] - b[1] < 0.02;
	if (!single) return 11;
	return Math.max(3, Math.min(12, storedZoom ?? 11));
}

/** The box a step must show: every position of its targets (every waypoint of a corridor) and its bbox. */
export function stepBounds(targets: readonly string[], bbox: readonly number[] | undefined, geometryOf: (id: string) => Geo | null | undefined): Bounds | null {
	const positions: number[][] = [];
	for (const id of targets) positions.push(...positionsOf(geometryOf(id)));
	if (bbox) positions.push([bbox[0], bbox[1]], [bbox[2], bbox[3]]);
	return boundsOf(positions);
}
