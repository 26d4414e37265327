#!/usr/bin/env python3
"""Writes two realistic run folders for the report and compare tests.

    python3 scripts/make-run-fixtures.py

Output: Tests/ScenarioTests/Fixtures/run-base and run-volume15 (the same scenario with the voice
volume multiplied by 1.15, re-planned). Each folder holds the files of SPEC.md "Files a run writes"
that `RunDirectory` reads: summary.json, requirements.csv, coverage.csv, shifts.csv, breaks.csv,
agents.csv. The numbers are made by a small stand-in pipeline, not by wfm itself:

- forecast: a weekday/weekend intraday curve per queue, 30-minute intervals, one week from
  2026-03-02 (Monday), Europe/Berlin (UTC+01:00, no DST change that week);
- requirements: Erlang C (voice: AHT 300 s, 80 % in 20 s; chat: AHT 600 s at concurrency 2, 80 % in
  60 s), occupancy cap 0.85; email: workload / 0.9 (deferred work); shrinkage 0.20;
- roster: a greedy heuristic over 12 agents (7 full-time and 1 evening 5 x 8.5 h, 4 part-time 3-4 x 6 h), each
  agent in turn picks the start and days that cover the most remaining requirement, honouring
  unavailability, max 2 night shifts, start spread <= 120 min; prefer-off days cost coverage;
- coverage: each agent's capacity (1 - shrinkage, minus breaks) goes to their primary queue up to
  its requirement, then to secondary skills, leftovers to the primary queue; service level and ASA
  by Erlang C interpolated between the neighbouring integer agent counts; email SL = covered share.

The fixtures are committed; tests never run this script.
"""
import hashlib
import json
import math
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "ScenarioTests", "Fixtures")
DAYS = 7
IM = 30                      # interval minutes
PER_DAY = 1440 // IM
SHRINK = 0.20
DATES = ["2026-03-%02d" % (2 + d) for d in range(DAYS)]
OFFSET = "+01:00"

QUEUES = [
    # id, channel, aht seconds, concurrency, sl target, sl seconds, open from/to (minutes), daily contacts wkday/wkend
    dict(id="voice", channel="voice", aht=300.0, conc=1, target=0.80, secs=20, open=(7 * 60, 24 * 60), daily=(100, 55)),
    dict(id="chat", channel="chat", aht=600.0, conc=2, target=0.80, secs=60, open=(8 * 60, 20 * 60), daily=(40, 22)),
    dict(id="email", channel="email", aht=360.0, conc=1, target=1.0, secs=4 * 3600, open=(8 * 60, 18 * 60), daily=(45, 0)),
]

# agent id, name, contract, skills [(queue, level)], unavailable day indices, prefer-off day indices
AGENTS = [
    ("A01", "Ana Ruiz", "full-time", [("voice", 1)], [], [5]),
    ("A02", "Ben Okafor", "full-time", [("voice", 1), ("chat", 2)], [], [6]),
    ("A03", "Chen Wei", "evening", [("voice", 1)], [2], []),
    ("A04", "Dana Levi", "full-time", [("voice", 1), ("email", 3)], [], [0]),
    ("A05", "Eli Novak", "full-time", [("chat", 1), ("voice", 2)], [], [5, 6]),
    ("A06", "Fatima Haddad", "full-time", [("chat", 1)], [], []),
    ("A07", "Goran Petrov", "full-time", [("voice", 1)], [], [4]),
    ("A08", "Hana Sato", "full-time", [("email", 1), ("chat", 2)], [], []),
    ("A09", "Ivan Kuznetsov", "part-time", [("voice", 1)], [0, 1], []),
    ("A10", "Julia Costa", "part-time", [("chat", 1), ("voice", 2)], [], [2]),
    ("A11", "Kofi Mensah", "part-time", [("voice", 1), ("chat", 2)], [], []),
    ("A12", "Lena Berg", "part-time", [("email", 1), ("voice", 2)], [6], []),
]
CONTRACTS = {
    # shift length minutes, unpaid break minutes, paid break minutes, day counts allowed, start choices
    "full-time": dict(length=510, unpaid=30, paid=15, days=(5, 5),
                      starts=list(range(6 * 60 + 30, 9 * 60 + 1, 30)) + list(range(13 * 60, 16 * 60 + 1, 30))),
    "evening": dict(length=510, unpaid=30, paid=15, days=(5, 5), starts=list(range(15 * 60, 17 * 60 + 1, 30))),
    "part-time": dict(length=360, unpaid=0, paid=15, days=(3, 4), starts=list(range(8 * 60, 18 * 60 + 1, 60))),
}
MAX_NIGHTS = 2
PREFER_OFF_COST = 4.0        # agent-intervals of coverage a granted prefer-off request is worth
EXTRA_DAY_MIN_GAIN = 6.0     # a part-time 4th day is worked only if it covers this many agent-intervals


