#!/usr/bin/env python3
"""Same-instance reference for the roster scheduler (issue 4): OR-Tools CP-SAT, 2 workers, greedy hint.

Reads a wfm scenario (SPEC.md: scenario YAML, agents.csv, availability.csv, forecast {file: ...}),
builds a CP-SAT model in the spirit of OR-Tools' shift_scheduling_sat example, solves it with
`num_workers=2` from a greedy start (AddHint), writes shifts.csv and breaks.csv in wfm's output format,
then re-reads those two files and re-checks every hard rule and the true service independently of the
model. The model and what is exact / approximated are described in docs/baselines.md.

Setup:  python3 -m venv /tmp/cpsat && /tmp/cpsat/bin/pip install ortools pyyaml numpy scipy
Run:    nice /tmp/cpsat/bin/python scripts/baselines/cpsat_roster.py SCENARIO.yaml --time-limit 60 --out DIR
        (--eval-only --out DIR: only the rule check and true service of an existing shifts.csv/breaks.csv)
"""
import argparse
import csv
import datetime as dt
import itertools
import math
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np
import yaml

SCALE = 1000            # CP-SAT objective unit: milli-contacts
PAID_HOUR_COST = 0.05   # contacts per paid hour (wfm ScheduleWeights.paidHour default, objective `balance`)
SECONDARY_COST = 0.02   # contacts per agent-interval on a skill of level L, times (L - 1) (ScheduleWeights.secondarySkill)
LOOK_AHEAD = (1, 2, 3, 4, 6, 8, 11, 15, 20)   # greedy: extra agents over which the average gain is maximised


# ----------------------------------------------------------------------------------------------- input

def hhmm(text, where):
    h, m = str(text).split(":")
    v = int(h) * 60 + int(m)
    if not 0 <= v <= 1440:
        raise SystemExit(f"{where}: time of day {text!r} outside 00:00-24:00")
    return v


@dataclass
class Queue:
    id: str
    channel: str
    threshold: float
    servers_per_agent: int
    contacts: np.ndarray = None
    aht: np.ndarray = None


@dataclass
class Template:
    id: str
    starts: list          # local minutes after midnight
    lengths: list
    breaks: list          # dicts: length, paid, earliest, latest (minutes after shift start)

    def paid_minutes(self, length):
        return length - sum(b["length"] for b in self.breaks if not b["paid"])


@dataclass
class Contract:
    id: str
    week_min: int
    week_max: int
    days_off_min: int
    max_consecutive: int
    min_rest: int
    max_nights: int
    max_spread: int
    templates: list


@dataclass
class Agent:
    id: str
    contract: Contract
    skills: tuple         # ((queue_index, level), ...) in file order
    unavailable: list = field(default_factory=list)   # absolute [start, end) seconds
    prefs: list = field(default_factory=list)         # (kind, start, end) absolute seconds


@dataclass
class Option:
    """One concrete shift: template started at a local minute of a horizon day with one length."""
    index: int
    day: int
    date: dt.date
    template: Template
    start_minute: int
    length: int
    paid: int
    start: int            # absolute seconds
    end: int
    t0: int               # first covered grid interval (clipped to the horizon)
    t1: int               # one past the last covered interval
    night: bool


