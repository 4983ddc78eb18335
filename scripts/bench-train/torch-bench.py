"""bench:train's PyTorch row: the book's small CNN (conv 3x3 32, no bias -> BatchNorm -> ReLU -> 2x2 max pool;
the same with 64; dense 64 ReLU; dense 10), Adam 1e-3, softmax cross-entropy, batch 64, on random seeded images,
timed like the TypeScript bench: one warm-up rep, then `reps` reps of `steps` steps each, the loss read once per rep.
Prints one JSON line: {"device", "imagesPerSecond": [...]}. Usage: python3 torch-bench.py REPS STEPS BATCH"""
import json, sys, time
import torch
from torch import nn

reps, steps, batch = (int(a) for a in sys.argv[1:4])
dev = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
torch.manual_seed(1)
block = lambda cin, cout: [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout, eps=1e-3, momentum=0.01), nn.ReLU(), nn.MaxPool2d(2)]
model = nn.Sequential(*block(1, 32), *block(32, 64), nn.Flatten(), nn.Linear(64 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10)).to(dev)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.rand(steps * batch, 1, 28, 28, device=dev)
y = torch.arange(steps * batch, device=dev) % 10
lossf = nn.CrossEntropyLoss()

def rep():
    t0 = time.perf_counter()
    loss = None
    for s in range(steps):
        opt.zero_grad(set_to_none=True)
        loss = lossf(model(x[s * batch:(s + 1) * batch]), y[s * batch:(s + 1) * batch])
        loss.backward()
        opt.step()
    loss.item()  # one read per rep, as ours: it waits for the device
    return steps * batch / (time.perf_counter() - t0)

rep()
name = torch.cuda.get_device_name(0) if dev.type == 'cuda' else 'cpu'
print(json.dumps({'device': name, 'imagesPerSecond': [rep() for _ in range(reps)]}))
