/**
 * The engine in Node (pretraining, benchmarks): WebGPU through the `webgpu` package (Dawn), then the same
 * `getEngine()` the browser uses, so training code has one path. Node-only: never import it from a page.
 *
 * Dawn loads the Vulkan loader `libvulkan.so.1` with dlopen. Where the system has none, Chromium's copy works,
 * but the library path is read once at process start — hence `relaunchWithVulkan()` for scripts. Without a
 * real GPU's Vulkan driver we point Vulkan at SwiftShader (Debian's lavapipe is rejected by Dawn).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { getEngine } from './engine.ts';
import { getScope } from './scope.ts';
import type { Engine } from './types.ts';

const CHROMIUM_DIR = '/usr/lib/chromium';
const SWIFTSHADER_ICD = `${CHROMIUM_DIR}/vk_swiftshader_icd.json`;
const LOADER_DIRS = ['/usr/lib/x86_64-linux-gnu', '/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/local/lib'];
const ICD_DIRS = ['/usr/share/vulkan/icd.d', '/etc/vulkan/icd.d', '/usr/local/share/vulkan/icd.d'];

/**
 * Vulkan drivers (ICD manifests) in `dirs` that Dawn can use. Lavapipe (Mesa's software Vulkan, `libvulkan_lvp`)
 * is installed by many Debian desktops but rejected by Dawn: counting it as a driver left Node on the CPU backend.
 */
export function usableIcds(dirs: string[] = ICD_DIRS): string[] {
  return dirs.flatMap((d) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.json')).map((f) => `${d}/${f}`) : []))
    .filter((file) => !/lvp|lavapipe/i.test(`${file} ${icdLibrary(file)}`));
}

function icdLibrary(file: string): string {
  try {
    return String((JSON.parse(readFileSync(file, 'utf8')) as { ICD?: { library_path?: string } }).ICD?.library_path ?? '');
  } catch {
    return '';
  }
}

/** The environment variables this process lacks for Dawn to find Vulkan ({} when it has them). */
export function vulkanEnv(env: NodeJS.ProcessEnv = process.env, icdDirs: string[] = ICD_DIRS): Record<string, string> {
  const out: Record<string, string> = {};
  const libPath = (env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean);
  const hasLoader = [...libPath, ...LOADER_DIRS].some((d) => existsSync(`${d}/libvulkan.so.1`));
  if (!hasLoader && existsSync(`${CHROMIUM_DIR}/libvulkan.so.1`)) out.LD_LIBRARY_PATH = [...libPath, CHROMIUM_DIR].join(':');
  const hasDriver = usableIcds(icdDirs).length > 0;
  if (!env.VK_ICD_FILENAMES && !env.VK_DRIVER_FILES && !hasDriver && existsSync(SWIFTSHADER_ICD)) out.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  return out;
}

/**
 * Call first thing in a script: when the Vulkan loader path is missing, runs this same script again with it
 * (stdio shared) and exits with its status. Returns normally when nothing was needed.
 */
export function relaunchWithVulkan(): void {
  const add = vulkanEnv();
  if (!add.LD_LIBRARY_PATH || process.env.FM_VULKAN_RELAUNCHED) return;
  const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit', env: { ...process.env, ...add, FM_VULKAN_RELAUNCHED: '1' },
  });
  process.exit(r.status ?? 1);
}

let installed = false;

/** Installs WebGPU's globals and `navigator.gpu` from Dawn (once), then returns the shared engine. */
export async function getNodeEngine(): Promise<Engine> {
  if (!installed) {
    Object.assign(process.env, { ...vulkanEnv(), ...process.env });
    try {
      const { create, globals } = await import('webgpu');
      Object.assign(globalThis, globals);
      const gpu = create([]);
      Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: `Node.js ${process.version}` }, configurable: true, writable: true });
    } catch (err) {
      // The engine will then report that WebGPU is missing and fall back to the CPU, saying why.
      console.warn(`WebGPU for Node is unavailable: ${(err as Error).message}`);
    }
    // tfjs-backend-webgpu checks for a window-like global when it registers itself.
    (globalThis as { window?: unknown }).window ??= globalThis;
    installed = true;
  }
  // The scope registers and checks our WebGPU kernels (and the fast filter gradient the training loop relies on).
  return (await getScope()).engine;
}
