#!/usr/bin/env node
// `npm start`: serve the built site on http://localhost:4321, building it first when
// there is no build or when any source is newer than the build.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['content', 'src', 'public', 'astro.config.mjs', 'package-lock.json'];
const BUILT = 'dist/index.html';
const PORT = process.env.PORT ?? '4321';
// Read before the build, which can outlast a parent that is stopped meanwhile.
const PARENT = process.ppid;

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
  if (process.ppid !== PARENT) process.exit(143);
}

console.log(`[start] Token Lab on http://localhost:${PORT}/ (Ctrl+C to stop)`);
// astro directly (not through npx, which does not pass SIGTERM on), in a process group of its
// own, so a stop signal ends the whole server: `kill <npm start's pid>` used to leave
// `astro preview` holding the port.
const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
const server = spawn(process.execPath, [astro, 'preview', '--host', 'localhost', '--port', PORT], { stdio: 'inherit', detached: true });
function stop(signal) {
  try {
    process.kill(-server.pid, signal);
  } catch {
    // The group is already gone.
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// `kill <pid of npm start>` ends npm without passing the signal on (npm 10 here), which would
// leave this script and the server running: when the parent goes, stop too.
setInterval(() => {
  if (process.ppid !== PARENT) stop('SIGTERM');
}, 500).unref();
server.on('exit', (code) => process.exit(code ?? 0));
