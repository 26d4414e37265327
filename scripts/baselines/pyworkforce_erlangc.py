"""Same-machine baseline for the staffing benchmark (issue 2): pyworkforce's ErlangC.required_positions.

Run: python3 -m venv /tmp/pwf && /tmp/pwf/bin/pip install pyworkforce && /tmp/pwf/bin/python scripts/baselines/pyworkforce_erlangc.py
Loads 1-500 erlangs in 15-minute intervals, AHT 180 s, SL 80/20, max occupancy 85 %, as in
Benchmarks/StaffingBenchmarks. Measured here (2026-11-22, pyworkforce 0.5.1): 0.333 ms per interval.
"""
import random
import time

from pyworkforce.queuing import ErlangC

random.seed(1)
n = 2000
loads = [random.uniform(1, 500) for _ in range(n)]
t0 = time.perf_counter()
for a in loads:
    # pyworkforce works in minutes: transactions per 15-minute interval, AHT 3 min, ASA threshold 20 s.
    e = ErlangC(transactions=a * 900 / 180, aht=3, asa=20 / 60, interval=15, shrinkage=0.3)
    e.required_positions(service_level=0.8, max_occupancy=0.85)
dt = time.perf_counter() - t0
print(f"pyworkforce {n} intervals: {dt:.3f} s, {dt / n * 1000:.3f} ms per interval")
