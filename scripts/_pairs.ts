import { readFileSync } from 'node:fs';
import { featuresFromTopology } from '../src/lib/data/load';
import { prepareLayers } from '../src/lib/map/prepare';
const feats = featuresFromTopology(JSON.parse(readFileSync('build/data/atlas.topojson', 'utf8')));
const pts = prepareLayers(feats).points.filter((p) => p.rank === 0);
console.log('rank0 points', pts.length);
for (let a = 0; a < pts.length; a++) for (let b = a + 1; b < pts.length; b++) {
	const dx = (pts[a].position[0] - pts[b].position[0]) * 728 * Math.cos((30.6 * Math.PI) / 180) / Math.cos((30.6 * Math.PI) / 180);
	const dy = (pts[a].position[1] - pts[b].position[1]) * 728 / Math.cos((30.6 * Math.PI) / 180);
	const d = Math.hypot(dx, dy);
	if (d < 30) console.log(pts[a].id, pts[b].id, d.toFixed(1), 'px at z9');
}
