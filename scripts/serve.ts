/**
 * A small static file server for the built site (npm start, the browser tests, the benchmark).
 *   PORT=4173 HOST=127.0.0.1 BASE_PATH=/sub  tsx scripts/serve.ts [dir]
 * Serves dir (default build/) under BASE_PATH, with index.html for folders and gzip when asked.
 *
 * Hand-written on node:http rather than sirv (already in node_modules through @sveltejs/kit): sirv 3
 * answers every method, reads Accept-Encoding with includes('gzip') (so gzip;q=0 still gets gzip) and only
 * serves precompressed .gz files. Content negotiation, the one fiddly part, is the `negotiator` package.
 * Hardening (issue #16): GET/HEAD only, request bodies never read, malformed escapes are a 400, the
 * root check is by path segments, redirects only ever point at a normalised path of this site, and
 * timeouts bound slow clients.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createReadStream, statSync, type Stats } from 'node:fs';
import { join, normalize, extname, resolve, relative, sep, isAbsolute } from 'node:path';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Negotiator from 'negotiator';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.topojson': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	// the basemap's vector tiles (an empty tile is a zero-length file)
	'.pbf': 'application/x-protobuf',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.topojson', '.geojson', '.pbf', '.svg', '.txt']);

/**
 * Headers for every answer. The page's own CSP is a <meta> written by SvelteKit (kit.csp, hashes); a meta
 * policy cannot carry frame-ancestors, so that one part is a header here: the atlas may be framed only by
 * itself, the embed (/embed/…) by anyone. Keep this list in step with README → Deploy.
 */
export function securityHeaders(sitePath: string): Record<string, string> {
	const h: Record<string, string> = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
	if (!/^\/embed(\/|$)/.test(sitePath)) {
		h['content-security-policy'] = "frame-ancestors 'self'";
		h['x-frame-options'] = 'SAMEORIGIN'; // for browsers without CSP level 2
	}
	return h;
}

function statOrNull(p: string): Stats | null {
	try {
		return statSync(p);
	} catch {
		return null;
	}
}

/** Time limits (ms); the tests shorten them. */
export interface Limits {
	headersTimeout: number;
	requestTimeout: number;
	keepAliveTimeout: number;
	/** how often node looks for connections past headersTimeout/requestTimeout */
	connectionsCheckingInterval: number;
}
const LIMITS: Limits = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 2_000 };

export function serve(dir: string, port: number, host = '127.0.0.1', base = '', limits: Partial<Limits> = {}): Promise<Server> {
	const root = resolve(dir);
	const inside = (p: string) => {
		const r = relative(root, p);
		return r === '' || (!r.startsWith('..' + sep) && r !== '..' && !isAbsolute(r));
	};

	const handle = (req: IncomingMessage, res: ServerResponse) => {
		// a request body is never read: answer, then close the connection instead of draining it
		const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
		if (hasBody) {
			res.shouldKeepAlive = false;
			res.on('finish', () => req.socket.destroy());
		}
		const text = (status: number, body: string, extra: Record<string, string> = {}) => {
			res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...securityHeaders('/'), ...extra });
			res.end(req.method === 'HEAD' ? undefined : body);
		};
		if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'method not allowed', { allow: 'GET, HEAD' });

		// req.url is a path (origin-form); parse it by hand, since new URL() would read "//x" as a host
		const raw = req.url ?? '/';
		const q = raw.indexOf('?');
		const rawPath = q < 0 ? raw : raw.slice(0, q);
		const query = q < 0 ? '' : raw.slice(q);
		if (!rawPath.startsWith('/')) return text(400, 'bad request');
		let path: string;
		try {
			path = decodeURIComponent(rawPath);
		} catch {
			return text(400, 'bad request: malformed percent-encoding');
		}
		if (path.includes('\0')) return text(400, 'bad request');
		if (base) {
			if (path !== base && !path.startsWith(base + '/')) return text(404, 'not found');
			path = path.slice(base.length) || '/';
		}
		let file = normalize(join(root, path));
		if (!inside(file)) return text(403, 'forbidden');
		// the path inside the site, as the browser should see it (normalised, re-encoded per segment)
		const sitePath = '/' + relative(root, file).split(sep).filter(Boolean).map(encodeURIComponent).join('/');
		let st = statOrNull(file);
		if (st?.isDirectory()) {
			if (!path.endsWith('/')) {
				// built from the normalised path, so it always starts with one "/" and a segment: never "//host"
				const loc = `${base}${sitePath === '/' ? '' : sitePath}/${query}`;
				res.writeHead(301, { location: loc, 'content-length': '0', ...securityHeaders(sitePath) });
				res.end();
				return;
			}
			file = join(file, 'index.html');
			st = statOrNull(file);
		}
		if (!st?.isFile()) return text(404, 'not found');

		const ext = extname(file);
		const headers: Record<string, string> = {
			'content-type': TYPES[ext] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			...securityHeaders(sitePath)
		};
		const gzip = COMPRESS.has(ext) && new Negotiator(req).encoding(['identity', 'gzip'], { preferred: ['gzip'] }) === 'gzip';
		if (COMPRESS.has(ext)) headers.vary = 'accept-encoding';
		if (gzip) headers['content-encoding'] = 'gzip';
		else headers['content-length'] = String(st.size);
		res.writeHead(200, headers);
		if (req.method === 'HEAD') return void res.end();
		const done = (err: Error | null | undefined) => {
			if (err) res.destroy();
		};
		if (gzip) pipeline(createReadStream(file), createGzip(), res, done);
		else pipeline(createReadStream(file), res, done);
	};

	const server = createServer(
		// bounded waits: a client that trickles its headers or never reads is dropped, not waited on
		{ ...LIMITS, ...limits, maxHeaderSize: 16 * 1024 },
		(req, res) => {
			try {
				handle(req, res);
			} catch {
				// nothing a request sends may stop the server; the request alone fails
				if (!res.headersSent) res.writeHead(500).end();
				else res.destroy();
			}
		}
	);
	server.keepAliveTimeout = limits.keepAliveTimeout ?? LIMITS.keepAliveTimeout;
	server.on('clientError', (_e, socket) => {
		if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
		else socket.destroy();
	});
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, host, () => ok(server));
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2] ?? 'build';
	const port = Number(process.env.PORT ?? 4173);
	const host = process.env.HOST ?? '127.0.0.1';
	const base = process.env.BASE_PATH ?? '';
	serve(dir, port, host, base).then(() => console.log(`Open Platforms Atlas: http://${host}:${port}${base}/  (serving ${dir}/, Ctrl+C to stop)`));
}
