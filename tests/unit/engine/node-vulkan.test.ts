import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usableIcds, vulkanEnv } from '../../../src/lib/engine/node.ts';

/** A folder of Vulkan ICD manifests as Debian installs them. */
function icdDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fm-icd-'));
  for (const [name, library] of Object.entries(files)) {
    writeFileSync(join(dir, name), JSON.stringify({ file_format_version: '1.0.0', ICD: { library_path: library, api_version: '1.3.0' } }));
  }
  return dir;
}

describe('usableIcds', () => {
  it('does not count lavapipe (Dawn rejects it), by file name or by library', () => {
    const dir = icdDir({ 'lvp_icd.x86_64.json': '/usr/lib/x86_64-linux-gnu/libvulkan_lvp.so', 'mesa.json': 'libvulkan_lvp.so' });
    expect(usableIcds([dir])).toEqual([]);
  });
  it('counts a hardware driver next to lavapipe', () => {
    const dir = icdDir({ 'lvp_icd.x86_64.json': 'libvulkan_lvp.so', 'nvidia_icd.json': 'libGLX_nvidia.so.0' });
    expect(usableIcds([dir])).toEqual([join(dir, 'nvidia_icd.json')]);
  });
});

describe('vulkanEnv', () => {
  // npm test installs Debian's Chromium, which ships SwiftShader's Vulkan driver.
  it('points Vulkan at SwiftShader when lavapipe is the only driver', () => {
    const dir = icdDir({ 'lvp_icd.x86_64.json': 'libvulkan_lvp.so' });
    expect(vulkanEnv({}, [dir]).VK_ICD_FILENAMES).toBe('/usr/lib/chromium/vk_swiftshader_icd.json');
  });
  it('leaves a driver chosen by hand alone', () => {
    const dir = icdDir({ 'lvp_icd.x86_64.json': 'libvulkan_lvp.so' });
    expect(vulkanEnv({ VK_DRIVER_FILES: '/x/nvidia_icd.json' }, [dir]).VK_ICD_FILENAMES).toBeUndefined();
    expect(vulkanEnv({}, [icdDir({ 'nvidia_icd.json': 'libGLX_nvidia.so.0' })]).VK_ICD_FILENAMES).toBeUndefined();
  });
});