def erlang_c(load, n, aht, secs):
    """(service level, ASA seconds, wait probability) for n agents (integer) at offered load (Erlang)."""
    if load <= 0:
        return 1.0, 0.0
    if n <= load:
        return 0.0, 900.0     # unstable: the fixture caps ASA at 15 minutes
    term, total = 1.0, 1.0
    for k in range(1, n):
        term *= load / k
        total += term
    term *= load / n
    top = term * n / (n - load)
    pw = top / (total + top)
    sl = 1 - pw * math.exp(-(n - load) * secs / aht)
    asa = pw * aht / (n - load)
    return sl, asa


def required_agents(q, load):
    if load <= 0:
        return 0.0
    if q["channel"] == "email":
        return round(load / 0.9, 3)
    n = max(1, int(load) + 1)
    while True:
        sl, _ = erlang_c(load, n, q["aht"] / q["conc"], q["secs"])
        if sl >= q["target"] and load / n <= 0.85:
            return float(n)
        n += 1


def intraday(q, minute):
    """Relative arrival intensity at a minute of day: a late-morning peak and an evening shoulder."""
    lo, hi = q["open"]
    if not lo <= minute < hi:
        return 0.0
    h = minute / 60 + 0.25
    return math.exp(-((h - 11) / 2.3) ** 2) + 0.6 * math.exp(-((h - 17.5) / 2.8) ** 2) + 0.08


def forecast(volume_factor):
    """contacts[q][i] for every interval of the week."""
    out = {}
    for q in QUEUES:
        rows = []
        for d in range(DAYS):
            weekend = d >= 5
            shape = [intraday(q, s * IM) for s in range(PER_DAY)]
            total = sum(shape)
            daily = q["daily"][1 if weekend else 0] * volume_factor.get(q["id"], 1.0)
            for s in range(PER_DAY):
                rows.append(round(daily * shape[s] / total, 2) if total else 0.0)
        out[q["id"]] = rows
    return out


def load_of(q, contacts):
    return contacts * (q["aht"] / q["conc"]) / (IM * 60)


def shift_intervals(day, start, length):
    """(interval index, minutes worked in it) for a shift starting on day at start (minutes)."""
    first = day * 1440 + start
    out = []
    t = first
    while t < first + length:
        i = t // IM
        end = min((i + 1) * IM, first + length)
        if i < DAYS * PER_DAY:
            out.append((i, end - t))
        t = end
    return out


def breaks_of(agent_index, contract, start):
    """[(offset minutes from shift start, length, paid)] staggered by agent so not everyone breaks at once."""
    c = CONTRACTS[contract]
    stagger = (agent_index % 3) * 30
    out = [(120 + stagger, c["paid"], True)]
    if c["unpaid"]:
        out.append((240 + stagger, c["unpaid"], False))
    return out


def capacity(agent_index, contract, day, start):
    """{interval: available agent fraction} after breaks and shrinkage."""
    c = CONTRACTS[contract]
    cap = {}
    for i, m in shift_intervals(day, start, c["length"]):
        cap[i] = cap.get(i, 0) + m / IM
    for off, length, _ in breaks_of(agent_index, contract, start):
        for i, m in shift_intervals(day, start + off, length):
            cap[i] -= m / IM
    return {i: v * (1 - SHRINK) for i, v in cap.items()}


def is_night(start, length):
    end = start + length
    return start < 360 or end > 1440


