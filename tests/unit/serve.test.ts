/**
 * scripts/serve.ts under hostile requests (issue #16, items 1–4 and the headers of 11). The server runs on an
 * ephemeral 127.0.0.1 port over a temporary site with a sibling folder whose name starts with the root's name;
 * requests are raw (node:http with the path sent as is, or node:net), so nothing normalises them on the way.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve';

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

let tmp = '';
let server: Server;
let port = 0;
const PAGE = '<!doctype html><title>atlas</title>' + 'x'.repeat(2000);

/** One request with the path exactly as given. */
function get(path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
	return new Promise((ok, fail) => {
		const r = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		r.on('error', fail);
		r.end();
	});
}

function rawSocket(): Promise<Socket> {
	return new Promise((ok, fail) => {
		const s = connect(port, '127.0.0.1', () => ok(s));
		s.on('error', fail);
	});
}

beforeAll(async () => {
	tmp = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
	const site = join(tmp, 'build');
	mkdirSync(join(site, 'embed'), { recursive: true });
	mkdirSync(join(tmp, 'build-other'));
	writeFileSync(join(site, 'index.html'), PAGE);
	writeFileSync(join(site, 'embed', 'index.html'), '<!doctype html><title>embed</title>');
	writeFileSync(join(site, 'app.js'), 'console.log(1);'.repeat(200));
	writeFileSync(join(tmp, 'build-other', 'secret.txt'), 'TOP SECRET');
	server = await serve(site, 0, '127.0.0.1', '', { headersTimeout: 800, requestTimeout: 3000, connectionsCheckingInterval: 200 });
	port = (server.address() as { port: number }).port;
});
afterAll(() => {
	server?.closeAllConnections();
	server?.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('serve.ts: malformed paths do not stop it (1)', () => {
	for (const path of ['/%', '/%E0%A4%A', '/%ZZ', '/embed/%', '/%00', '/a%00.html'])
		it(`${path} → 400, and the server still answers`, async () => {
			expect((await get(path)).status).toBe(400);
			expect((await get('/')).status).toBe(200);
		});
});

describe('serve.ts: nothing outside the served folder (2)', () => {
	for (const path of ['/..%2fbuild-other%2fsecret.txt', '/../build-other/secret.txt', '/%2e%2e/build-other/secret.txt', '/..%5cbuild-other%5csecret.txt', '/embed/..%2f..%2fbuild-other%2fsecret.txt'])
		it(`${path} is refused`, async () => {
			const a = await get(path);
			expect(a.status).toBeGreaterThanOrEqual(400);
			expect(a.body.toString()).not.toContain('TOP SECRET');
		});
});

describe('serve.ts: redirects stay on this site (3)', () => {
	const cases: [string, string][] = [
		['/embed', '/embed/'],
		['/embed?tour=a&step=1', '/embed/?tour=a&step=1'],
		['/%2F%2Fevil.example%2F..%2Fembed', '/embed/'],
		['//evil.example/../embed', '/embed/'],
		['/%5C%5Cevil.example%2F..%2Fembed', '/embed/'],
		['/./embed', '/embed/']
	];
	for (const [path, want] of cases)
		it(`${path} → 301 ${want}`, async () => {
			const a = await get(path);
			expect(a.status).toBe(301);
			const loc = String(a.headers.location);
			expect(loc).toBe(want);
			expect(new URL(loc, `http://127.0.0.1:${port}/x/`).origin).toBe(`http://127.0.0.1:${port}`);
		});
});

describe('serve.ts: GET and HEAD only, bodies unread, q-values honoured, slow clients bounded (4)', () => {
	for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])
		it(`${method} → 405 with Allow`, async () => {
			const a = await get('/', { method });
			expect(a.status).toBe(405);
			expect(a.headers.allow).toBe('GET, HEAD');
			expect(a.body.toString()).not.toContain('atlas');
		});

	it('HEAD → 200 with the headers and no body', async () => {
		const a = await get('/', { method: 'HEAD' });
		expect(a.status).toBe(200);
		expect(a.headers['content-length']).toBe(String(PAGE.length));
		expect(a.body.length).toBe(0);
	});

	const enc: [string, boolean][] = [
		['gzip', true],
		['gzip, deflate, br', true],
		['gzip;q=0', false],
		['gzip;q=0, identity', false],
		['identity', false],
		['br', false],
		['*', true],
		['*;q=0, identity', false]
	];
	for (const [accept, gz] of enc)
		it(`Accept-Encoding: ${accept} → ${gz ? 'gzip' : 'identity'}`, async () => {
			const a = await get('/app.js', { headers: { 'accept-encoding': accept } });
			expect(a.status).toBe(200);
			expect(a.headers['content-encoding']).toBe(gz ? 'gzip' : undefined);
			expect((gz ? gunzipSync(a.body) : a.body).toString()).toBe('console.log(1);'.repeat(200));
		});

	for (const method of ['POST', 'GET'])
		it(`a ${method} announcing a 200 MB body is answered without reading it, and the connection is closed`, async () => {
			const s = await rawSocket();
			let got = '';
			s.on('data', (c) => (got += c.toString('latin1')));
			const closed = new Promise<void>((ok) => s.on('close', () => ok()));
			s.write(`${method} / HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/octet-stream\r\ncontent-length: ${200 * 1024 * 1024}\r\n\r\n`);
			s.write(Buffer.alloc(64 * 1024)); // 64 KiB of the announced 200 MiB, then nothing more
			// the server closes the connection itself instead of waiting for the rest of the body
			// (were it waiting, this would only end at the test's safety limit)
			await closed;
			expect(got.split('\r\n')[0]).toBe(method === 'POST' ? 'HTTP/1.1 405 Method Not Allowed' : 'HTTP/1.1 200 OK');
		});

	it('keeps answering while 200 slow clients hold connections, and drops them after the header timeout', async () => {
		const slow: Socket[] = [];
		const closedAt: number[] = [];
		const t0 = Date.now();
		for (let i = 0; i < 200; i++) {
			const s = await rawSocket();
			s.resume(); // read, so the server's close is seen
			s.on('close', () => closedAt.push(Date.now() - t0));
			s.write('GET / HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slow: '); // headers never finished
			slow.push(s);
		}
		try {
			const answers = await Promise.all(Array.from({ length: 20 }, () => get('/')));
			expect(answers.map((a) => a.status), '20 ordinary requests among 200 stalled ones').toEqual(Array(20).fill(200));
			// the stalled clients are dropped by the server (headersTimeout), not kept for ever
			await expect.poll(() => closedAt.length, { timeout: 30_000, interval: 100 }).toBe(200);
		} finally {
			for (const s of slow) s.destroy();
		}
	}, 60_000);
});

describe('serve.ts: security headers (11)', () => {
	const cases: [string, boolean][] = [
		['/', true],
		['/app.js', true],
		['/nope', true],
		['/embed/', false],
		['/embed/?tour=a', false]
	];
	for (const [path, framedBySelfOnly] of cases)
		it(`${path}: nosniff, referrer policy${framedBySelfOnly ? ', frame-ancestors self' : ', embeddable anywhere'}`, async () => {
			const a = await get(path);
			expect(a.headers['x-content-type-options']).toBe('nosniff');
			expect(a.headers['referrer-policy']).toBe('no-referrer');
			if (framedBySelfOnly) {
				expect(a.headers['content-security-policy']).toBe("frame-ancestors 'self'");
				expect(a.headers['x-frame-options']).toBe('SAMEORIGIN');
			} else {
				expect(a.headers['content-security-policy']).toBeUndefined();
				expect(a.headers['x-frame-options']).toBeUndefined();
			}
		});
});
