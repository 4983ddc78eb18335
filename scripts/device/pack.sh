#!/bin/sh
# Packs what the GPU benchmarks need on a machine with a GPU and no Node/npm (the `device` machine of this
# workplace): the Node 22 binary, Dawn's dawn.node and the benchmark scripts bundled with esbuild, xz-compressed in
# .dev/ (ignored by git; the call carries .dev/node.xz, .dev/dawn.node.xz, .dev/pkg.tar.xz and .gl). The Vulkan
# loader and GLVND come as Debian debs in .gl/ (see the device README). Run from the repository root; on the
# machine: sh scripts/device/run.sh
set -e
rm -rf .dev/pkg && mkdir -p .dev/pkg/node_modules/webgpu/dist/linux-x64 .dev/pkg/bench-train
[ -s .dev/node.xz ] || xz -T2 -6 -c node_modules/node/bin/node > .dev/node.xz
[ -s .dev/dawn.node.xz ] || xz -T2 -6 -c node_modules/webgpu/dist/linux-x64/dawn.node > .dev/dawn.node.xz
cp node_modules/webgpu/index.js node_modules/webgpu/package.json .dev/pkg/node_modules/webgpu/
cp scripts/bench-train/torch-bench.py .dev/pkg/bench-train/
for s in bench-train bench-lab bench-playground-node; do
  npx esbuild "scripts/$s.mts" --bundle --platform=node --format=esm --target=node22 --log-level=warning \
    --external:webgpu --external:esbuild --external:@playwright/test --external:playwright \
    --banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" \
    --outfile=".dev/pkg/$s.mjs"
done
tar -cJf .dev/pkg.tar.xz -C .dev pkg
du -sh .dev/*.xz .gl
