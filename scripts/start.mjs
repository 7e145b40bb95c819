#!/usr/bin/env node
// `npm start`: serve the built site on http://localhost:4321, building it first when
// there is no build or when any source is newer than the build.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json'];
const BUILT = 'dist/index.html';
const PORT = process.env.PORT ?? '4321';

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map(newestChange));
if (builtAt < sourcesAt) {
  console.log(builtAt ? '[start] Sources changed since the last build; rebuilding.' : '[start] No build yet; building the site.');
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`[start] Token Lab on http://localhost:${PORT}/ (Ctrl+C to stop)`);
const server = spawn('npx', ['astro', 'preview', '--host', 'localhost', '--port', PORT], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