def plan(req):
    """Greedy roster: returns {agent index: {day: start}}."""
    covered = {q["id"]: [0.0] * (DAYS * PER_DAY) for q in QUEUES}
    roster = {}
    for a, (aid, _, contract, skills, unavailable, prefer_off) in enumerate(AGENTS):
        c = CONTRACTS[contract]
        queues = [qid for qid, _ in skills]

        def gain(day, start):
            g = 0.0
            for i, v in capacity(a, contract, day, start).items():
                left = v
                for qid in queues:
                    need = max(0.0, req[qid][i] - covered[qid][i])
                    take = min(need, left)
                    g += take
                    left -= take
            return g - (PREFER_OFF_COST if day in prefer_off else 0.0)

        best = None
        for base in c["starts"]:
            choices = []
            for day in range(DAYS):
                if day in unavailable:
                    continue
                options = [s for s in c["starts"] if abs(s - base) <= 60]
                s = max(options, key=lambda s: (gain(day, s), -s))
                choices.append((gain(day, s), day, s))
            choices.sort(key=lambda t: (-t[0], t[1]))
            lo, hi = c["days"]
            picked = choices[:lo]
            for extra in choices[lo:hi]:
                if extra[0] >= EXTRA_DAY_MIN_GAIN:
                    picked.append(extra)
            nights = sorted((p for p in picked if is_night(p[2], c["length"])), key=lambda t: (-t[0], t[1]))
            for g, day, s in nights[MAX_NIGHTS:]:
                options = [s2 for s2 in c["starts"] if abs(s2 - base) <= 60 and not is_night(s2, c["length"])]
                if not options:
                    break
                s2 = max(options, key=lambda s2: (gain(day, s2), -s2))
                picked[picked.index((g, day, s))] = (gain(day, s2), day, s2)
            if sum(1 for p in picked if is_night(p[2], c["length"])) > MAX_NIGHTS:
                continue
            total = sum(p[0] for p in picked)
            if best is None or total > best[0] + 1e-9:
                best = (total, {day: s for _, day, s in picked})
        roster[a] = best[1]
        for day, s in best[1].items():
            for i, v in capacity(a, contract, day, s).items():
                left = v
                for qid in queues:
                    take = min(max(0.0, req[qid][i] - covered[qid][i]), left)
                    covered[qid][i] += take
                    left -= take
                covered[queues[0]][i] += left
    return roster


def allocate(roster, req):
    """Scheduled capacity per queue and interval: primary skills first, then others, leftovers to primary."""
    sched = {q["id"]: [0.0] * (DAYS * PER_DAY) for q in QUEUES}
    pieces = []   # (interval, agent index, capacity)
    for a, days in roster.items():
        for day, s in days.items():
            for i, v in capacity(a, AGENTS[a][2], day, s).items():
                pieces.append((i, a, v))
    pieces.sort()
    left = {}
    for i, a, v in pieces:
        primary = AGENTS[a][3][0][0]
        take = min(v, max(0.0, req[primary][i] - sched[primary][i]))
        sched[primary][i] += take
        left[(i, a)] = v - take
    for level in (2, 3):
        for i, a, _ in pieces:
            for qid, lv in AGENTS[a][3]:
                if lv != level:
                    continue
                take = min(left[(i, a)], max(0.0, req[qid][i] - sched[qid][i]))
                sched[qid][i] += take
                left[(i, a)] -= take
    for i, a, _ in pieces:
        sched[AGENTS[a][3][0][0]][i] += left[(i, a)]
    return sched


def interpolated(q, load, agents):
    """SL and ASA at a fractional agent count: linear between floor and ceil."""
    if q["channel"] == "email":
        if load <= 0:
            return 1.0, 0.0
        need = load / 0.9
        return min(1.0, agents / need), 0.0 if agents >= need else 3600.0 * (1 - agents / need)
    aht = q["aht"] / q["conc"]
    lo = math.floor(agents + 1e-9)
    sl0, asa0 = erlang_c(load, lo, aht, q["secs"])
    sl1, asa1 = erlang_c(load, lo + 1, aht, q["secs"])
    f = agents - lo
    return sl0 + f * (sl1 - sl0), asa0 + f * (asa1 - asa0)


