/**
 * Building an export of the filtered set without freezing the page: rows are made in small chunks with
 * a yield to the event loop between them (so clicks, the progress line and the embed preview's frames
 * get their turn), and every chunk reports progress. The file content is exactly toCSV/toGeoJSON's.
 */
import type { CompiledFeature } from '../data/types';
import type { Lang } from '../state/state';
import { csvFromRows, csvRow, geojsonFeature, geojsonFromParts, type ExportMeta, type HubsOf } from './export';

export type ExportKind = 'csv' | 'geojson';
export interface ExportProgress {
	done: number;
	total: number;
}

/** main-thread time per slice (ms): under a frame, so the page keeps answering */
const SLICE_MS = 12;

/** Give the event loop a turn (a message, not a timer: timers are clamped in background frames). */
function yieldToLoop(): Promise<void> {
	return new Promise((resolve) => {
		const ch = new MessageChannel();
		ch.port1.onmessage = () => resolve();
		ch.port2.postMessage(null);
	});
}

export async function buildExport(
	kind: ExportKind,
	features: readonly CompiledFeature[],
	opts: { hubsOf?: HubsOf; lang: Lang; meta: ExportMeta; sliceMs?: number },
	onProgress: (p: ExportProgress) => void = () => {}
): Promise<{ content: string; workMs: number; slices: number; longestMs: number }> {
	const total = features.length;
	const parts: string[] = [];
	const slice = opts.sliceMs ?? SLICE_MS;
	let workMs = 0;
	let longestMs = 0;
	let slices = 0;
	onProgress({ done: 0, total });
	// the first yield lets the progress line paint before any work
	do {
		await yieldToLoop();
		const t0 = performance.now();
		// at least one feature per slice, however short the slice
		while (parts.length < total) {
			const f = features[parts.length];
			parts.push(kind === 'csv' ? csvRow(f, opts.hubsOf, opts.lang) : JSON.stringify(geojsonFeature(f, opts.hubsOf)));
			if (performance.now() - t0 >= slice) break;
		}
		const content = parts.length === total ? (kind === 'csv' ? csvFromRows(parts) : geojsonFromParts(parts, opts.meta)) : null;
		const took = performance.now() - t0;
		workMs += took;
		longestMs = Math.max(longestMs, took);
		slices++;
		onProgress({ done: parts.length, total });
		if (content !== null) return { content, workMs, slices, longestMs };
	} while (true);
}
