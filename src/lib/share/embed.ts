/**
 * Embed options (in the embed URL next to the view state, which carries the tour) and the iframe snippet builder.
 * Pure: the Share dialog, the embed route and the tests share it.
 */
import type { AtlasState } from '../state/state';
import { encodeToString } from '../state/url';
import { strictParams } from '../state/params';

const EMBED_KEYS = ['legend', 'controls', 'interaction', 'title', 'caption'];

export interface EmbedOptions {
	legend: 'full' | 'compact' | 'none';
	controls: boolean;
	interaction: 'static' | 'cooperative' | 'full';
	title: string;
	caption: string;
}

export const DEFAULT_EMBED: EmbedOptions = {
	legend: 'compact',
	controls: true,
	interaction: 'cooperative',
	title: '',
	caption: ''
};

const MAX_TEXT = 200;

export function encodeEmbed(o: EmbedOptions): string {
	const q = new URLSearchParams();
	if (o.legend !== DEFAULT_EMBED.legend) q.set('legend', o.legend);
	if (o.controls !== DEFAULT_EMBED.controls) q.set('controls', o.controls ? '1' : '0');
	if (o.interaction !== DEFAULT_EMBED.interaction) q.set('interaction', o.interaction);
	if (o.title) q.set('title', o.title.slice(0, MAX_TEXT));
	if (o.caption) q.set('caption', o.caption.slice(0, MAX_TEXT));
	return q.toString();
}

/** Never throws: unknown values fall back to defaults and are named in `ignored`. */
export function decodeEmbed(search: string): { options: EmbedOptions; ignored: string[] } {
	const { params: q, malformed } = strictParams(search);
	const o: EmbedOptions = { ...DEFAULT_EMBED };
	// the view-state decoder names malformed parts already; only the embed's own are named here
	const ignored: string[] = malformed.filter((k) => EMBED_KEYS.includes(k));
	const legend = q.get('legend');
	if (legend !== null) {
		if (legend === 'full' || legend === 'compact' || legend === 'none') o.legend = legend;
		else ignored.push('legend');
	}
	const controls = q.get('controls');
	if (controls !== null) {
		if (controls === '1' || controls === '0') o.controls = controls === '1';
		else ignored.push('controls');
	}
	const inter = q.get('interaction');
	if (inter !== null) {
		if (inter === 'static' || inter === 'cooperative' || inter === 'full') o.interaction = inter;
		else ignored.push('interaction');
	}
	const title = q.get('title');
	if (title !== null) o.title = title.slice(0, MAX_TEXT);
	const caption = q.get('caption');
	if (caption !== null) o.caption = caption.slice(0, MAX_TEXT);
	return { options: o, ignored };
}

export function viewUrl(siteRoot: string, s: AtlasState): string {
	return `${siteRoot}/?${encodeToString(s)}`;
}

export function embedUrl(siteRoot: string, s: AtlasState, o: EmbedOptions): string {
	const extra = encodeEmbed(o);
	return `${siteRoot}/embed/?${encodeToString(s)}${extra ? '&' + extra : ''}`;
}

const escAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeSnippet(url: string, size: { mode: 'fixed'; width: number; height: number } | { mode: 'responsive'; ratio: number }, title: string): string {
	const t = escAttr(title || 'Open Platforms Atlas');
	if (size.mode === 'fixed')
		return `<iframe src="${escAttr(url)}" width="${size.width}" height="${size.height}" title="${t}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
	const pad = (100 / size.ratio).toFixed(2);
	return `<div style="position:relative;width:100%;padding-top:${pad}%"><iframe src="${escAttr(url)}" title="${t}" style="position:absolute;inset:0;width:100%;height:100%;border:0" loading="lazy" allow="fullscreen"></iframe></div>`;
}
