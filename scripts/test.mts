/**
 * `npm test`: everything a fresh clone needs to prove the book works — Debian's Chromium, its CJK fonts, Fashion-MNIST and Java
 * (installed with apt-get when missing), unit tests, a production build (and one under the sub-path /book/), then
 * the browser tests on webgpu and fallback.
 * Extra arguments go to Playwright (e.g. `npm test -- tests/e2e/conv-playground.spec.ts`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Debian packages the tests need: the browser with its fonts (Noto CJK draws the Chinese edition: the reader's
// system CJK fonts are all the book uses), Fashion-MNIST's official files (the data tests re-pack from them), and
// Java for the Nu HTML Checker.
const hasJava = spawnSync('java', ['-version']).status === 0;
const hasCjkFont = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
const missing = [
  ...(existsSync(chromium) ? [] : ['chromium', 'fonts-dejavu-core']),
  ...(hasCjkFont ? [] : ['fonts-noto-cjk']),
  ...(existsSync('/usr/share/datasets/fashion-mnist') ? [] : ['dataset-fashion-mnist']),
  ...(hasJava ? [] : ['default-jre-headless']),
];
if (missing.length > 0) {
  console.log(`Installing Debian packages the tests need: ${missing.join(', ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args: string[]) => execFileSync(sudo[0] ?? 'apt-get', [...(sudo.length ? ['apt-get'] : []), ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...missing]);
}

const extra = process.argv.slice(2);
if (extra.length === 0) run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.reports/unit.json']);
run('npx', ['astro', 'build'], { ASTRO_TELEMETRY_DISABLED: '1' });
// The same book for a sub-path, as a school's server would hold it (tests/e2e/base-path.spec.ts serves it at /book/).
run('npx', ['astro', 'build', '--outDir', 'dist-book'], { ASTRO_TELEMETRY_DISABLED: '1', FM_BASE: '/book/' });
run('npx', ['playwright', 'test', ...extra]);

// One closing line for people and CI: every test that ran, unit and browser together.
const count = (file: string, read: (j: any) => [number, number]): [number, number] => {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return [0, 0];
  }
};
const unit = extra.length === 0 ? count('.reports/unit.json', (j) => [j.numPassedTests, j.numFailedTests]) : [0, 0];
const e2e = count('.reports/e2e.json', (j) => [j.stats.expected + j.stats.flaky, j.stats.unexpected]);
console.log(`\n${unit[0] + e2e[0]} passed, ${unit[1] + e2e[1]} failed`);
