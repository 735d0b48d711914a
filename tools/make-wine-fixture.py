#!/usr/bin/env python3
"""Writes data/wine_train.csv and data/wine_test.csv: a small wine-like table (3 cultivars,
5 measurements on very different scales) for the pre-split data example, scripts/wine_*.nns.
Deterministic (random.seed); run once, the files are checked in."""
import random
from pathlib import Path

random.seed(23)
CULTIVARS = {  # mean and spread of alcohol, malic_acid, ash, magnesium, proline
    0: [(13.7, 0.45), (2.0, 0.7), (2.45, 0.22), (106, 10), (1115, 220)],
    1: [(12.3, 0.50), (1.9, 1.0), (2.25, 0.31), (94, 16), (520, 160)],
    2: [(13.2, 0.53), (3.3, 1.1), (2.44, 0.18), (99, 11), (630, 115)],
}
HEADER = "alcohol,malic_acid,ash,magnesium,proline,label"


def rows(count):
    out = []
    for i in range(count):
        label = i % 3
        values = [random.gauss(m, s) for m, s in CULTIVARS[label]]
        out.append(",".join(f"{v:.2f}" if k < 3 else f"{v:.0f}" for k, v in enumerate(values)) + f",{label}")
    return out


root = Path(__file__).resolve().parent.parent / "data"
(root / "wine_train.csv").write_text("\n".join([HEADER] + rows(60)) + "\n")
(root / "wine_test.csv").write_text("\n".join([HEADER] + rows(30)) + "\n")
