#!/usr/bin/env node
// `npm start`: builds the web UI when it is missing or older than its sources, then runs the server
// (TypeScript through tsx; no separate build step).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'packages/web');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function webNeedsBuild() {
  const built = path.join(web, 'dist/index.html');
  if (!existsSync(path.join(web, 'index.html'))) return false;
  if (!existsSync(built)) return true;
  return newestMtime(path.join(web, 'src')) > statSync(built).mtimeMs;
}

if (webNeedsBuild()) {
  console.log('构建网页界面 / building the web UI…');
  const result = spawnSync('npm', ['run', 'build', '-w', '@fangkong/web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'packages/server/src/main.ts'));