class Instance:
    def __init__(self, path):
        self.path = os.path.abspath(path)
        base = os.path.dirname(self.path)
        with open(self.path) as f:
            s = yaml.safe_load(f)
        if s.get("version") != 1:
            raise SystemExit(f"{path}: version must be 1")
        if s.get("carry_in"):
            raise SystemExit(f"{path}: carry_in is not supported by this baseline")
        self.name = s["name"]
        self.zone = ZoneInfo(s["timezone"])
        self.step_min = int(s["interval_minutes"])
        self.step = self.step_min * 60
        h = s["horizon"]
        self.start_date = h["start"] if isinstance(h["start"], dt.date) else dt.date.fromisoformat(h["start"])
        self.days = int(h["days"])
        self.grid_start = self.instant(self.start_date, 0)
        self.grid_end = self.instant(self.start_date + dt.timedelta(days=self.days), 0)
        self.T = (self.grid_end - self.grid_start) // self.step
        self.shrinkage = float(s.get("shrinkage", 0))
        self.mode = (s.get("objective") or {}).get("mode", "balance")
        self.seed = int((s.get("solver") or {}).get("seed", 1))

        self.queues = []
        for q in s["queues"]:
            ch = q["channel"]
            if ch == "email":
                raise SystemExit(f"{path}: queue {q['id']}: email queues are not supported by this baseline")
            if q.get("patience_seconds") is not None or (q.get("open") is not None):
                raise SystemExit(f"{path}: queue {q['id']}: patience_seconds/open are not supported by this baseline")
            self.queues.append(Queue(q["id"], ch, float(q["service_level"]["seconds"]),
                                     int(q.get("concurrency", 1)) if ch == "chat" else 1))
        qi = {q.id: i for i, q in enumerate(self.queues)}
        factors = {q["id"]: float(q.get("volume_factor", 1.0)) for q in s["queues"]}
        default_aht = {q["id"]: q.get("aht_seconds") for q in s["queues"]}

        fc = s["forecast"]
        if "file" not in fc:
            raise SystemExit(f"{path}: forecast must be {{file: ...}} for this baseline")
        for q in self.queues:
            q.contacts = np.zeros(self.T)
            q.aht = np.array([float(default_aht[q.id] or 0)] * self.T)
        with open(os.path.join(base, fc["file"])) as f:
            for line, r in enumerate(csv.DictReader(f), start=2):
                t = (self.parse_stamp(r["interval_start"]) - self.grid_start)
                if r["queue"] not in qi or t % self.step or not 0 <= t // self.step < self.T:
                    continue
                q = self.queues[qi[r["queue"]]]
                q.contacts[t // self.step] = float(r["contacts"]) * factors[q.id]
                if r.get("aht_seconds"):
                    q.aht[t // self.step] = float(r["aht_seconds"])

        self.templates = {}
        for t in s["shifts"]:
            lo, hi = hhmm(t["start_earliest"], t["id"]), hhmm(t["start_latest"], t["id"])
            stepm = int(t.get("start_step_minutes", 30))
            lengths = t["length_minutes"] if isinstance(t["length_minutes"], list) else [t["length_minutes"]]
            brs = [dict(length=int(b["length_minutes"]), paid=bool(b["paid"]),
                        earliest=int(b["earliest_after_minutes"]), latest=int(b["latest_after_minutes"]))
                   for b in t.get("breaks", [])]
            self.templates[t["id"]] = Template(t["id"], list(range(lo, hi + 1, stepm)), [int(x) for x in lengths], brs)
        self.contracts = {}
        for c in s["contracts"]:
            self.contracts[c["id"]] = Contract(c["id"], int(c["week_minutes"]["min"]), int(c["week_minutes"]["max"]),
                                               int(c["days_off_min"]), int(c["max_consecutive_days"]),
                                               int(c["min_rest_minutes"]), int(c["max_night_shifts"]),
                                               int(c["max_start_spread_minutes"]), list(c["shifts"]))
        self.agents = []
        with open(os.path.join(base, s["agents"])) as f:
            for r in csv.DictReader(f):
                skills = []
                for part in r["skills"].split("|"):
                    name, _, level = part.partition(":")
                    skills.append((qi[name.strip()], int(level or 1)))
                self.agents.append(Agent(r["agent_id"], self.contracts[r["contract"]], tuple(skills)))
        by_id = {a.id: a for a in self.agents}
        if s.get("availability"):
            with open(os.path.join(base, s["availability"])) as f:
                for r in csv.DictReader(f):
                    d = dt.date.fromisoformat(r["date"])
                    a, b = hhmm(r["start"], "availability"), hhmm(r["end"], "availability")
                    rng = (self.instant(d, a), self.instant(d, b))
                    if r["kind"] == "unavailable":
                        by_id[r["agent_id"]].unavailable.append(rng)
                    else:
                        by_id[r["agent_id"]].prefs.append((r["kind"], *rng))
        self.build_options()
        self.build_tables()

    # --- time
    def instant(self, date, minute):
        """Absolute seconds of a local date + minute (24:00 = next midnight)."""
        date = date + dt.timedelta(days=minute // 1440)
        minute %= 1440
        return int(dt.datetime(date.year, date.month, date.day, minute // 60, minute % 60, tzinfo=self.zone).timestamp())

    def local(self, instant):
        return dt.datetime.fromtimestamp(instant, self.zone)

    def stamp(self, instant):
        d = self.local(instant)
        off = int(d.utcoffset().total_seconds()) // 60
        sign = "+" if off >= 0 else "-"
        return f"{d:%Y-%m-%dT%H:%M}{sign}{abs(off) // 60:02d}:{abs(off) % 60:02d}"

    @staticmethod
    def parse_stamp(text):
        return int(dt.datetime.fromisoformat(text).timestamp())

    # --- shift options
    def build_options(self):
        self.options = []
        for day in range(self.days):
            date = self.start_date + dt.timedelta(days=day)
            for tpl in self.templates.values():
                for sm in tpl.starts:
                    for length in tpl.lengths:
                        start = self.instant(date, sm)
                        end = start + length * 60
                        if (start - self.grid_start) % self.step or (length * 60) % self.step:
                            raise SystemExit(f"template {tpl.id}: shifts must start and end on the {self.step_min}-minute grid")
                        t0 = (start - self.grid_start) // self.step
                        t1 = min(self.T, (end - self.grid_start) // self.step)
                        night = sm < 360 or (sm + length > 1440 and sm < 1800)
                        self.options.append(Option(len(self.options), day, date, tpl, sm, length, tpl.paid_minutes(length),
                                                   start, end, t0, t1, night))
        # allowed[a][d]: option indices of the agent's templates on day d not overlapping an unavailable window
        self.allowed = []
        for a in self.agents:
            per_day = [[] for _ in range(self.days)]
            for o in self.options:
                if o.template.id in a.contract.templates and not any(u0 < o.end and o.start < u1 for u0, u1 in a.unavailable):
                    per_day[o.day].append(o.index)
            self.allowed.append(per_day)
        # Break positions (minutes after the shift start) per template and break, on the grid. A
        # template's breaks are placed independently, so break k may only use positions that cannot
        # overlap any position of an earlier break k' < k (documented restriction, docs/baselines.md).
        # Positions are those valid for the template's shortest length, so one placement serves every
        # length started at the same time.
        self.break_positions = {}
        for tpl in self.templates.values():
            length = min(tpl.lengths)
            taken = []
            lists = []
            for b in tpl.breaks:
                ps = [p for p in range(b["earliest"], b["latest"] + 1) if p % self.step_min == 0
                      and p + b["length"] <= length
                      and not any(p < e and s0 < p + b["length"] for s0, e in taken)]
                if not ps:
                    raise SystemExit(f"template {tpl.id}: no break position left for a break")
                lists.append(ps)
                taken.append((min(ps), max(ps) + b["length"]))
            self.break_positions[tpl.id] = lists

    # --- service tables
    def build_tables(self):
        """ans[q][t][n]: answered within threshold with n agents on the floor for queue q (head count,
        capacity n·(1 − shrinkage)), from wfm's table at whole capacities interpolated linearly."""
        self.skilled = [sum(1 for a in self.agents if any(q == s for s, _ in a.skills)) for q in range(len(self.queues))]
        u = 1 - self.shrinkage
        self.capacity_table = []     # [q] -> array (T, K+1) at whole capacities (wfm ServiceTables)
        self.ans = []                # [q] -> array (T, skilled+1) at whole head counts
        for qn, q in enumerate(self.queues):
            upto = math.ceil(self.skilled[qn] * u) + 1
            tab = np.zeros((self.T, upto + 1))
            for t in range(self.T):
                tab[t] = answered_curve(q.contacts[t], q.aht[t], self.step, q.threshold, q.servers_per_agent, upto)
            self.capacity_table.append(tab)
            heads = np.arange(self.skilled[qn] + 1)
            self.ans.append(np.stack([interp_table(tab, t, heads * u) for t in range(self.T)]))
        self.total_contacts = sum(q.contacts.sum() for q in self.queues)


def answered_curve(contacts, aht, interval_s, threshold, k, upto):
    """contacts × Erlang C SL at n·k servers, n = 0..upto (wfm ServiceCurveAdapter.values)."""
    out = np.zeros(upto + 1)
    if contacts <= 0:
        return out
    a = contacts * aht / interval_s
    blocking, servers = 1.0, 0
    for n in range(upto + 1):
        while servers < n * k:
            servers += 1
            blocking = a * blocking / (servers + a * blocking)
        if servers > a:
            pw = servers * blocking / (servers - a * (1 - blocking))
            out[n] = contacts * max(0.0, 1 - pw * math.exp(-(servers - a) * threshold / aht))
    return out


def interp_table(tab, t, capacity):
    row = tab[t]
    c = np.clip(capacity, 0, len(row) - 1)
    k = np.minimum(np.floor(c).astype(int), len(row) - 2)
    return row[k] + (c - k) * (row[k + 1] - row[k])


# ----------------------------------------------------------------------------------------------- groups

class Groups:
    """Agents with the same skills (queue, level) form a group; capacity and breaks are counted per group."""

    def __init__(self, inst):
        keys = []
        self.of_agent = []
        for a in inst.agents:
            key = tuple(sorted(a.skills))
            if key not in keys:
                keys.append(key)
            self.of_agent.append(keys.index(key))
        self.skills = keys
        self.members = [[i for i, g in enumerate(self.of_agent) if g == gi] for gi in range(len(keys))]


# ----------------------------------------------------------------------------------------------- rules

class Week:
    """Incremental rule check of one agent's partial week (day -> option index); used by the greedy."""

    def __init__(self, inst, a):
        self.inst, self.c, self.a = inst, inst.agents[a].contract, a
        self.paid_values = sorted({inst.options[o].paid for d in inst.allowed[a] for o in d})

    def can_add(self, week, o):
        inst, c = self.inst, self.c
        opt = inst.options[o]
        if opt.day in week:
            return False
        days = sorted(list(week) + [opt.day])
        if len(days) > inst.days - c.days_off_min:
            return False
        run = best = 0
        for i, d in enumerate(days):
            run = run + 1 if i and days[i - 1] == d - 1 else 1
            best = max(best, run)
        if best > c.max_consecutive:
            return False
        for d in (opt.day - 1, opt.day + 1):
            if d in week:
                p, n = sorted([inst.options[week[d]], opt], key=lambda x: x.start)
                if n.start - p.end < c.min_rest * 60:
                    return False
        opts = [inst.options[x] for x in week.values()] + [opt]
        if sum(x.night for x in opts) > c.max_nights:
            return False
        starts = [x.start_minute for x in opts]
        if max(starts) - min(starts) > c.max_spread:
            return False
        paid = sum(x.paid for x in opts)
        if paid > c.week_max:
            return False
        return self.reachable(paid, len(opts), week.keys() | {opt.day})

    def reachable(self, paid, worked, days):
        c = self.c
        if paid >= c.week_min:
            return True
        free = sum(1 for d in range(self.inst.days) if d not in days and self.inst.allowed[self.a][d])
        slots = min(free, self.inst.days - c.days_off_min - worked)
        sums = {paid}
        for _ in range(max(0, slots)):
            sums = sums | {s + v for s in sums for v in self.paid_values if s + v <= c.week_max}
            if any(s >= c.week_min for s in sums):
                return True
        return False


def check_rules(inst, shifts, breaks):
    """Independent re-check of every hard rule from the written rows (like wfm's RuleChecker).

    shifts: dicts agent, date, shift_id, start, end, paid (absolute seconds); breaks: agent, start, end, paid.
    Returns a list of violation strings."""
    bad = []
    by_agent = {a.id: a for a in inst.agents}
    first, last = inst.start_date, inst.start_date + dt.timedelta(days=inst.days - 1)
    brk = {}
    for b in breaks:
        owner = [s for s in shifts if s["agent"] == b["agent"] and s["start"] <= b["start"] and b["end"] <= s["end"]]
        if len(owner) != 1:
            bad.append(f"{b['agent']}: break {inst.stamp(b['start'])} is not inside exactly one shift")
            continue
        brk.setdefault(id(owner[0]), []).append(b)
    for aid in {s["agent"] for s in shifts} - by_agent.keys():
        bad.append(f"{aid}: unknown agent")
    for agent in inst.agents:
        c = agent.contract
        mine = sorted((s for s in shifts if s["agent"] == agent.id), key=lambda s: s["start"])
        for s in mine:
            tpl = inst.templates.get(s["shift_id"])
            if tpl is None or tpl.id not in c.templates:
                bad.append(f"{agent.id} {s['date']}: template {s['shift_id']} not allowed")
                continue
            loc = inst.local(s["start"])
            sm, length = loc.hour * 60 + loc.minute, (s["end"] - s["start"]) // 60
            if loc.date() != s["date"] or not first <= s["date"] <= last:
                bad.append(f"{agent.id} {s['date']}: start date / horizon")
            if sm not in tpl.starts or length not in tpl.lengths:
                bad.append(f"{agent.id} {s['date']}: start {sm} or length {length} not in template {tpl.id}")
            if s["paid"] != tpl.paid_minutes(length):
                bad.append(f"{agent.id} {s['date']}: paid minutes {s['paid']} != {tpl.paid_minutes(length)}")
            for u0, u1 in agent.unavailable:
                if u0 < s["end"] and s["start"] < u1:
                    bad.append(f"{agent.id} {s['date']}: overlaps an unavailable window")
            bl = sorted(brk.get(id(s), []), key=lambda b: b["start"])
            rules = list(tpl.breaks)
            if len(bl) != len(rules):
                bad.append(f"{agent.id} {s['date']}: {len(bl)} breaks, template has {len(rules)}")
            else:
                # match breaks to rules by (length, paid) and window; any perfect matching will do
                def fits(b, r):
                    after = (b["start"] - s["start"]) / 60
                    return (b["end"] - b["start"]) // 60 == r["length"] and b["paid"] == r["paid"] \
                        and r["earliest"] <= after <= r["latest"] and after == int(after)
                if not any(all(fits(b, rules[i]) for b, i in zip(bl, perm)) for perm in itertools.permutations(range(len(rules)))):
                    bad.append(f"{agent.id} {s['date']}: breaks do not match the template's break windows")
                for x, y in zip(bl, bl[1:]):
                    if y["start"] < x["end"]:
                        bad.append(f"{agent.id} {s['date']}: breaks overlap")
        dates = [s["date"] for s in mine]
        if len(set(dates)) != len(dates):
            bad.append(f"{agent.id}: two shifts on one day")
        paid = sum(s["paid"] for s in mine)
        if not c.week_min <= paid <= c.week_max:
            bad.append(f"{agent.id}: {paid} paid minutes outside [{c.week_min}, {c.week_max}]")
        if inst.days - len(set(dates)) < c.days_off_min:
            bad.append(f"{agent.id}: fewer than {c.days_off_min} days off")
        run = best = 0
        prev = None
        for d in sorted(set(dates)):
            run = run + 1 if prev is not None and (d - prev).days == 1 else 1
            best, prev = max(best, run), d
        if best > c.max_consecutive:
            bad.append(f"{agent.id}: {best} consecutive days")
        for x, y in zip(mine, mine[1:]):
            if y["start"] - x["end"] < c.min_rest * 60:
                bad.append(f"{agent.id} {y['date']}: rest {(y['start'] - x['end']) // 60} min")
        starts = []
        nights = 0
        for s in mine:
            loc = inst.local(s["start"])
            m = loc.hour * 60 + loc.minute
            starts.append(m)
            e = m + (s["end"] - s["start"]) // 60
            nights += m < 360 or (e > 1440 and m < 1800)
        if nights > c.max_nights:
            bad.append(f"{agent.id}: {nights} night shifts")
        if starts and max(starts) - min(starts) > c.max_spread:
            bad.append(f"{agent.id}: start spread {max(starts) - min(starts)} min")
    return bad


# ----------------------------------------------------------------------------------------------- true service

def on_floor(inst, groups, shifts, breaks):
    """Head count on shift and not on break per group × interval (fractions for partial intervals)."""
    on = np.zeros((len(groups.skills), inst.T))
    gi = {a.id: groups.of_agent[i] for i, a in enumerate(inst.agents)}

    def add(g, s, e, sign):
        t = max(0, (s - inst.grid_start) // inst.step)
        while t < inst.T and inst.grid_start + t * inst.step < e:
            a = inst.grid_start + t * inst.step
            ov = min(e, a + inst.step) - max(s, a)
            if ov > 0:
                on[g, t] += sign * ov / inst.step
            t += 1
    for s in shifts:
        add(gi[s["agent"]], s["start"], s["end"], 1)
    for b in breaks:
        add(gi[b["agent"]], b["start"], b["end"], -1)
    return on


def concave_from(row):
    n = max(0, len(row) - 2)
    while n > 0 and row[n] - row[n - 1] >= row[n + 1] - row[n] - 1e-12:
        n -= 1
    return n


def true_service(inst, groups, on, split="greedy"):
    """Answered within threshold per queue × interval from head counts on the floor.

    split="greedy": wfm's CapacityAllocator (one agent at a time to the best look-ahead rate, level
    penalty SECONDARY_COST); split="best": the best whole-agent split (exhaustive, for 2 queues)."""
    Q, u = len(inst.queues), 1 - inst.shrinkage
    tabs = inst.capacity_table
    answered = np.zeros((Q, inst.T))
    capacity = np.zeros((Q, inst.T))
    for t in range(inst.T):
        cap = np.zeros(Q)
        multi = []
        for g, skills in enumerate(groups.skills):
            n = on[g, t]
            if n <= 1e-12:
                continue
            if len(skills) == 1:
                cap[skills[0][0]] += n * u
            else:
                multi.append((g, n))
        if split == "best" and multi:
            assert Q == 2 and all(len(groups.skills[g]) == 2 for g, _ in multi)
            total = sum(n for _, n in multi)
            best = None
            for k in range(int(math.floor(total + 1e-9)) + 1):
                rest = total - k
                v = interp_table(tabs[0], t, cap[0] + k * u) + interp_table(tabs[1], t, cap[1] + rest * u)
                if best is None or v > best[0] + 1e-12:
                    best = (v, k, rest)
            cap[0] += best[1] * u
            cap[1] += best[2] * u
        else:
            for g, n in multi:
                remaining = n
                while remaining > 1e-12:
                    step = min(1.0, remaining)
                    bq, brate = None, -math.inf
                    for q, level in groups.skills[g]:
                        tab = tabs[q]
                        base = interp_table(tab, t, cap[q])
                        rate = (interp_table(tab, t, cap[q] + step * u) - base) / (step * u)
                        limit = concave_from(tab[t]) + 1
                        k = step + 1
                        while k <= remaining + 1e-9 and cap[q] + (k - 1) * u < limit:
                            rate = max(rate, (interp_table(tab, t, cap[q] + k * u) - base) / (k * u))
                            k += 1
                        rate -= (level - 1) * SECONDARY_COST / u
                        if rate > brate + 1e-12:
                            bq, brate = q, rate
                    cap[bq] += step * u
                    remaining -= step
        for q in range(Q):
            answered[q, t] = interp_table(tabs[q], t, cap[q])
            capacity[q, t] = cap[q]
    return answered, capacity


def capacity_bound(inst, groups):
    """Shape-free upper bound on answered contacts (any roster, any skill split): an LP over head counts
    h[g,q,t] on the floor, with Σ_q h[g,q,t] ≤ agents of group g who can work interval t at all, Σ h of
    a group ≤ its agents' most on-floor intervals in a week (best days × options under weekly max paid
    minutes and days off; breaks excluded), and answered ≤ the upper concave envelope of each
    queue-interval's table. Shift shapes, rest, spread and nights are ignored. Returns per-queue answered."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix
    Q, T, G = len(inst.queues), inst.T, len(groups.skills)
    onfloor = {}
    for o in inst.options:
        breaks = sum(b["length"] for b in o.template.breaks) // inst.step_min
        onfloor[o.index] = min(o.t1 - o.t0, o.length // inst.step_min - breaks)   # breaks may fall after the horizon
    budget = np.zeros(G)
    avail = np.zeros((G, T))
    for a, agent in enumerate(inst.agents):
        c = agent.contract
        best = {(0, 0): 0}                     # (paid, days worked) -> most on-floor intervals
        for d in range(inst.days):
            nxt = dict(best)
            for (paid, n), v in best.items():
                if n + 1 > inst.days - c.days_off_min:
                    continue
                for o in inst.allowed[a][d]:
                    p = paid + inst.options[o].paid
                    if p <= c.week_max and nxt.get((p, n + 1), -1) < v + onfloor[o]:
                        nxt[p, n + 1] = v + onfloor[o]
            best = nxt
        budget[groups.of_agent[a]] += max(v for (paid, _), v in best.items() if paid >= c.week_min)
        cover = np.zeros(T, dtype=bool)
        for d in range(inst.days):
            for o in inst.allowed[a][d]:
                cover[inst.options[o].t0:inst.options[o].t1] = True
        avail[groups.of_agent[a]] += cover
    hv = [(g, q, t) for g in range(G) for q, _ in groups.skills[g] for t in range(T)]
    col = {k: i for i, k in enumerate(hv)}
    acol = {(q, t): len(hv) + q * T + t for q in range(Q) for t in range(T)}
    rows, cols, vals, rhs = [], [], [], []

    def row(entries, b):
        r = len(rhs)
        for c_, v in entries:
            rows.append(r)
            cols.append(c_)
            vals.append(v)
        rhs.append(b)
    for g in range(G):
        for t in range(T):
            row([(col[g, q, t], 1) for q, _ in groups.skills[g]], avail[g, t])
        row([(col[g, q, t], 1) for q, _ in groups.skills[g] for t in range(T)], budget[g])
    for q in range(Q):
        feeders = [g for g in range(G) if any(q == s for s, _ in groups.skills[g])]
        for t in range(T):
            for (x1, y1), (x2, y2) in upper_hull(list(inst.ans[q][t])):
                slope = (y2 - y1) / (x2 - x1)
                row([(acol[q, t], 1)] + [(col[g, q, t], -slope) for g in feeders], y1 - slope * x1)
            row([(acol[q, t], 1)], inst.ans[q][t][-1])
    n = len(hv) + Q * T
    A = coo_matrix((vals, (rows, cols)), shape=(len(rhs), n)).tocsr()
    cost = np.zeros(n)
    cost[len(hv):] = -1
    res = linprog(cost, A_ub=A, b_ub=np.array(rhs), bounds=(0, None), method="highs")
    if res.status != 0:
        raise SystemExit(f"capacity bound LP: {res.message}")
    return [res.x[len(hv) + q * T:len(hv) + (q + 1) * T].sum() for q in range(Q)]


def report_service(inst, groups, shifts, breaks, label):
    bad = check_rules(inst, shifts, breaks)
    on = on_floor(inst, groups, shifts, breaks)
    paid_h = sum(s["paid"] for s in shifts) / 60
    rows = []
    for split in ("greedy", "best"):
        ans, _ = true_service(inst, groups, on, split)
        per_q = [ans[q].sum() / inst.queues[q].contacts.sum() for q in range(len(inst.queues))]
        overall = ans.sum() / inst.total_contacts
        rows.append((split, per_q, overall, ans.sum()))
    prefs_met = prefs_total = 0
    for a in inst.agents:
        mine = [s for s in shifts if s["agent"] == a.id]
        for kind, p0, p1 in a.prefs:
            prefs_total += 1
            if kind == "prefer-off":
                prefs_met += not any(s["start"] < p1 and p0 < s["end"] for s in mine)
            else:
                prefs_met += any(s["start"] <= p0 and p1 <= s["end"] for s in mine)
    qn = " ".join(f"{q.id:>7}" for q in inst.queues)
    print(f"\n== {label}: rule violations {len(bad)}, paid hours {paid_h:.1f}, prefs met {prefs_met}/{prefs_total}")
    for v in bad[:20]:
        print("   VIOLATION", v)
    print(f"   split   {qn}  overall  answered/{inst.total_contacts:.1f}")
    for split, per_q, overall, total in rows:
        print(f"   {split:<7} " + " ".join(f"{100 * x:6.2f}%" for x in per_q) + f"  {100 * overall:6.2f}%  {total:.1f}")
    return dict(violations=bad, paid_hours=paid_h, rows=rows, prefs=(prefs_met, prefs_total))


# ----------------------------------------------------------------------------------------------- greedy start

def split_value(inst, sv, sc, m):
    """Best whole-agent split of m two-skill agents between queue 0 and 1, per interval (value, k to queue 0)."""
    A0, A1 = inst.ans[0], inst.ans[1]
    T = inst.T
    mmax = int(m.max()) if len(m) else 0
    ks = np.arange(mmax + 1)[None, :]
    i0 = np.minimum(sv[:, None] + ks, A0.shape[1] - 1)
    i1 = np.clip(sc[:, None] + m[:, None] - ks, 0, A1.shape[1] - 1)
    v = np.take_along_axis(A0, i0, 1) + np.take_along_axis(A1, i1, 1)
    v = np.where(ks <= m[:, None], v, -np.inf)
    k = v.argmax(1)
    return v[np.arange(T), k], k


def greedy(inst, groups):
    """Greedy start: repeatedly give the (agent, day, shift) with the largest gain in answered contacts
    per agent (best average over LOOK_AHEAD extra agents, since the curve is S-shaped: a thin queue
    gains little from one agent but much from several) minus paid-hour cost, keeping every rule
    but the weekly minimum satisfied and the minimum reachable; then place breaks where they cost least."""
    assert len(inst.queues) == 2, "the greedy start pools skills for exactly two queues"
    kinds = []   # per group: 0 = queue-0 only, 1 = queue-1 only, 2 = both
    for sk in groups.skills:
        qs = {q for q, _ in sk}
        kinds.append(2 if len(qs) == 2 else next(iter(qs)))
    heads = np.zeros((3, inst.T), dtype=int)       # on shift per kind, breaks ignored during shift choice
    weeks = [dict() for _ in inst.agents]
    rules = [Week(inst, a) for a in range(len(inst.agents))]
    opt_t0 = np.array([o.t0 for o in inst.options])
    opt_t1 = np.array([o.t1 for o in inst.options])
    opt_cost = np.array([PAID_HOUR_COST * o.paid / 60 for o in inst.options]) if inst.mode == "balance" else 0
    done = [False] * len(inst.agents)

    def value(h):
        return split_value(inst, h[0], h[1], h[2])[0]

    while not all(done):
        base = value(heads)
        gains = []
        for kind in range(3):
            best = np.zeros(inst.T)
            for j in LOOK_AHEAD:
                h = heads.copy()
                h[kind] += j
                h[0] = np.minimum(h[0], inst.ans[0].shape[1] - 1)
                h[1] = np.minimum(h[1], inst.ans[1].shape[1] - 1)
                best = np.maximum(best, (value(h) - base) / j)
            pref = np.concatenate([[0], np.cumsum(best)])
            gains.append(pref[opt_t1] - pref[opt_t0] - opt_cost)
        pick = None
        for a, agent in enumerate(inst.agents):
            if done[a]:
                continue
            g = gains[kinds[groups.of_agent[a]]]
            cand = [o for d in range(inst.days) if d not in weeks[a] for o in inst.allowed[a][d]]
            found = None
            for o in sorted(cand, key=lambda o: -g[o]):
                if rules[a].can_add(weeks[a], o):
                    found = o
                    break
            paid = sum(inst.options[o].paid for o in weeks[a].values())
            if found is None or (g[found] <= 0 and paid >= agent.contract.week_min):
                done[a] = True
                if paid < agent.contract.week_min:
                    print(f"greedy: {agent.id} stuck at {paid} paid minutes", file=sys.stderr)
                continue
            # agents below their minimum go first when their best gain is non-positive
            score = g[found] if paid >= agent.contract.week_min else max(g[found], 0) + 1e-9
            if pick is None or score > pick[0]:
                pick = (score, a, found)
        if pick is None:
            break
        _, a, o = pick
        weeks[a][inst.options[o].day] = o
        opt = inst.options[o]
        heads[kinds[groups.of_agent[a]], opt.t0:opt.t1] += 1
    # breaks: shifts in start order, breaks in template order, each at the position losing least
    placed = {}
    order = sorted(((a, o) for a, w in enumerate(weeks) for o in w.values()), key=lambda x: inst.options[x[1]].start)
    floor = heads.astype(float)
    for a, o in order:
        opt = inst.options[o]
        kind = kinds[groups.of_agent[a]]
        lists = inst.break_positions[opt.template.id]
        chosen = []
        for b, ps in zip(opt.template.breaks, lists):
            base = value(floor.astype(int))
            h = floor.copy()
            h[kind] -= 1
            loss = base - value(np.maximum(h, 0).astype(int))
            pref = np.concatenate([[0], np.cumsum(loss)])
            best = None
            for p in ps:
                t0 = (opt.start + p * 60 - inst.grid_start) // inst.step
                t1 = min(inst.T, t0 + b["length"] // inst.step_min)
                cost = pref[min(t1, inst.T)] - pref[min(t0, inst.T)] if t0 < inst.T else 0
                if best is None or cost < best[0] - 1e-12:
                    best = (cost, p, t0, t1)
            _, p, t0, t1 = best
            if t0 < inst.T:
                floor[kind, t0:t1] -= 1
            chosen.append(p)
        placed[(a, o)] = chosen
    return weeks, placed


# ----------------------------------------------------------------------------------------------- CP-SAT

def solve(inst, groups, weeks, placed, time_limit, log, hint=True):
    """CP-SAT on the model of docs/baselines.md; the greedy week (weeks, placed) is the hint unless hint=False."""
    from ortools.sat.python import cp_model
    m = cp_model.CpModel()
    A, D, T, Q = len(inst.agents), inst.days, inst.T, len(inst.queues)
    x = {}                                  # (a, o) -> bool
    for a in range(A):
        for d in range(D):
            for o in inst.allowed[a][d]:
                x[a, o] = m.NewBoolVar(f"x{a}_{o}")
    hint_x = {(a, o) for a, w in enumerate(weeks) for o in w.values()}

    # --- contract rules per agent
    for a, agent in enumerate(inst.agents):
        c = agent.contract
        work = []
        for d in range(D):
            vs = [x[a, o] for o in inst.allowed[a][d]]
            w = m.NewBoolVar(f"w{a}_{d}")
            m.Add(sum(vs) == w)
            m.AddHint(w, d in weeks[a])
            work.append(w)
        mine = [o for d in range(D) for o in inst.allowed[a][d]]
        m.Add(sum(inst.options[o].paid * x[a, o] for o in mine) >= c.week_min)
        m.Add(sum(inst.options[o].paid * x[a, o] for o in mine) <= c.week_max)
        m.Add(sum(work) <= D - c.days_off_min)
        for d0 in range(D - c.max_consecutive):
            m.Add(sum(work[d0:d0 + c.max_consecutive + 1]) <= c.max_consecutive)
        # rest: on adjacent worked days, next start - this end >= min_rest (minutes from the grid start);
        # shifts two or more days apart that are still too close (very long shifts) exclude each other
        def minutes(t):
            return (t - inst.grid_start) // 60
        for d in range(D - 1):
            end = sum(minutes(inst.options[o].end) * x[a, o] for o in inst.allowed[a][d])
            start = sum(minutes(inst.options[o].start) * x[a, o] for o in inst.allowed[a][d + 1])
            m.Add(start - end >= c.min_rest).OnlyEnforceIf([work[d], work[d + 1]])
        for o in mine:
            oo = inst.options[o]
            for p in mine:
                if inst.options[p].day >= oo.day + 2 and inst.options[p].start - oo.end < c.min_rest * 60:
                    m.AddBoolOr([x[a, o].Not(), x[a, p].Not()])
        nights = [x[a, o] for o in mine if inst.options[o].night]
        if len(nights) > c.max_nights:
            m.Add(sum(nights) <= c.max_nights)
        # start spread: one window [s, s + spread] of start minutes is chosen; every start lies in it
        starts = sorted({inst.options[o].start_minute for o in mine})
        if starts and starts[-1] - starts[0] > c.max_spread:
            z = {s: m.NewBoolVar(f"z{a}_{s}") for s in starts}
            m.AddExactlyOne(z.values())
            hs = [inst.options[o].start_minute for o in weeks[a].values()]
            for s in starts:
                m.AddHint(z[s], bool(hs) and s == min(hs))
            for d in range(D):
                for s in starts:
                    vs = [x[a, o] for o in inst.allowed[a][d] if inst.options[o].start_minute == s]
                    if vs:
                        m.Add(sum(vs) <= sum(z[w] for w in starts if w <= s <= w + c.max_spread))

    # --- head counts: n[g, o] agents of group g work option o; y[g, key, k, p] of the agents of group g
    # on the options of one (day, template, start) have break k at position p. on[g][t] (on shift, not
    # on break) is written as a difference chain, on[t] - on[t-1] = starts - ends - break starts + break
    # ends, which keeps every constraint short (a direct sum has ~150 terms per interval).
    G = len(groups.skills)
    hint_y = Counter()
    for (a, o), pl in placed.items():
        opt = inst.options[o]
        for k, p in enumerate(pl):
            hint_y[groups.of_agent[a], (opt.day, opt.template.id, opt.start_minute), k, p] += 1
    delta = [[[] for _ in range(T + 1)] for _ in range(G)]
    yvars = {}
    paid_cost = []
    for g in range(G):
        keys = {}
        for o in inst.options:
            vs = [x[a, o.index] for a in groups.members[g] if (a, o.index) in x]
            if not vs:
                continue
            n = m.NewIntVar(0, len(vs), f"n{g}_{o.index}")
            m.Add(n == sum(vs))
            m.AddHint(n, sum(1 for a in groups.members[g] if (a, o.index) in hint_x))
            delta[g][o.t0].append((1, n))
            delta[g][o.t1].append((-1, n))
            keys.setdefault((o.day, o.template.id, o.start_minute), []).append((o, n))
            if inst.mode == "balance":
                paid_cost.append((round(PAID_HOUR_COST * SCALE * o.paid / 60), n))
        for key, members in keys.items():
            o0 = members[0][0]
            size = len(groups.members[g])
            for k, (b, ps) in enumerate(zip(o0.template.breaks, inst.break_positions[o0.template.id])):
                ys = []
                for p in ps:
                    y = m.NewIntVar(0, size, f"y{g}_{key}_{k}_{p}")
                    ys.append(y)
                    yvars[g, key, k, p] = y
                    m.AddHint(y, hint_y[g, key, k, p])
                    t0 = min(T, (o0.start + p * 60 - inst.grid_start) // inst.step)
                    delta[g][t0].append((-1, y))
                    delta[g][min(T, t0 + b["length"] // inst.step_min)].append((1, y))
                m.Add(sum(ys) == sum(n for _, n in members))

    hint_on = np.zeros((G, T), dtype=int)
    for (a, o), ps in placed.items():
        opt = inst.options[o]
        g = groups.of_agent[a]
        hint_on[g, opt.t0:opt.t1] += 1
        for b, p in zip(opt.template.breaks, ps):
            t0 = (opt.start + p * 60 - inst.grid_start) // inst.step
            hint_on[g, t0:min(T, t0 + b["length"] // inst.step_min)] -= 1
    on = [[None] * T for _ in range(G)]
    for g in range(G):
        for t in range(T):
            on[g][t] = m.NewIntVar(0, len(groups.members[g]), f"on{g}_{t}")
            m.Add(on[g][t] == (on[g][t - 1] if t else 0) + sum(c * v for c, v in delta[g][t]))
            m.AddHint(on[g][t], int(hint_on[g, t]))

    # --- flows: two-skill groups split their head count between their queues each interval
    N_terms = [[[] for _ in range(T)] for _ in range(Q)]
    secondary = []
    hint_N = np.zeros((Q, T), dtype=int)
    multi = [g for g in range(G) if len(groups.skills[g]) > 1]
    for g in range(G):
        if len(groups.skills[g]) == 1:
            q = groups.skills[g][0][0]
            hint_N[q] += hint_on[g]
            for t in range(T):
                N_terms[q][t].append(on[g][t])
    # hint split: best whole split of the pooled two-skill head count, primary-skill agents first
    if multi:
        pooled = hint_on[multi].sum(0)
        _, k0 = split_value(inst, hint_N[0], hint_N[1], pooled)
        hint_N[0] += k0
        hint_N[1] += pooled - k0
    for t in range(T):
        left = int(k0[t]) if multi else 0
        for g in sorted(multi, key=lambda g: dict(groups.skills[g]).get(0, 9)):
            (q0, l0), (q1, l1) = groups.skills[g]
            f = m.NewIntVar(0, len(groups.members[g]), f"f{g}_{t}")     # to queue q0; the rest to q1
            m.Add(f <= on[g][t])
            take = min(left, int(hint_on[g, t]))
            left -= take
            m.AddHint(f, take if q0 == 0 else int(hint_on[g, t]) - take)
            N_terms[q0][t].append(f)
            N_terms[q1][t].append(on[g][t] - f)
            for level, flow in ((l0, f), (l1, on[g][t] - f)):
                if level > 1:
                    secondary.append((level - 1, flow))

    # --- objective: answered within threshold at each queue-interval's head count, exact at whole counts.
    # U (useful head count) <= N is the argument of the table; the table is cut where it stops growing
    # (to 0.001 contacts), which shrinks the element encodings. At an optimum U = min(N, saturation), so
    # the optimum is the exact value; an incumbent with a smaller U is valued below its true service.
    answered = []
    for q in range(Q):
        for t in range(T):
            table = [int(round(SCALE * v)) for v in inst.ans[q][t]]
            if max(table) == 0:
                continue
            sat = table.index(max(table))
            table = table[:sat + 1]
            U = m.NewIntVar(0, sat, f"U{q}_{t}")
            m.Add(U <= sum(N_terms[q][t]))
            v = m.NewIntVar(0, max(table), f"ans{q}_{t}")
            m.AddElement(U, table, v)
            m.AddHint(U, min(int(hint_N[q, t]), sat))
            m.AddHint(v, table[min(int(hint_N[q, t]), sat)])
            # redundant cuts: the upper concave envelope of the table (valid, tightens the LP bound)
            for (x1, y1), (x2, y2) in upper_hull(table):
                m.Add((x2 - x1) * v <= (x2 - x1) * y1 + (y2 - y1) * (U - x1))
            answered.append(v)
    obj = sum(answered) - sum(c * n for c, n in paid_cost) \
        - sum(int(round(SCALE * SECONDARY_COST)) * lv * f for lv, f in secondary)
    m.Maximize(obj)
    for (a, o), v in x.items():
        m.AddHint(v, (a, o) in hint_x)

    if not hint:
        m.clear_hints()
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.random_seed = inst.seed
    solver.parameters.log_search_progress = log

    class Progress(cp_model.CpSolverSolutionCallback):
        def __init__(self):
            super().__init__()
            self.t0 = time.time()

        def on_solution_callback(self):
            print(f"  incumbent {self.ObjectiveValue() / SCALE:10.1f}  bound {self.BestObjectiveBound() / SCALE:10.1f}"
                  f"  {time.time() - self.t0:6.1f} s", file=sys.stderr, flush=True)

    t0 = time.time()
    status = solver.Solve(m, Progress())
    seconds = time.time() - t0
    name = solver.StatusName(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise SystemExit(f"CP-SAT: {name} after {seconds:.1f} s")
    roster = {(a, o) for (a, o), v in x.items() if solver.Value(v)}
    # decode breaks: per group and option, hand the break positions' counts to the group's agents
    breaks = {}
    for g in range(G):
        keys = {}
        for a in groups.members[g]:
            for (b, o) in roster:
                if b == a:
                    opt = inst.options[o]
                    keys.setdefault((opt.day, opt.template.id, opt.start_minute), []).append((a, o))
        for key, worked in keys.items():
            worked.sort()
            tpl = inst.templates[key[1]]
            per = [[] for _ in worked]
            for k, ps in enumerate(inst.break_positions[tpl.id]):
                seq = [p for p in ps for _ in range(solver.Value(yvars[g, key, k, p]))]
                assert len(seq) == len(worked), (g, key, k, seq, worked)
                for i, p in enumerate(seq):
                    per[i].append(p)
            for ao, ps in zip(worked, per):
                breaks[ao] = ps
    info = dict(status=name, objective=solver.ObjectiveValue() / SCALE, bound=solver.BestObjectiveBound() / SCALE,
                seconds=seconds, variables=len(m.Proto().variables), constraints=len(m.Proto().constraints))
    return roster, breaks, info


def upper_hull(table):
    """Segments of the upper concave envelope of points (n, table[n])."""
    hull = []
    for p in enumerate(table):
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            if (y2 - y1) * (p[0] - x1) <= (p[1] - y1) * (x2 - x1):
                hull.pop()
            else:
                break
        hull.append(p)
    return list(zip(hull, hull[1:]))


# ----------------------------------------------------------------------------------------------- output

def rows_from(inst, pairs, breaks):
    shifts, brs = [], []
    for a, o in sorted(pairs, key=lambda p: (inst.agents[p[0]].id, inst.options[p[1]].start)):
        opt = inst.options[o]
        aid = inst.agents[a].id
        shifts.append(dict(agent=aid, date=opt.date, shift_id=opt.template.id, start=opt.start, end=opt.end, paid=opt.paid))
        for b, p in zip(opt.template.breaks, breaks[a, o]):
            s = opt.start + p * 60
            brs.append(dict(agent=aid, start=s, end=s + b["length"] * 60, paid=b["paid"]))
    return shifts, brs


def write_roster(inst, out, shifts, breaks):
    os.makedirs(out, exist_ok=True)
    for name, header, rows in (
            ("shifts.csv", ["agent_id", "date", "shift_id", "start", "end", "paid_minutes"],
             [[s["agent"], s["date"].isoformat(), s["shift_id"], inst.stamp(s["start"]), inst.stamp(s["end"]), s["paid"]]
              for s in shifts]),
            ("breaks.csv", ["agent_id", "start", "end", "paid"],
             [[b["agent"], inst.stamp(b["start"]), inst.stamp(b["end"]), "true" if b["paid"] else "false"] for b in breaks])):
        tmp = os.path.join(out, f".{name}.tmp")
        with open(tmp, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        os.replace(tmp, os.path.join(out, name))


def read_roster(inst, out):
    """Re-reads shifts.csv and breaks.csv (the evaluation never sees solver variables)."""
    with open(os.path.join(out, "shifts.csv")) as f:
        shifts = [dict(agent=r["agent_id"], date=dt.date.fromisoformat(r["date"]), shift_id=r["shift_id"],
                       start=inst.parse_stamp(r["start"]), end=inst.parse_stamp(r["end"]), paid=int(r["paid_minutes"]))
                  for r in csv.DictReader(f)]
    with open(os.path.join(out, "breaks.csv")) as f:
        breaks = [dict(agent=r["agent_id"], start=inst.parse_stamp(r["start"]), end=inst.parse_stamp(r["end"]),
                       paid=r["paid"] == "true") for r in csv.DictReader(f)]
    return shifts, breaks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--out", required=True)
    ap.add_argument("--eval-only", action="store_true", help="only check and evaluate the roster in --out")
    ap.add_argument("--log", action="store_true", help="CP-SAT search log on stdout")
    ap.add_argument("--no-hint", action="store_true", help="solve without the greedy start (for comparison)")
    ap.add_argument("--fixed-breaks", action="store_true",
                    help="each break at the middle of its allowed positions instead of a decision")
    args = ap.parse_args()
    t0 = time.time()
    inst = Instance(args.scenario)
    if args.fixed_breaks:
        inst.break_positions = {k: [[ps[len(ps) // 2]] for ps in lists] for k, lists in inst.break_positions.items()}
    groups = Groups(inst)
    print(f"{inst.name}: {len(inst.agents)} agents, {inst.T} intervals, {len(inst.options)} shift options, "
          f"{sum(len(d) for a in inst.allowed for d in a)} agent-day-options, contacts {inst.total_contacts:.1f}; "
          f"groups {[(g, len(mb)) for g, mb in zip(groups.skills, groups.members)]} ({time.time() - t0:.1f} s)")
    bound = capacity_bound(inst, groups)
    print("shape-free capacity bound: " + ", ".join(
        f"{q.id} {100 * b / q.contacts.sum():.2f}%" for q, b in zip(inst.queues, bound))
        + f", overall {100 * sum(bound) / inst.total_contacts:.2f}% ({sum(bound):.1f} contacts)")
    if args.eval_only:
        report_service(inst, groups, *read_roster(inst, args.out), args.out)
        return
    t1 = time.time()
    weeks, placed = greedy(inst, groups)
    print(f"greedy start: {time.time() - t1:.1f} s")
    report_service(inst, groups, *rows_from(inst, list(placed), placed), "greedy start")
    roster, breaks, info = solve(inst, groups, weeks, placed, args.time_limit, args.log, hint=not args.no_hint)
    print(f"\nCP-SAT {info['status']}: objective {info['objective']:.1f}, bound {info['bound']:.1f}, "
          f"{info['seconds']:.1f} s ({info['variables']} variables, {info['constraints']} constraints)")
    shifts, brs = rows_from(inst, roster, breaks)
    write_roster(inst, args.out, shifts, brs)
    r = report_service(inst, groups, *read_roster(inst, args.out), f"CP-SAT {args.time_limit:g} s -> {args.out}")
    if r["violations"]:
        raise SystemExit("the CP-SAT roster breaks a hard rule (see above)")


if __name__ == "__main__":
    main()
