"""Derives the demo's chat and email histories from the Anonymous Bank voice history.

The bank's data has voice calls only. The demo's chat and email queues are derived from it by
scaling, so they keep the real weekly and intraday pattern (including the 1999 holidays):
  chat  contacts per 15 minutes = round(0.30 * voice calls in those 15 minutes)
  email contacts per 15 minutes = round(0.12 * voice calls in those 15 minutes)
for the 181 days 1999-07-04 (a Sunday) .. 1999-12-31. Rounding is Python's round (half to even).
Run from this folder: python3 derive_history.py  (writes data/chat_history.csv, data/email_history.csv)
"""
import collections
import csv
import datetime

SOURCE = "data/anonymous_bank_1999_6min.csv"
FIRST = datetime.datetime(1999, 7, 4)
FACTORS = {"chat": 0.30, "email": 0.12}

voice = collections.OrderedDict()
with open(SOURCE) as f:
    for row in csv.DictReader(f):
        t = datetime.datetime.strptime(row["interval_start"], "%Y-%m-%d %H:%M")
        if t < FIRST:
            continue
        slot = t.replace(minute=t.minute // 15 * 15)
        voice[slot] = voice.get(slot, 0) + int(row["calls"])

for queue, factor in FACTORS.items():
    with open(f"data/{queue}_history.csv", "w", newline="") as out:
        out.write("interval_start,contacts\n")
        for slot, calls in voice.items():
            out.write(f"{slot:%Y-%m-%d %H:%M},{round(factor * calls)}\n")
