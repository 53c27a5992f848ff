/**
 * The pure parts of recording a tour as a video (issue #11 item 7): the sizes offered, which WebM type
 * the browser can record, where the map goes in a frame, and the progress arithmetic. The recording
 * itself is video-record.ts. Unit-tested in tests/unit/handout.test.ts.
 */

export interface VideoSize {
	id: string;
	width: number;
	height: number;
}
export const VIDEO_SIZES: readonly VideoSize[] = [
	{ id: '1280x720', width: 1280, height: 720 },
	{ id: '1920x1080', width: 1920, height: 1080 },
	{ id: '1080x1080', width: 1080, height: 1080 }
];
export const DWELL_SECONDS = [2, 4, 6, 8] as const;

/** WebM types in order of preference; the first the browser says it can record wins. */
export const WEBM_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

export type VideoSupport = { ok: true; mimeType: string } | { ok: false; reason: 'no-mediarecorder' | 'no-capturestream' | 'no-webm' };

/**
 * Whether this browser can record the tour, and as which type. Takes what it needs of the environment,
 * so the decision is testable without one.
 */
export function videoSupport(env: { MediaRecorder?: { isTypeSupported?(t: string): boolean }; canvasCaptureStream: boolean }): VideoSupport {
	if (!env.MediaRecorder) return { ok: false, reason: 'no-mediarecorder' };
	if (!env.canvasCaptureStream) return { ok: false, reason: 'no-capturestream' };
	const is = env.MediaRecorder.isTypeSupported;
	const type = WEBM_TYPES.find((t) => {
		try {
			return typeof is === 'function' && is.call(env.MediaRecorder, t);
		} catch {
			return false;
		}
	});
	return type ? { ok: true, mimeType: type } : { ok: false, reason: 'no-webm' };
}

export interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}

/**
 * The map image (srcW×srcH) fitted whole into the frame above a band of bandH pixels: scaled to fit and
 * centred, never cropped (a step's features may sit near the map's edge). The rest is background.
 */
export function fitMap(frameW: number, frameH: number, bandH: number, srcW: number, srcH: number): Rect {
	const areaH = Math.max(1, frameH - bandH);
	if (srcW <= 0 || srcH <= 0) return { x: 0, y: 0, w: frameW, h: areaH };
	const k = Math.min(frameW / srcW, areaH / srcH);
	const w = Math.max(1, Math.round(srcW * k));
	const h = Math.max(1, Math.round(srcH * k));
	return { x: Math.round((frameW - w) / 2), y: Math.round((areaH - h) / 2), w, h };
}

/**
 * The map's pixel ratio while recording: enough device pixels that the fitted map is not upscaled,
 * at most 2 (software WebGL draws every pixel on the CPU), at least 1.
 */
export function recordingPixelRatio(frameW: number, frameH: number, bandH: number, cssW: number, cssH: number): number {
	if (cssW <= 0 || cssH <= 0) return 1;
	const k = Math.min(frameW / cssW, Math.max(1, frameH - bandH) / cssH);
	return Math.min(2, Math.max(1, Math.ceil(k * 4) / 4));
}

/** The scale of text in a frame: the bands are laid out for a 1280-pixel-wide frame. */
export const frameScale = (frameW: number, frameH: number) => Math.max(0.5, Math.min(frameW / 1280, frameH / 720) * 1.25);

export interface Progress {
	/** 0…1 of the whole recording */
	fraction: number;
	/** 1-based step being recorded */
	step: number;
	total: number;
	/** whole seconds left, rounded up */
	secondsLeft: number;
}

/**
 * Progress of a recording of `total` steps held `dwell` seconds each, at step index `k` (0-based within
 * the recorded range) with `held` seconds of it recorded. Waiting for the map to draw a step counts as
 * no time held, so the bar never runs ahead of what is on the video.
 */
export function progressOf(k: number, held: number, total: number, dwell: number): Progress {
	if (total <= 0 || dwell <= 0) return { fraction: 1, step: 0, total: 0, secondsLeft: 0 };
	// past the last step: all of it is recorded
	if (k >= total) return { fraction: 1, step: total, total, secondsLeft: 0 };
	const kk = Math.max(0, Math.floor(k));
	const h = Math.min(Math.max(0, held), dwell);
	const done = kk * dwell + h;
	return { fraction: Math.min(1, done / (total * dwell)), step: kk + 1, total, secondsLeft: Math.max(0, Math.ceil(total * dwell - done - 1e-9)) };
}

/** The step range a recording covers: from and to (1-based, inclusive, as a reader types them) clamped and ordered. */
export function stepRange(from: number, to: number, total: number): number[] {
	if (total <= 0) return [];
	const f = Number.isFinite(from) ? Math.min(Math.max(1, Math.floor(from)), total) : 1;
	const t = Number.isFinite(to) ? Math.min(Math.max(1, Math.floor(to)), total) : total;
	const [a, b] = f <= t ? [f, t] : [t, f];
	return Array.from({ length: b - a + 1 }, (_, i) => a - 1 + i);
}

/** WebM files start with the EBML magic number 1A 45 DF A3. */
export function isWebm(bytes: Uint8Array): boolean {
	return bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
}
