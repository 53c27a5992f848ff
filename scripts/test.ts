/**
 * npm test: the whole suite (unit + real-browser) in one vitest run, then one plain closing line
 * "N passed, N failed, N skipped" that CI reads. Exit code is vitest's.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
mkdirSync(join(root, 'test-output'), { recursive: true });
const report = join(root, 'test-output', 'vitest-report.json');
const r = spawnSync(
	process.execPath,
	[join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
	{ cwd: root, stdio: 'inherit' }
);
let passed = 0, failed = 0, skipped = 0;
try {
	const j = JSON.parse(readFileSync(report, 'utf8'));
	passed = j.numPassedTests;
	failed = j.numFailedTests;
	skipped = j.numPendingTests + (j.numTodoTests ?? 0);
	for (const f of j.testResults ?? []) if (f.status === 'failed' && (f.assertionResults ?? []).length === 0) failed++;
} catch {
	failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(r.status ?? 1);
