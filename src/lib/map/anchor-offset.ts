/**
 * The offset of a label from its point for an anchor at radial distance r, with the signs of
 * MapLibre's text-radial-offset (positive is right and down; a corner at r/√2 on each axis). One table
 * for MapLibre's text-variable-anchor-offset (r in ems) and deck.gl's getPixelOffset (r in pixels), so
 * a name MapLibre reserves space for and the name deck.gl draws land on the same spot.
 */
export type Anchor = 'top' | 'bottom' | 'left' | 'right' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

export function radialOffset(anchor: Anchor, r: number): [number, number] {
	const h = r / Math.SQRT2;
	switch (anchor) {
		case 'top': return [0, r];
		case 'bottom': return [0, -r];
		case 'left': return [r, 0];
		case 'right': return [-r, 0];
		case 'top-left': return [h, h];
		case 'top-right': return [-h, h];
		case 'bottom-left': return [h, -h];
		case 'bottom-right': return [-h, -h];
	}
}
