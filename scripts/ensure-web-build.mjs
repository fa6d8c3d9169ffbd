#!/usr/bin/env node
// Run by `npm start` (scripts/start.mjs) before the server, or alone: builds the web console
// (packages/web → dist) when dist is missing or its sources, config or the lockfile changed since the
// last build (a hash kept in dist/.build-stamp). Prints one line; a no-op costs a few milliseconds of hashing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

/**
 * Builds the console if it is out of date; resolves once there is nothing more to do (a failed build is
 * reported, not thrown: the API still starts, with the previous build if there is one). A stop signal
 * during a build ends the build and then this process.
 */
export async function ensureWebBuild() {
  const hash = sourceHash();
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (existsSync(join(dist, 'index.html')) && stamp === hash) {
    console.log(`web console: up to date (${relative(root, dist)})`);
    return;
  }

  const started = Date.now();
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const status = existsSync(vite) ? await build(vite) : 1;
  if (status === 0) {
    writeFileSync(stampFile, `${hash}\n`);
    console.log(`web console: built ${relative(root, dist)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } else {
    // the API still starts; the console is served from the previous build if there is one
    console.error(`web console: build FAILED${existsSync(vite) ? '' : ' (vite is not installed: run npm install)'}; ${existsSync(join(dist, 'index.html')) ? 'serving the previous build' : 'no console will be served'}`);
  }
}

function build(vite) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'error'], { cwd: web, stdio: ['ignore', 'ignore', 'inherit'] });
    const stop = (signal) => {
      child.kill(signal);
      child.once('exit', () => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    child.once('exit', (code) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(code ?? 1);
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await ensureWebBuild();
