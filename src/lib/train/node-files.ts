/** File readers and writers for model folders in Node (pretraining, tests). Never imported by pages. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileReader, FileWriter } from './model-io.ts';

export function dirReader(dir: string): FileReader {
  return async (name) => {
    const b = await readFile(join(dir, name));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
}

export function dirWriter(dir: string): FileWriter {
  return async (name, data) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), data);
  };
}