def stamp(minute_of_week):
    d, m = divmod(minute_of_week, 1440)
    date = "2026-03-%02d" % (2 + d)
    return "%sT%02d:%02d%s" % (date, m // 60, m % 60, OFFSET)


def fmt(x, places):
    s = ("%." + str(places) + "f") % x
    return "0" + s[2:] if s.startswith("-0") and float(s) == 0 else s


def write_run(name, volume_factor, overrides):
    folder = os.path.join(ROOT, name)
    os.makedirs(folder, exist_ok=True)
    contacts = forecast(volume_factor)
    req = {q["id"]: [required_agents(q, load_of(q, c)) for c in contacts[q["id"]]] for q in QUEUES}
    roster = plan(req)
    sched = allocate(roster, req)

    with open(os.path.join(folder, "requirements.csv"), "w") as f:
        f.write("interval_start,queue,contacts,aht_seconds,required_agents,required_with_shrinkage\n")
        for i in range(DAYS * PER_DAY):
            for q in QUEUES:
                r = req[q["id"]][i]
                f.write("%s,%s,%s,%s,%s,%s\n" % (stamp(i * IM), q["id"], fmt(contacts[q["id"]][i], 2),
                                               fmt(q["aht"], 1), fmt(r, 3), fmt(r / (1 - SHRINK), 3)))

    summary_queues = []
    with open(os.path.join(folder, "coverage.csv"), "w") as f:
        f.write("interval_start,queue,contacts,aht_seconds,required_agents,scheduled_agents,service_level,asa_seconds,occupancy\n")
        weekly = {q["id"]: dict(c=0.0, sl=0.0, asa=0.0, work=0.0, cap=0.0, under=0) for q in QUEUES}
        for i in range(DAYS * PER_DAY):
            for q in QUEUES:
                c = contacts[q["id"]][i]
                load = load_of(q, c)
                s = round(sched[q["id"]][i], 3)
                sl, asa = interpolated(q, load, s)
                occ = min(1.0, load / s) if s > 0 else 0.0
                f.write("%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (stamp(i * IM), q["id"], fmt(c, 2), fmt(q["aht"], 1),
                                                        fmt(req[q["id"]][i], 3), fmt(s, 3), fmt(sl, 4), fmt(asa, 1), fmt(occ, 4)))
                w = weekly[q["id"]]
                w["c"] += c
                w["sl"] += c * round(sl, 4)
                w["asa"] += c * round(asa, 1)
                w["work"] += min(load, s)
                w["cap"] += s
                w["under"] += 1 if s < req[q["id"]][i] - 1e-9 else 0
        for q in QUEUES:
            w = weekly[q["id"]]
            summary_queues.append({"id": q["id"], "contacts": round(w["c"], 1),
                                   "service_level": round(w["sl"] / w["c"], 4),
                                   "asa_seconds": round(w["asa"] / w["c"], 1),
                                   "occupancy": round(w["work"] / w["cap"], 4) if w["cap"] else 0.0,
                                   "understaffed_intervals": w["under"]})

    shift_rows, break_rows, agent_rows = [], [], []
    prefer_off_violations = 0
    weekend_both = 0
    start_changes = 0
    for a, (aid, _, contract, _, _, prefer_off) in enumerate(AGENTS):
        c = CONTRACTS[contract]
        days = roster[a]
        paid_each = c["length"] - c["unpaid"]
        for day in sorted(days):
            s = days[day]
            start = day * 1440 + s
            tid = {"full-time": "late" if s >= 12 * 60 else "early", "evening": "evening", "part-time": "part"}[contract]
            shift_rows.append((aid, DATES[day], tid, stamp(start), stamp(start + c["length"]), paid_each))
            for off, length, paid in breaks_of(a, contract, s):
                break_rows.append((aid, stamp(start + off), stamp(start + off + length), "true" if paid else "false"))
        worked = sorted(days)
        run = best_run = 0
        for day in range(DAYS):
            run = run + 1 if day in days else 0
            best_run = max(best_run, run)
        rests = [(d2 * 1440 + days[d2]) - (d1 * 1440 + days[d1] + c["length"]) for d1, d2 in zip(worked, worked[1:])]
        nights = sum(1 for d in worked if is_night(days[d], c["length"]))
        spread = max(days.values()) - min(days.values()) if days else 0
        met = sum(1 for d in prefer_off if d not in days)
        prefer_off_violations += len(prefer_off) - met
        weekend_both += 1 if 5 in days and 6 in days else 0
        start_changes += sum(1 for d1, d2 in zip(worked, worked[1:]) if d2 == d1 + 1 and days[d1] != days[d2])
        agent_rows.append((aid, contract, paid_each * len(days), len(days), best_run,
                           str(min(rests)) if rests else "", nights, spread, met, len(prefer_off)))

    with open(os.path.join(folder, "shifts.csv"), "w") as f:
        f.write("agent_id,date,shift_id,start,end,paid_minutes\n")
        for r in shift_rows:
            f.write("%s,%s,%s,%s,%s,%d\n" % r)
    with open(os.path.join(folder, "breaks.csv"), "w") as f:
        f.write("agent_id,start,end,paid\n")
        for r in break_rows:
            f.write("%s,%s,%s,%s\n" % r)
    with open(os.path.join(folder, "agents.csv"), "w") as f:
        f.write("agent_id,contract,paid_minutes,days_worked,max_consecutive_days,min_rest_minutes,night_shifts,start_spread_minutes,prefs_met,prefs_total\n")
        for r in agent_rows:
            f.write("%s,%s,%d,%d,%d,%s,%d,%d,%d,%d\n" % r)

    paid_hours = sum(r[2] for r in agent_rows) / 60
    rules = [
        {"id": "max-consecutive-days", "kind": "hard", "violations": 0, "penalty": 0.0},
        {"id": "min-rest-between-shifts", "kind": "hard", "violations": 0, "penalty": 0.0},
        {"id": "max-night-shifts", "kind": "hard", "violations": 0, "penalty": 0.0},
        {"id": "max-start-spread", "kind": "hard", "violations": 0, "penalty": 0.0},
        {"id": "prefer-off", "kind": "soft", "violations": prefer_off_violations, "penalty": 10.0 * prefer_off_violations},
        {"id": "weekend-fairness", "kind": "soft", "violations": weekend_both, "penalty": 5.0 * weekend_both},
        {"id": "start-time-change", "kind": "soft", "violations": start_changes, "penalty": 1.0 * start_changes},
    ]
    unanswered = sum(q["contacts"] * (1 - q["service_level"]) for q in summary_queues)
    objective = round(unanswered + 0.5 * paid_hours + sum(r["penalty"] for r in rules), 1)
    summary = {
        "scenario": "fixture-week",
        "timezone": "Europe/Berlin",
        # stands in for the hash of the scenario and its inputs: here, of the stand-in pipeline's parameters
        "inputs_sha256": hashlib.sha256(json.dumps([QUEUES, AGENTS, CONTRACTS, volume_factor], sort_keys=True).encode()).hexdigest(),
        "overrides": overrides,
        "queues": summary_queues,
        "paid_hours": round(paid_hours, 2),
        "agents_used": sum(1 for r in agent_rows if r[3] > 0),
        "solver": {"status": "feasible", "objective": objective, "bound": round(objective * 0.985, 1),
                   "gap": round(1 - 0.985, 4), "seconds": 12.5},
        "rules": rules,
        "timings": {"forecast_seconds": 0.3, "staffing_seconds": 0.02, "roster_seconds": 12.5},
    }
    with open(os.path.join(folder, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    return summary


if __name__ == "__main__":
    for name, factor, overrides in [("run-base", {}, []),
                                    ("run-volume15", {"voice": 1.15}, ["queues.voice.volume_factor=1.15"])]:
        s = write_run(name, factor, overrides)
        print(name, "paid hours", s["paid_hours"], "agents", s["agents_used"],
              " ".join("%s SL %.3f under %d" % (q["id"], q["service_level"], q["understaffed_intervals"]) for q in s["queues"]))
