import type { FeatureOptions } from './features';
import { TextClassifier } from './model';

// Compact binary form: "GDC1", u32 header length, JSON header {labels, features, terms, classes},
// the terms as UTF-8 joined by "\n", idf as float32, bias as float32, one float32 scale per class
// and the weights quantised to int8 (weight ≈ q × scale of its class). Little-endian.

const MAGIC = 0x31434447; // "GDC1"

export function serializeModel(m: TextClassifier): Uint8Array {
  const C = m.labels.length;
  const V = m.vocab.terms.length;
  const terms = new TextEncoder().encode(m.vocab.terms.join('\n'));
  const header = new TextEncoder().encode(JSON.stringify({ labels: m.labels, features: m.features, terms: V, termBytes: terms.length, ...(Number.isFinite(m.unknownBelow) ? { unknownBelow: m.unknownBelow } : {}) }));
  const scale = new Float32Array(C);
  for (let k = 0; k < m.weights.length; k++) {
    const a = Math.abs(m.weights[k]);
    const c = k % C;
    if (a > scale[c]) scale[c] = a;
  }
  for (let c = 0; c < C; c++) scale[c] = scale[c] / 127 || 1;
  const q = new Int8Array(V * C);
  for (let k = 0; k < q.length; k++) q[k] = Math.round(m.weights[k] / scale[k % C]);
  const size = 8 + header.length + terms.length + pad4(header.length + terms.length) + 4 * V + 4 * C + 4 * C + q.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.length, true);
  let at = 8;
  out.set(header, at);
  at += header.length;
  out.set(terms, at);
  at += terms.length + pad4(header.length + terms.length);
  for (const arr of [m.vocab.idf, m.bias, scale]) {
    for (let i = 0; i < arr.length; i++) view.setFloat32(at + 4 * i, arr[i], true);
    at += 4 * arr.length;
  }
  out.set(new Uint8Array(q.buffer), at);
  return out;
}

export function deserializeModel(bytes: Uint8Array): TextClassifier {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('Not a Gongdan classifier model');
  const headerLength = view.getUint32(4, true);
  let at = 8;
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headerLength))) as { labels: string[]; features: FeatureOptions; terms: number; termBytes: number; unknownBelow?: number };
  at += headerLength;
  const termText = new TextDecoder().decode(bytes.subarray(at, at + h.termBytes));
  const terms = h.terms === 0 ? [] : termText.split('\n');
  at += h.termBytes + pad4(headerLength + h.termBytes);
  const C = h.labels.length;
  const V = h.terms;
  const floats = (n: number) => {
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = view.getFloat32(at + 4 * i, true);
    at += 4 * n;
    return a;
  };
  const idf = floats(V);
  const bias = floats(C);
  const scale = floats(C);
  const q = new Int8Array(bytes.buffer, bytes.byteOffset + at, V * C);
  const weights = new Float32Array(V * C);
  for (let k = 0; k < weights.length; k++) weights[k] = q[k] * scale[k % C];
  return new TextClassifier(h.labels, { ids: new Map(terms.map((t, i) => [t, i])), terms, idf }, weights, bias, h.features, h.unknownBelow ?? -Infinity);
}

const pad4 = (n: number) => (4 - ((8 + n) % 4)) % 4;
