/**
 * A drawn line's length as readers should take it. A schematic line runs through waypoints, not along the
 * track, so its length is approximate and says so ("≈10,271 km, schematic"); a located line's is plain km.
 */
import type { Lang } from '../state/state';
import type { Precision } from '../data/schema';
import { t, formatNumber } from './index';

export function drawnLength(km: number, precision: Precision | string, lang: Lang): string {
	const n = formatNumber(km, lang, 0);
	return precision === 'schematic' ? t(lang, 'km_schematic', { n }) : t(lang, 'km', { n });
}
