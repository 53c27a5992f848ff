/**
 * A small static file server for the built site (npm start, the browser tests, the benchmark).
 *   PORT=4173 HOST=127.0.0.1 BASE_PATH=/sub  tsx scripts/serve.ts [dir]
 * Serves dir (default build/) under BASE_PATH, with index.html for folders and gzip when asked.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync, existsSync } from 'node:fs';
import { join, normalize, extname, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.topojson': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8'
};
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.topojson', '.geojson', '.svg', '.txt']);

export function serve(dir: string, port: number, host = '127.0.0.1', base = ''): Promise<Server> {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		if (base) {
			if (!path.startsWith(base)) {
				res.writeHead(404).end('not found');
				return;
			}
			path = path.slice(base.length) || '/';
		}
		let file = normalize(join(root, path));
		if (!file.startsWith(root)) {
			res.writeHead(403).end('forbidden');
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				res.writeHead(301, { location: `${base}${path}/` + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '') }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		if (!existsSync(file)) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
			return;
		}
		const ext = extname(file);
		const headers: Record<string, string> = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
		if (COMPRESS.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
			res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
			createReadStream(file).pipe(createGzip()).pipe(res);
		} else {
			res.writeHead(200, { ...headers, 'content-length': String(statSync(file).size) });
			createReadStream(file).pipe(res);
		}
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
