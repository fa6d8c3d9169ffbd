#!/usr/bin/env node
// Run by `npm start` before the server: builds the web console (packages/web → dist) when dist is
// missing or its sources, config or the lockfile changed since the last build (a hash kept in
// dist/.build-stamp). Prints one line; a no-op costs a few milliseconds of hashing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.build-stamp');
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function sourceHash() {
  const h = createHash('sha256');
  const all = [...INPUTS.flatMap((i) => files(join(web, i))), join(root, 'package-lock.json')].filter((f) => !/\.test\.tsx?$/.test(f));
  for (const f of all) {
    if (!existsSync(f)) continue;
    h.update(relative(root, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

const hash = sourceHash();
const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (existsSync(join(dist, 'index.html')) && stamp === hash) {
  console.log(`web console: up to date (${relative(root, dist)})`);
  process.exit(0);
}

const started = Date.now();
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const res = existsSync(vite)
  ? spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: web, stdio: ['ignore', 'ignore', 'inherit'] })
  : { status: 1 };
if (res.status === 0) {
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`web console: built ${relative(root, dist)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} else {
  // the API still starts; the console is served from the previous build if there is one
  console.error(`web console: build FAILED${existsSync(vite) ? '' : ' (vite is not installed: run npm install)'}; ${existsSync(join(dist, 'index.html')) ? 'serving the previous build' : 'no console will be served'}`);
}
