/**
 * The legend symbols, drawn once into an icon atlas for deck.gl's IconLayer (mask mode: the layer
 * tints them with each group's colour). Also used as inline SVG paths in the legend.
 */
import type { Symbol } from './groups';

const S = 64; // icon cell size in the atlas

/** SVG path of each symbol in a 0..64 box: the legend and the atlas draw the same shapes. */
export const SYMBOL_PATHS: Record<Exclude<Symbol, 'line'>, string> = {
	circle: 'M32 6a26 26 0 1 0 0.01 0Z',
	ring: 'M32 6a26 26 0 1 0 0.01 0Zm0 10a16 16 0 1 1-0.01 0Z',
	square: 'M9 9h46v46H9Z',
	diamond: 'M32 3L61 32L32 61L3 32Z',
	triangle: 'M32 5L60 56H4Z',
	star: 'M32 3l8.5 18.5 20 2.3-15 13.6 4.2 19.8L32 47.2 14.3 57.2l4.2-19.8-15-13.6 20-2.3Z',
	hexagon: 'M32 4l24.2 14v28L32 60 7.8 46V18Z'
};

export interface IconAtlas {
	atlas: HTMLCanvasElement;
	mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean }>;
}

export function buildIconAtlas(): IconAtlas {
	const names = Object.keys(SYMBOL_PATHS) as (keyof typeof SYMBOL_PATHS)[];
	const canvas = document.createElement('canvas');
	canvas.width = S * names.length;
	canvas.height = S;
	const ctx = canvas.getContext('2d')!;
	const mapping: IconAtlas['mapping'] = {};
	names.forEach((n, k) => {
		ctx.save();
		ctx.translate(k * S, 0);
		ctx.fillStyle = '#fff';
		ctx.fill(new Path2D(SYMBOL_PATHS[n]), 'evenodd');
		ctx.restore();
		mapping[n] = { x: k * S, y: 0, width: S, height: S, mask: true };
	});
	return { atlas: canvas, mapping };
}
