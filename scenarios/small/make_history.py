"""Writes history.csv for the small end-to-end scenario: four weeks (2026-02-02 .. 2026-03-01) of
30-minute voice and chat contacts with a weekday/weekend pattern, a midday peak and deterministic
noise (seed 7). Run: python3 make_history.py > history.csv"""
import math
import random

random.seed(7)
print("interval_start,queue,contacts,aht_seconds")
for day in range(28):
    date = f"2026-02-{day + 2:02d}" if day < 27 else "2026-03-01"
    weekday = day % 7  # 0 = Monday
    level = 1.0 if weekday < 5 else 0.45
    for slot in range(16, 40):  # 08:00 .. 19:30
        hour = slot / 2
        shape = 0.6 + math.exp(-((hour - 11) ** 2) / 6) + 0.7 * math.exp(-((hour - 16) ** 2) / 5)
        stamp = f"{date}T{slot // 2:02d}:{30 * (slot % 2):02d}+03:00"
        voice = max(0, round(random.gauss(7 * level * shape, 1.5)))
        chat = max(0, round(random.gauss(3 * level * shape, 1)))
        print(f"{stamp},voice,{voice},{round(random.gauss(240, 15))}")
        print(f"{stamp},chat,{chat},{round(random.gauss(600, 40))}")
