/**
 * Recording a tour as a WebM video (issue #11 item 7), loaded on demand by TourExportDialog. The map
 * and deck.gl canvases are drawn each animation frame into a 2D canvas of the chosen size, with the
 * step's caption band and the attribution, and that canvas's captureStream() is recorded by
 * MediaRecorder. The recorder is paused while the map draws the next step, so the video cuts from one
 * drawn step to the next and holds each for the chosen seconds.
 */
import type { Atlas } from '../state/atlas.svelte';
import type { Tour } from './schema';
import { playSteps, liveMap, ExportCancelled } from './handout-capture';
import { drawBand, bandHeight } from './handout-draw';
import { bandText, pagesOf, type ExportText } from './handout-export';
import { fitMap, frameScale, progressOf, recordingPixelRatio, videoSupport, type Progress, type VideoSize, type VideoSupport } from './video-plan';

/** What this browser can do (see videoSupport). */
export function detectVideo(): VideoSupport {
	const MR = typeof MediaRecorder === 'undefined' ? undefined : MediaRecorder;
	const canvasCaptureStream = typeof HTMLCanvasElement !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
	return videoSupport({ MediaRecorder: MR, canvasCaptureStream });
}

export interface VideoOptions {
	size: VideoSize;
	/** seconds each step is held */
	dwell: number;
	/** the step indices to record, in order */
	steps: number[];
	mimeType: string;
}

export async function recordTour(atlas: Atlas, tour: Tour, text: ExportText, o: VideoOptions, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<Blob> {
	const live = liveMap(atlas);
	if (!live) throw new Error('no map');
	const { map, deck } = live;
	const { width: W, height: H } = o.size;
	const pages = pagesOf(atlas, tour, text.lang);
	const frame = document.createElement('canvas');
	frame.width = W;
	frame.height = H;
	const ctx = frame.getContext('2d')!;
	const s = frameScale(W, H);
	// one band height for the whole video (the tallest step's), so the map does not jump between steps
	const band = Math.min(Math.round(H * 0.45), Math.max(...o.steps.map((k) => bandHeight(ctx, W, s, bandText(pages[k], text)))));
	const css = map.getCanvas().getBoundingClientRect();
	const ratio = recordingPixelRatio(W, H, band, css.width, css.height);
	const prevRatio = map.getPixelRatio();

	let current = o.steps[0];
	let running = true;
	const paint = () => {
		const src = map.getCanvas();
		const r = fitMap(W, H, band, src.width, src.height);
		ctx.fillStyle = '#dbe6ee';
		ctx.fillRect(0, 0, W, H - band);
		ctx.drawImage(src, r.x, r.y, r.w, r.h);
		const dc = deck?.canvas;
		if (dc) ctx.drawImage(dc, r.x, r.y, r.w, r.h);
		drawBand(ctx, 0, H - band, W, band, s, bandText(pages[current], text));
	};
	// the one painting loop: every animation frame while recording
	const loop = () => {
		if (!running) return;
		paint();
		requestAnimationFrame(loop);
	};

	const stream = frame.captureStream(30);
	const recorder = new MediaRecorder(stream, { mimeType: o.mimeType, videoBitsPerSecond: 6_000_000 });
	const chunks: Blob[] = [];
	recorder.ondataavailable = (e) => {
		if (e.data.size) chunks.push(e.data);
	};
	const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));

	try {
		map.setPixelRatio(ratio);
		deck?.setProps({ useDevicePixels: ratio });
		onProgress(progressOf(0, 0, o.steps.length, o.dwell));
		await playSteps(
			atlas,
			tour,
			o.steps,
			{
				before: () => {
					if (recorder.state === 'recording') recorder.pause();
				},
				each: async (k, i) => {
					current = k;
					// the drawn step is in the canvas before the recorder runs again
					paint();
					if (recorder.state === 'inactive') {
						recorder.start(1000);
						requestAnimationFrame(loop);
					} else recorder.resume();
					await hold(o.dwell, (held) => onProgress(progressOf(i, held, o.steps.length, o.dwell)), signal);
				}
			},
			signal
		);
		running = false;
		recorder.stop();
		await stopped;
		onProgress(progressOf(o.steps.length - 1, o.dwell, o.steps.length, o.dwell));
		return new Blob(chunks, { type: o.mimeType.split(';')[0] });
	} catch (e) {
		running = false;
		if (recorder.state !== 'inactive') {
			recorder.stop();
			await stopped;
		}
		throw e;
	} finally {
		running = false;
		for (const tr of stream.getTracks()) tr.stop();
		map.setPixelRatio(prevRatio);
		deck?.setProps({ useDevicePixels: true });
	}
}

/**
 * Keep the current step on the video for `seconds` of recording (the length of the product, not a wait
 * for anything), reporting each frame how much of it is held.
 */
function hold(seconds: number, tickFn: (held: number) => void, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const step = () => {
			if (signal.aborted) return reject(new ExportCancelled());
			const held = (performance.now() - t0) / 1000;
			tickFn(Math.min(held, seconds));
			if (held >= seconds) resolve();
			else requestAnimationFrame(step);
		};
		requestAnimationFrame(step);
	});
}
