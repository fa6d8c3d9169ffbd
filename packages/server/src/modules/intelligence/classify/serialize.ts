import type { FeatureOptions } from './features';
import { TextClassifier } from './model';
import { WordVectors } from '../similarity/word-vectors';

// Compact binary form: "GDC1", u32 header length, JSON header {labels, features, terms, classes},
// the terms as UTF-8 joined by "\n", idf as float32, bias as float32, one float32 scale per class
// and the weights quantised to int8 (weight ≈ q × scale of its class). Little-endian.
// A model with word vectors (see doc-vectors.ts) is "GDC2": the header also holds
// dense {dimensions, words, wordBytes}, and after the int8 weights come (from a 4-byte boundary) the
// dense weights as float32 (dimensions × classes), the words as UTF-8 joined by "\n", one float32
// scale per word and its vector quantised to int8. Models without vectors stay "GDC1", byte for byte.

const MAGIC = 0x31434447; // "GDC1"
const MAGIC_DENSE = 0x32434447; // "GDC2"

export function serializeModel(m: TextClassifier): Uint8Array {
  const C = m.labels.length;
  const V = m.vocab.terms.length;
  const vectors = m.docVectors;
  const terms = new TextEncoder().encode(m.vocab.terms.join('\n'));
  const words = vectors ? [...vectors.rows.keys()].sort((a, b) => vectors.rows.get(a)! - vectors.rows.get(b)!) : [];
  const wordBytes = new TextEncoder().encode(words.join('\n'));
  const dense = vectors ? { dimensions: vectors.dimensions, words: words.length, wordBytes: wordBytes.length } : undefined;
  const header = new TextEncoder().encode(
    JSON.stringify({ labels: m.labels, features: m.features, terms: V, termBytes: terms.length, ...(Number.isFinite(m.unknownBelow) ? { unknownBelow: m.unknownBelow } : {}), ...(dense ? { dense } : {}) }),
  );
  const scale = new Float32Array(C);
  for (let k = 0; k < V * C; k++) {
    const a = Math.abs(m.weights[k]);
    const c = k % C;
    if (a > scale[c]) scale[c] = a;
  }
  for (let c = 0; c < C; c++) scale[c] = scale[c] / 127 || 1;
  const q = new Int8Array(V * C);
  for (let k = 0; k < q.length; k++) q[k] = Math.round(m.weights[k] / scale[k % C]);
  const sparseSize = 8 + header.length + terms.length + pad4(header.length + terms.length) + 4 * V + 4 * C + 4 * C + q.length;
  const D = dense?.dimensions ?? 0;
  const denseAt = sparseSize + padTo4(sparseSize);
  const wordsAt = denseAt + 4 * D * C;
  const scalesAt = wordsAt + wordBytes.length + padTo4(wordsAt + wordBytes.length);
  const size = vectors ? scalesAt + 4 * words.length + words.length * D : sparseSize;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, vectors ? MAGIC_DENSE : MAGIC, true);
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
  if (!vectors) return out;
  for (let k = 0; k < D * C; k++) view.setFloat32(denseAt + 4 * k, m.weights[V * C + k], true);
  out.set(wordBytes, wordsAt);
  const codes = new Int8Array(out.buffer, scalesAt + 4 * words.length, words.length * D);
  words.forEach((_, r) => {
    const v = vectors.data.subarray(r * D, (r + 1) * D);
    let max = 0;
    for (let d = 0; d < D; d++) max = Math.max(max, Math.abs(v[d]));
    const s = max / 127 || 1;
    view.setFloat32(scalesAt + 4 * r, s, true);
    for (let d = 0; d < D; d++) codes[r * D + d] = Math.round(v[d] / s);
  });
  return out;
}

export function deserializeModel(bytes: Uint8Array): TextClassifier {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, true);
  if (magic !== MAGIC && magic !== MAGIC_DENSE) throw new Error('Not a Gongdan classifier model');
  const headerLength = view.getUint32(4, true);
  let at = 8;
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(at, at + headerLength))) as {
    labels: string[];
    features: FeatureOptions;
    terms: number;
    termBytes: number;
    unknownBelow?: number;
    dense?: { dimensions: number; words: number; wordBytes: number };
  };
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
  at += V * C;
  const D = magic === MAGIC_DENSE && h.dense ? h.dense.dimensions : 0;
  const weights = new Float32Array((V + D) * C);
  for (let k = 0; k < V * C; k++) weights[k] = q[k] * scale[k % C];
  const vocab = { ids: new Map(terms.map((t, i) => [t, i])), terms, idf };
  if (!D || !h.dense) return new TextClassifier(h.labels, vocab, weights, bias, h.features, h.unknownBelow ?? -Infinity);
  at += padTo4(at);
  weights.set(floats(D * C), V * C);
  const n = h.dense.words;
  const words = n === 0 ? [] : new TextDecoder().decode(bytes.subarray(at, at + h.dense.wordBytes)).split('\n');
  at += h.dense.wordBytes;
  at += padTo4(at);
  const scales = floats(n);
  const codes = new Int8Array(bytes.buffer, bytes.byteOffset + at, n * D);
  const data = new Float32Array(n * D);
  for (let k = 0; k < data.length; k++) data[k] = codes[k] * scales[Math.floor(k / D)];
  const vectors = new WordVectors(D, new Map(words.map((w, r) => [w, r])), data);
  return new TextClassifier(h.labels, vocab, weights, bias, h.features, h.unknownBelow ?? -Infinity, vectors);
}

const pad4 = (n: number) => (4 - ((8 + n) % 4)) % 4;
const padTo4 = (offset: number) => (4 - (offset % 4)) % 4;
