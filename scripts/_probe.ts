import { serve } from '/work/main/scripts/serve';
import { launch } from '/work/main/tests/e2e/browser';
async function main() {
const srv = await serve('/work/main/build', 0);
const base = `http://127.0.0.1:${(srv.address() as any).port}`;
const b = await launch();
const urls = process.argv.slice(2);
for (const u of urls) {
  const ctx = await b.newContext(); const p = await ctx.newPage();
  const errs: string[] = [];
  p.on('pageerror', (e) => errs.push(e.message + ' @ ' + (e.stack ?? '').split('\n').slice(0,4).join(' | ')));
  p.on('console', (m) => { if (m.type() === 'error') errs.push('console: ' + m.text()); });
  await p.goto(base + u);
  await p.waitForFunction(() => document.querySelector('.notice, [role=alert], .maplibregl-canvas'), null, { timeout: 60000 }).catch(() => {});
  console.log(u, '=>', await p.evaluate(() => location.search + location.hash), JSON.stringify(errs), await p.locator('.notice').allInnerTexts());
  await ctx.close();
}
await b.close(); srv.close();
}
main();
