#!/bin/sh
# On the device machine, from the repository root, with .gl and .dev/*.xz carried (scripts/device/pack.sh): unpacks
# the Vulkan loader, Node and Dawn, then runs the GPU benchmarks in Node + Dawn on the GPU (PyTorch beside them in
# bench:train), each bounded in time; the output goes to $OUT.
for f in .gl/*.deb; do dpkg -x "$f" /; done; ldconfig
export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json VK_ICD_FILENAMES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
mkdir -p /tmp/fm && xz -dc .dev/node.xz > /tmp/fm/node && chmod +x /tmp/fm/node
tar -xJf .dev/pkg.tar.xz -C .dev && xz -dc .dev/dawn.node.xz > .dev/pkg/node_modules/webgpu/dist/linux-x64/dawn.node
N=/tmp/fm/node; OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader; $N --version; nproc
timeout 100 $N .dev/pkg/bench-playground-node.mjs --reps 30 2>&1 | tee "$OUT/playground.txt"
grep -q 'engine: webgpu' "$OUT/playground.txt" || { ls -la /usr/local/nvidia/share/vulkan/icd.d/ /usr/lib/x86_64-linux-gnu/libvulkan* ; cat /usr/local/nvidia/share/vulkan/icd.d/*.json; exit 3; }
timeout ${TRAIN_S:-200} $N .dev/pkg/bench-train.mjs --only node --reps 5 --steps 20 --loop-steps 24 2>&1 | tee "$OUT/train.txt"
timeout ${LAB_S:-120} $N .dev/pkg/bench-lab.mjs --only node --reps 3 2>&1 | tee "$OUT/lab.txt"
