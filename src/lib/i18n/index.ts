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

export function formatNumber(n: number, lang: Lang): string {
	return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
}
