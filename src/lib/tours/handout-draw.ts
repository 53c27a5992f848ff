/**
 * Drawing a step's caption band into a canvas: under the map in a PNG of the handout, at the foot of
 * each frame of a tour video. The layout (line breaks, band height) is the pure cardLayout.
 */
import { BAND, cardLayout } from './handout-layout';
import { canvasToPng } from '../share/png';

export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';

export interface BandText {
	/** tour title · step k / n */
	heading: string;
	caption: string;
	/** the label line first ("Named in:"), then one line per plan */
	plans: string[];
	attribution: string;
}

const fonts = (s: number) => ({
	heading: `bold ${BAND.title * s}px ${FONT}`,
	caption: `${BAND.caption * s}px ${FONT}`,
	plan: `${BAND.plan * s}px ${FONT}`,
	attribution: `${BAND.attribution * s}px ${FONT}`
});

/** A measuring function per font, for the pure layout. */
export function measurers(ctx: CanvasRenderingContext2D, s: number) {
	const f = fonts(s);
	const by = (font: string) => (text: string) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
	return { caption: by(f.caption), plan: by(f.plan) };
}

/** Draw the band into (x, y, w, h) of ctx at text scale s: heading, caption, plans, attribution. */
export function drawBand(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, s: number, text: BandText) {
	const f = fonts(s);
	const lay = cardLayout(w, 0, s, { caption: text.caption, plans: text.plans }, measurers(ctx, s));
	const pad = BAND.pad * s;
	ctx.save();
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(x, y, w, h);
	ctx.fillStyle = '#0b4f6c';
	ctx.fillRect(x, y, w, Math.max(1, 2 * s));
	ctx.textBaseline = 'top';
	let cy = y + pad;
	ctx.font = f.heading;
	ctx.fillStyle = '#0b4f6c';
	ctx.fillText(text.heading, x + pad, cy, w - 2 * pad);
	cy += (BAND.title + BAND.gap) * s;
	ctx.font = f.caption;
	ctx.fillStyle = '#1d1d1d';
	for (const line of lay.captionLines) {
		ctx.fillText(line, x + pad, cy);
		cy += BAND.caption * 1.35 * s;
	}
	cy += BAND.gap * s;
	ctx.font = f.plan;
	ctx.fillStyle = '#444';
	for (const line of lay.planLines) {
		ctx.fillText(line, x + pad, cy);
		cy += BAND.plan * 1.35 * s;
	}
	// the attribution: its own line at the foot, right-aligned
	ctx.font = f.attribution;
	ctx.fillStyle = '#555';
	ctx.textAlign = 'right';
	ctx.fillText(text.attribution, x + w - pad, y + h - pad - BAND.attribution * 1.35 * s + 2 * s, w - 2 * pad);
	ctx.restore();
}

/** The band's height for this text at width w, scale s (what cardLayout says). */
export function bandHeight(ctx: CanvasRenderingContext2D, w: number, s: number, text: BandText): number {
	return cardLayout(w, 0, s, { caption: text.caption, plans: text.plans }, measurers(ctx, s)).bandHeight;
}

/** The PNG of one step: the captured map on top, the band under it. */
export async function stepCard(mapCanvas: HTMLCanvasElement, s: number, text: BandText): Promise<{ blob: Blob; width: number; height: number }> {
	const out = document.createElement('canvas');
	const ctx = out.getContext('2d')!;
	const w = mapCanvas.width;
	const bh = bandHeight(ctx, w, s, text);
	out.width = w;
	out.height = mapCanvas.height + bh;
	ctx.drawImage(mapCanvas, 0, 0);
	drawBand(ctx, 0, mapCanvas.height, w, bh, s, text);
	return { blob: await canvasToPng(out), width: out.width, height: out.height };
}
