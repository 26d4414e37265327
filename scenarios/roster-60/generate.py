#!/usr/bin/env python3
"""Writes the roster-60 scenario's data (forecast.csv, agents.csv, availability.csv).

Voice: the intraday shape of the Anonymous Bank call centre (1999, 6-minute arrivals, see
../demo/data/README.md), averaged per weekday; its busy Sunday-Thursday become Monday-Friday,
its short Friday becomes Saturday and (x0.6) Sunday. Volumes are scaled to a 60-agent centre.
Chat: the same weekday totals x CHAT_SHARE with the intraday shape shifted two hours later
(chat peaks later than voice) and smoothed. Agents and availability are drawn with a fixed seed.
Usage: python3 generate.py [path to anonymous_bank_1999_6min.csv]
"""
import csv, datetime, random, sys, collections

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "../demo/data/anonymous_bank_1999_6min.csv"
START = datetime.date(2026, 3, 2)          # a Monday
VOICE_WEEKDAY_CALLS = 1440
CHAT_SHARE = 0.45
VOICE_AHT, CHAT_AHT = 280, 540

# Mean calls per 6-minute slot, per bank weekday (Python weekday()).
slots = collections.defaultdict(float)
days = collections.defaultdict(set)
for r in csv.DictReader(open(SOURCE)):
    t = datetime.datetime.strptime(r["interval_start"], "%Y-%m-%d %H:%M")
    slots[(t.weekday(), t.hour * 60 + t.minute)] += int(r["calls"])
    days[t.weekday()].add(t.date())

def profile(bank_weekdays):
    """96 quarter-hour shares of a day from the mean of the given bank weekdays (cumulative interpolation)."""
    per_min = [0.0] * 1440
    for wd in bank_weekdays:
        for m0 in range(0, 1440, 6):
            v = slots[(wd, m0)] / len(days[wd]) / len(bank_weekdays)
            for m in range(m0, m0 + 6):
                per_min[m] += v / 6
    q = [sum(per_min[i * 15:(i + 1) * 15]) for i in range(96)]
    s = sum(q)
    return [x / s for x in q]

busy = profile([6, 0, 1, 2, 3])
short = profile([4])
plan = [(busy, 1.0)] * 5 + [(short, 0.55), (short, 0.35)]

def shifted_smoothed(p, quarters):
    r = [p[(i - quarters) % 96] for i in range(96)]
    sm = [(r[i - 1] + 2 * r[i] + r[(i + 1) % 96]) / 4 for i in range(96)]
    s = sum(sm)
    return [x / s for x in sm]

with open("forecast.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["interval_start", "queue", "contacts", "aht_seconds"])
    for d, (shape, factor) in enumerate(plan):
        date = START + datetime.timedelta(days=d)
        chat_shape = shifted_smoothed(shape, 8)
        for i in range(96):
            stamp = f"{date.isoformat()}T{i // 4:02d}:{(i % 4) * 15:02d}+01:00"
            voice = VOICE_WEEKDAY_CALLS * factor * shape[i]
            chat = VOICE_WEEKDAY_CALLS * CHAT_SHARE * factor * chat_shape[i]
            w.writerow([stamp, "voice", f"{voice:.2f}", VOICE_AHT])
            w.writerow([stamp, "chat", f"{chat:.2f}", CHAT_AHT])

rng = random.Random(60)
agents = []
plan_agents = ([("full-time", "voice")] * 22 + [("full-time", "chat")] * 7 + [("full-time", "voice|chat:2")] * 12
               + [("full-time", "chat|voice:2")] * 4 + [("night", "voice|chat:2")] * 3
               + [("part-time", "voice")] * 8 + [("part-time", "voice|chat:2")] * 4)
first = ["Anna", "Boris", "Chen", "Dana", "Emil", "Fatima", "Gita", "Hugo", "Ines", "Jonas", "Kira", "Luca",
         "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara"]
last = ["Adler", "Berg", "Costa", "Diaz", "Engel", "Fischer", "Garcia", "Horn", "Ivanova", "Jensen"]
with open("agents.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["agent_id", "name", "contract", "skills"])
    for i, (contract, skills) in enumerate(plan_agents):
        aid = f"a{i + 1:02d}"
        agents.append(aid)
        w.writerow([aid, f"{first[i % 20]} {last[(i * 7) % 10]}", contract, skills])

with open("availability.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["agent_id", "date", "start", "end", "kind"])
    for aid in rng.sample(agents, 6):          # whole days off booked (holiday, training)
        w.writerow([aid, (START + datetime.timedelta(days=rng.randrange(7))).isoformat(), "00:00", "24:00", "unavailable"])
    for aid in rng.sample(agents, 4):          # appointments: not before noon
        w.writerow([aid, (START + datetime.timedelta(days=rng.randrange(5))).isoformat(), "00:00", "12:00", "unavailable"])
    for aid in rng.sample(agents, 12):         # would rather have the day off
        w.writerow([aid, (START + datetime.timedelta(days=rng.randrange(7))).isoformat(), "00:00", "24:00", "prefer-off"])
    for aid in rng.sample(agents, 6):          # would like to work this morning
        w.writerow([aid, (START + datetime.timedelta(days=rng.randrange(5))).isoformat(), "09:00", "13:00", "prefer-on"])
