import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** BASE_PATH=/sub/path npm run build deploys the static site under a sub-path. */
const base = process.env.BASE_PATH ?? '';

/** An optional online basemap (README → Configuration): its origin may be fetched from, nothing else. */
const basemapOrigin = (() => {
	try {
		return process.env.PUBLIC_BASEMAP_STYLE ? [new URL(process.env.PUBLIC_BASEMAP_STYLE).origin] : [];
	} catch {
		return [];
	}
})();

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base, relative: true },
		prerender: { entries: ['*', '/embed', '/about'] },
		/**
		 * Content-Security-Policy, written by SvelteKit as a <meta> into each prerendered page with the hashes
		 * of its inline bootstrap script, so scripts need no 'unsafe-inline'. Styles do: Svelte's style:
		 * directives and MapLibre/deck.gl set inline style attributes. MapLibre's worker is a same-origin
		 * file (setWorkerUrl in MapView.svelte), so worker-src 'self' is enough. frame-ancestors cannot be
		 * sent in a <meta>: scripts/serve.ts sends it as a header (README → Deploy).
		 */
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...basemapOrigin],
				'font-src': ['self'],
				'connect-src': ['self', ...basemapOrigin],
				'worker-src': ['self'],
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};
