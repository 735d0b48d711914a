#!/usr/bin/env python3
"""Writes data/correlated.csv: 3 classes of 100 points each in 2-D, far from the origin,
stretched along one direction and rotated 30 degrees -- data on which centring, standardizing,
PCA and whitening each visibly change something (scripts/preprocessing/). Standard library only;
seeded, so the file is reproducible."""
import csv, math, random

random.seed(7)
angle = math.radians(30)
rows = []
for label, centre in enumerate([-1.0, 0.0, 1.0]):
    for _ in range(100):
        u = random.gauss(centre * 3.0, 1.2)      # long axis: the classes lie along it
        v = random.gauss(0.0, 0.4)               # short axis
        x = 6.0 + u * math.cos(angle) - v * math.sin(angle)
        y = 4.0 + u * math.sin(angle) + v * math.cos(angle)
        rows.append((round(x, 4), round(y, 4), label))
random.shuffle(rows)
with open("data/correlated.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["x1", "x2", "label"])
    w.writerows(rows)
