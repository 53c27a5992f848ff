/**
 * Stepping a tour on the live map for an export (handout, PNGs, video): each step is shown through the
 * atlas's own tour transitions, and the export waits until the map has drawn it — an event, never a
 * fixed time. Each step is framed as the player frames it (fit-step.ts), to the captured map image: no
 * overlay is drawn over it, so the whole map is the visible area. The steps replace the address, never
 * push (atlas.exporting). Whatever the reader had on screen (their own view, or a tour at some step)
 * comes back at the end, cancelled or not.
 */
import { tick } from 'svelte';
import type { Map as MLMap } from 'maplibre-gl';
import type { Atlas } from '../state/atlas.svelte';
import type { DeckLike } from '../share/png';
import type { Tour } from './schema';
import type { Camera } from '../state/state';
import { fitStepCamera } from './fit-step';

export class ExportCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'ExportCancelled';
	}
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** The live map and deck.gl overlay, or null when there is none (no WebGL, not loaded yet). */
export function liveMap(atlas: Atlas): { map: MLMap; deck: DeckLike | null } | null {
	const view = atlas.map?.getMapView();
	const map = view?.getMap();
	return map ? { map, deck: view!.getDeckTarget() } : null;
}

/**
 * Resolve once the map has drawn the state set before the call: Svelte has flushed it to the map,
 * the labels (applied two frames after the markers, AtlasMap.svelte) have had their frames, and then
 * MapLibre reports 'idle' after a repaint — idle comes only when no tile, fade or camera move is left.
 */
export async function mapDrawn(map: MLMap, signal?: AbortSignal): Promise<void> {
	await tick();
	for (let i = 0; i < 3; i++) await nextFrame();
	if (signal?.aborted) throw new ExportCancelled();
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => {
			map.off('idle', done);
			reject(new ExportCancelled());
		};
		const done = () => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		};
		map.once('idle', done);
		signal?.addEventListener('abort', onAbort, { once: true });
		map.triggerRepaint();
	});
}

/**
 * Show each of `steps` in turn and run `each` once the map has drawn it; `before` runs before a step
 * is shown (the video pauses its recorder there). The reader's state is given back in the end.
 */
export async function playSteps<T>(
	atlas: Atlas,
	tour: Tour,
	steps: readonly number[],
	hooks: { before?: (k: number, i: number) => void | Promise<void>; each: (k: number, i: number) => Promise<T> },
	signal?: AbortSignal
): Promise<T[]> {
	const live = liveMap(atlas);
	if (!live) throw new Error('no map');
	const prev = atlas.tour ? { ...atlas.tour, camera: atlas.camera } : null;
	const out: T[] = [];
	atlas.exporting = true;
	try {
		atlas.startTour(tour.id, steps[0] ?? 0);
		for (let i = 0; i < steps.length; i++) {
			if (signal?.aborted) throw new ExportCancelled();
			const k = steps[i];
			await hooks.before?.(k, i);
			atlas.showTourStep(k, tour.steps[k].state);
			await frameStep(atlas, live.map, tour, k);
			await mapDrawn(live.map, signal);
			if (signal?.aborted) throw new ExportCancelled();
			out.push(await hooks.each(k, i));
		}
		return out;
	} finally {
		restore(atlas, tour, prev);
		atlas.exporting = false;
	}
}

/**
 * Fit step k to the map as it will be captured: once the step's layout is in (a selection opens the
 * detail pane and narrows the map), with the map resized to its container before the camera sum.
 */
async function frameStep(atlas: Atlas, map: MLMap, tour: Tour, k: number) {
	await tick();
	const box = map.getContainer();
	const canvas = map.getCanvas();
	if (Math.abs(box.clientWidth - canvas.clientWidth) > 1 || Math.abs(box.clientHeight - canvas.clientHeight) > 1) map.resize();
	const data = atlas.loaded?.data;
	const cam = data ? fitStepCamera(map, tour.steps[k], atlas.lang, (id) => data.byId.get(id)?.geometry, []) : null;
	if (cam) atlas.setCamera(cam);
}

/** Back to what the reader had: no tour (their own view, kept by startTour), or the tour and step they were on. */
function restore(atlas: Atlas, exported: Tour, prev: { id: string; step: number; camera: Camera } | null) {
	if (!prev) atlas.closeTour();
	else if (prev.id === exported.id) {
		atlas.showTourStep(prev.step, exported.steps[Math.min(prev.step, exported.steps.length - 1)].state);
		// the camera the player had fitted to the reader's frame, not the step's stored one
		atlas.setCamera(prev.camera);
	}
	// another tour: its player remounts (the page keys it by id) and shows the step itself
	else atlas.startTour(prev.id, prev.step);
}
