/**
 * `npm test`: everything a fresh clone needs to prove the book works — Debian's Chromium (installed with
 * apt-get when missing), unit tests, a production build, then the browser tests on webgpu and fallback.
 * Extra arguments go to Playwright (e.g. `npm test -- tests/e2e/conv-playground.spec.ts`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync(chromium)) {
  console.log(`${chromium} is missing: installing Debian's chromium with apt-get.`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args: string[]) => execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core']);
}

const extra = process.argv.slice(2);
if (extra.length === 0) run('npx', ['vitest', 'run']);
run('npx', ['astro', 'build'], { ASTRO_TELEMETRY_DISABLED: '1' });
run('npx', ['playwright', 'test', ...extra]);
