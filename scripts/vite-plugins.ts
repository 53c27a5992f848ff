/**
 * Build-time plugins for the shipped JavaScript (issue #16, items 12 and 13).
 *
 * noCdnUrls: loaders.gl (pulled in by deck.gl) builds worker and library URLs on unpkg.com when no URL is
 * configured. The atlas uses no loaders.gl worker or library, and loads nothing from a third party, so
 * those defaults are removed from the source at build: a worker without a workerUrl now fails with a
 * message instead of fetching code from a CDN. The build fails if a pattern is no longer found (a
 * loaders.gl upgrade moved it), and tests/unit/build-urls.test.ts scans build/ for any URL that remains.
 *
 * thirdPartyNotices: rollup-plugin-license (the maintained licence collector for rollup; it reads each
 * bundled package's package.json, LICENSE and NOTICE files) over the client build's chunks, written to
 * THIRD_PARTY_NOTICES.txt at the site root; each chunk gets a one-line comment pointing to it.
 */
import type { Plugin } from 'vite';
import license from 'rollup-plugin-license';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const STRIP: { file: string; from: string; to: string }[] = [
	{
		file: '/@loaders.gl/worker-utils/dist/lib/worker-api/get-worker-url.js',
		from: 'url = `https://unpkg.com/@loaders.gl/${worker.module}${versionTag}/dist/${workerFile}`;',
		to: 'throw new Error(`loaders.gl worker "${worker.id}" has no workerUrl (this build loads no code from a CDN)`);'
	},
	{
		file: '/@loaders.gl/core/dist/lib/loader-utils/option-defaults.js',
		from: "CDN: 'https://unpkg.com/@loaders.gl',",
		to: 'CDN: null,'
	}
];

export function noCdnUrls(): Plugin {
	const seen = new Set<string>();
	return {
		name: 'atlas-no-cdn-urls',
		apply: 'build',
		enforce: 'pre',
		transform(code, id) {
			const rule = STRIP.find((r) => id.replace(/\\/g, '/').split('?')[0].endsWith(r.file));
			if (!rule) return null;
			if (!code.includes(rule.from)) this.error(`noCdnUrls: "${rule.from}" not found in ${id}; update scripts/vite-plugins.ts`);
			seen.add(rule.file);
			return { code: code.replace(rule.from, rule.to), map: null };
		}
	};
}

const NOTICES = 'THIRD_PARTY_NOTICES.txt';
type Ctx = { environment?: { config?: { consumer?: string } } };
const isClient = (ctx: unknown) => (ctx as Ctx).environment?.config?.consumer !== 'server';

/**
 * Code generated into src/ from a package (so not seen as a node_modules module): Paraglide compiles its
 * runtime into src/lib/paraglide/.
 */
const GENERATED_FROM = ['@inlang/paraglide-js'];
function generatedNotices(): string[] {
	return GENERATED_FROM.map((name) => {
		// by path: the package's "exports" do not expose package.json
		const pkgPath = join(import.meta.dirname, '..', 'node_modules', name, 'package.json');
		const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
		const text = readFileSync(pkgPath.replace(/package\.json$/, 'LICENSE'), 'utf8').trim();
		return `Name: ${name}\nVersion: ${pkg.version}\nLicense: ${pkg.license}\n(its runtime is generated into the app's code: src/lib/paraglide/)\nLicense Text:\n===\n\n${text}`;
	});
}

export function thirdPartyNotices(): Plugin {
	let text = '';
	const inner = license({
		thirdParty: {
			includePrivate: false,
			output: (deps) => {
				const sorted = [...deps].sort((a, b) => String(a.name).localeCompare(String(b.name)));
				const blocks = [
					...sorted.map((d) => d.text() + (d.licenseText ? '' : '\n\n(no licence file in the package; licence as declared in its package.json)')),
					...generatedNotices()
				];
				text =
					`Open Platforms Atlas: licences of the third-party packages in the shipped JavaScript (${blocks.length} packages).\n` +
					`Generated at build by rollup-plugin-license from each package's package.json, LICENSE and NOTICE files.\n\n` +
					blocks.join('\n\n' + '-'.repeat(72) + '\n\n') +
					'\n';
			}
		}
	}) as unknown as { renderChunk: (...a: unknown[]) => unknown; generateBundle: (...a: unknown[]) => void };
	return {
		name: 'atlas-third-party-notices',
		apply: 'build',
		// a pointer in each chunk; postBanner (rolldown) is added after minification, so it is not stripped
		outputOptions(opts) {
			if (!isClient(this)) return null;
			return { ...opts, postBanner: `/*! Open Platforms Atlas. Third-party licences: ${NOTICES} at the site root. */` } as typeof opts;
		},
		renderChunk(...args) {
			if (!isClient(this)) return null;
			return inner.renderChunk.apply(this, args) as ReturnType<NonNullable<Extract<Plugin['renderChunk'], (...a: never[]) => unknown>>>;
		},
		generateBundle(...args) {
			if (!isClient(this)) return;
			inner.generateBundle.apply(this, args);
			if (!text) this.error('thirdPartyNotices: no third-party packages found in the client build');
			this.emitFile({ type: 'asset', fileName: NOTICES, source: text });
		}
	};
}
