/**
 * PNG of the current view at 1× or 2×: the map and the deck.gl canvas re-rendered at that pixel
 * ratio, then title, legend and attribution drawn in, so the picture stands alone on a slide.
 */
import type { Map as MLMap } from 'maplibre-gl';
import { SYMBOL_PATHS } from '../legend';
import type { Symbol } from '../legend';

export interface LegendItem {
	label: string;
	color: [number, number, number];
	symbol: Symbol;
	count: number;
}

export interface DeckLike {
	setProps(p: Record<string, unknown>): void;
	redraw(reason?: string): void;
	canvas?: HTMLCanvasElement | null;
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(null)));

export async function renderPng(
	map: MLMap,
	deck: DeckLike | null,
	opts: { scale: 1 | 2; title: string; legend: LegendItem[]; attribution: string; font?: string }
): Promise<Blob> {
	const out = await captureMap(map, deck, opts.scale);
	drawOverlay(out.getContext('2d')!, out.width, out.height, opts.scale, opts);
	return canvasToPng(out);
}

/**
 * The map and the deck.gl overlay drawn together into a new 2D canvas at `scale` × CSS pixels, the map's
 * pixel ratio given back afterwards. Shared by the PNG export and the tour handout (src/lib/tours/).
 */
export async function captureMap(map: MLMap, deck: DeckLike | null, scale: number): Promise<HTMLCanvasElement> {
	const prevRatio = map.getPixelRatio();
	try {
		map.setPixelRatio(scale);
		deck?.setProps({ useDevicePixels: scale });
		map.triggerRepaint();
		await new Promise<void>((resolve) => {
			if (map.loaded() && !map.isMoving()) map.once('render', () => resolve());
			else map.once('idle', () => resolve());
			setTimeout(resolve, 4000);
		});
		deck?.redraw('export');
		await nextFrame();
		deck?.redraw('export');
		const base = map.getCanvas();
		const w = base.width;
		const h = base.height;
		const out = document.createElement('canvas');
		out.width = w;
		out.height = h;
		const ctx = out.getContext('2d')!;
		ctx.drawImage(base, 0, 0, w, h);
		if (deck?.canvas) ctx.drawImage(deck.canvas, 0, 0, w, h);
		return out;
	} finally {
		map.setPixelRatio(prevRatio);
		deck?.setProps({ useDevicePixels: true });
	}
}

export function canvasToPng(c: HTMLCanvasElement): Promise<Blob> {
	return new Promise<Blob>((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function drawOverlay(
	ctx: CanvasRenderingContext2D,
	w: number,
	h: number,
	s: number,
	opts: { title: string; legend: LegendItem[]; attribution: string; font?: string }
) {
	const font = opts.font ?? '"Noto Sans CJK SC", "Noto Sans SC", system-ui, sans-serif';
	const pad = 10 * s;
	// title band
	if (opts.title) {
		ctx.font = `bold ${18 * s}px ${font}`;
		const tw = ctx.measureText(opts.title).width;
		ctx.fillStyle = 'rgba(255,255,255,0.92)';
		ctx.fillRect(pad, pad, tw + 2 * pad, 32 * s);
		ctx.fillStyle = '#0b4f6c';
		ctx.textBaseline = 'middle';
		ctx.fillText(opts.title, 2 * pad, pad + 16 * s);
	}
	// legend box, bottom-left, at most a third of the height
	const items = opts.legend.slice(0, Math.max(1, Math.floor(h / 3 / (18 * s))));
	if (items.length) {
		ctx.font = `${12 * s}px ${font}`;
		const lw = Math.max(...items.map((i) => ctx.measureText(`${i.label} (${i.count})`).width)) + 34 * s;
		const lh = items.length * 18 * s + pad;
		const y0 = h - lh - 30 * s;
		ctx.fillStyle = 'rgba(255,255,255,0.92)';
		ctx.fillRect(pad, y0, lw, lh);
		items.forEach((it, k) => {
			const y = y0 + pad / 2 + k * 18 * s;
			ctx.save();
			ctx.translate(pad + 6 * s, y + 2 * s);
			ctx.scale((14 * s) / 64, (14 * s) / 64);
			ctx.fillStyle = `rgb(${it.color.join(',')})`;
			if (it.symbol === 'line') ctx.fillRect(0, 26, 64, 12);
			else ctx.fill(new Path2D(SYMBOL_PATHS[it.symbol]), 'evenodd');
			ctx.restore();
			ctx.fillStyle = '#222';
			ctx.textBaseline = 'top';
			ctx.fillText(`${it.label} (${it.count})`, pad + 26 * s, y + 2 * s);
		});
	}
	// attribution, bottom-right
	ctx.font = `${10 * s}px ${font}`;
	const aw = ctx.measureText(opts.attribution).width;
	ctx.fillStyle = 'rgba(255,255,255,0.85)';
	ctx.fillRect(w - aw - 2 * pad, h - 20 * s, aw + 2 * pad, 20 * s);
	ctx.fillStyle = '#333';
	ctx.textBaseline = 'middle';
	ctx.fillText(opts.attribution, w - aw - pad, h - 10 * s);
}
