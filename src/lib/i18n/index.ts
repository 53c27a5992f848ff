/**
 * Interface strings come from Paraglide (src/lib/i18n/messages/{zh,en}.json, compiled at build).
 * The language is part of the app state, so every call passes it: switching re-renders in place
 * without reloading the page or the map.
 */
import * as messages from '$lib/paraglide/messages';
import type { Lang } from '../state/state';

type MessageFn = (params?: Record<string, unknown>, options?: { locale?: Lang }) => string;
const table = messages as unknown as Record<string, MessageFn>;

export const LANGS: Lang[] = ['zh', 'en'];

/** The message `key` in `lang`; dashes in data values map to underscores in message keys. */
export function t(lang: Lang, key: string, params?: Record<string, unknown>): string {
	const fn = table[key.replace(/-/g, '_')];
	if (!fn) {
		if (import.meta.env?.DEV) console.warn(`missing message ${key}`);
		return key;
	}
	return fn(params ?? {}, { locale: lang });
}

export const kindLabel = (lang: Lang, kind: string) => t(lang, `kind_${kind}`);
export const cityLabel = (lang: Lang, city: string) => t(lang, `city_${city}`);
export const statusLabel = (lang: Lang, s: string) => t(lang, `status_${s}`);
export const levelLabel = (lang: Lang, s: string) => t(lang, `level_${s}`);
export const industryLabel = (lang: Lang, s: string) => t(lang, `ind_${s}`);
export const groupLabel = (lang: Lang, g: string) => t(lang, `group_${g}`);
export const precisionLabel = (lang: Lang, p: string) => t(lang, `precision_${p}`);

/** A feature's name in the interface language. */
export function nameOf(p: { name_zh: string; name_en: string }, lang: Lang): string {
	return lang === 'zh' ? p.name_zh : p.name_en;
}

export function formatNumber(n: number, lang: Lang, maxDigits = 2): string {
	return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: maxDigits }).format(n);
}

/** The message key of a unit code from the data ("TEU", "CNY-100m", "%"): unit_teu, unit_cny_100m, unit_percent. */
export const unitKey = (unit: string) => `unit_${unit === '%' ? 'percent' : unit.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;

/** 亿 (10^8) amounts read as billions in English: the value is scaled, never rounded away. */
const SCALE: Record<string, Partial<Record<Lang, number>>> = { 'CNY-100m': { en: 0.1 }, 'USD-100m': { en: 0.1 } };

/**
 * A figure with its unit in the interface language. The data keeps units as ascii codes (schema);
 * each has a message unit_<code> taking n (the formatted number) and count (for the plural).
 * An unknown code is shown as it is rather than hidden.
 */
export function formatQuantity(value: number, unit: string, lang: Lang): string {
	const scale = SCALE[unit]?.[lang] ?? 1;
	const v = value * scale;
	const n = formatNumber(v, lang, scale === 1 ? 2 : 4);
	const fn = table[unitKey(unit)];
	return fn ? fn({ n, count: v }, { locale: lang }) : `${n} ${unit}`;
}
