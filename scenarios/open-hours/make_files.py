#!/usr/bin/env python3
"""Writes the open-hours scenario's inputs in two spreadsheet dialects with the same content.

Both folders get open-hours.yaml, a copy of scenario.yaml.in.

- default/: what wfm writes: UTF-8, ',' delimiter, decimal point, ISO dates and times, LF.
- ru/: what a Russian-locale Excel saves as "CSV": Windows-1251, ';' delimiter, decimal comma,
  DD.MM.YYYY dates, 'DD.MM.YYYY HH:MM' times, CRLF line ends.

The forecast has rows only for each queue's open hours (voice 07:00-21:00, chat 08:00-20:00), as a
forecast exported from another planning tool does. Volumes are a synthetic two-peak day profile.
Run: python3 make_files.py (from this folder); the files are committed, this script documents them.
"""
import datetime
import math
import os

START = datetime.date(2026, 3, 2)
DAYS = 7
OPEN = {"voice": (7 * 60, 21 * 60), "chat": (8 * 60, 20 * 60)}
AHT = {"voice": 240.0, "chat": 600.0}
AGENTS = [
    ("r01", "Анна Смирнова", "full-time", "voice"),
    ("r02", "Борис Иванов", "full-time", "voice"),
    ("r03", "Вера Кузнецова", "full-time", "voice|chat:2"),
    ("r04", "Глеб Попов", "full-time", "voice|chat:2"),
    ("r05", "Дарья Соколова", "full-time", "chat|voice:2"),
    ("r06", "Егор Лебедев", "part-time", "voice"),
    ("r07", "Жанна Козлова", "part-time", "chat"),
    ("r08", "Зоя Новикова", "part-time", "voice|chat:3"),
    ("r09", "Ирина Морозова", "part-time", "chat|voice:2"),
]
AVAILABILITY = [
    ("r02", START + datetime.timedelta(days=2), "00:00", "24:00", "unavailable"),
    ("r05", START + datetime.timedelta(days=4), "00:00", "12:00", "prefer-off"),
    ("r07", START + datetime.timedelta(days=1), "08:00", "14:00", "prefer-on"),
]


def contacts(queue, day, minute):
    """Contacts in the 30-minute interval starting at `minute`: peaks at 10:30 and 15:30, lighter weekends."""
    peak = math.exp(-((minute - 630) / 120) ** 2) + 0.8 * math.exp(-((minute - 930) / 150) ** 2)
    scale = {"voice": 10.0, "chat": 4.0}[queue] * (0.6 if day.weekday() >= 5 else 1.0)
    return round(1 + scale * peak, 3)


def forecast_rows():
    for d in range(DAYS):
        day = START + datetime.timedelta(days=d)
        for minute in range(0, 1440, 30):
            for queue, (open_from, open_to) in OPEN.items():
                if open_from <= minute < open_to:
                    yield day, minute, queue, contacts(queue, day, minute), AHT[queue]


def write(path, rows, delimiter, encoding, newline):
    with open(path, "w", encoding=encoding, newline="") as f:
        for row in rows:
            f.write(delimiter.join(row) + newline)


def dialects():
    iso = dict(delimiter=",", encoding="utf-8", newline="\n",
               date=lambda d: d.isoformat(), stamp=lambda d, m: f"{d.isoformat()}T{m // 60:02d}:{m % 60:02d}+03:00",
               number=lambda x: f"{x:.3f}".rstrip("0").rstrip("."))
    ru = dict(delimiter=";", encoding="cp1251", newline="\r\n",
              date=lambda d: d.strftime("%d.%m.%Y"), stamp=lambda d, m: f"{d.strftime('%d.%m.%Y')} {m // 60:02d}:{m % 60:02d}",
              number=lambda x: f"{x:.3f}".rstrip("0").rstrip(".").replace(".", ","))
    return {"default": iso, "ru": ru}


def main():
    for folder, t in dialects().items():
        os.makedirs(folder, exist_ok=True)
        fc = [["interval_start", "queue", "contacts", "aht_seconds"]]
        fc += [[t["stamp"](d, m), q, t["number"](c), t["number"](a)] for d, m, q, c, a in forecast_rows()]
        write(f"{folder}/forecast.csv", fc, t["delimiter"], t["encoding"], t["newline"])
        write(f"{folder}/agents.csv", [["agent_id", "name", "contract", "skills"]] + [list(a) for a in AGENTS],
              t["delimiter"], t["encoding"], t["newline"])
        av = [["agent_id", "date", "start", "end", "kind"]] + [[a, t["date"](d), s, e, k] for a, d, s, e, k in AVAILABILITY]
        write(f"{folder}/availability.csv", av, t["delimiter"], t["encoding"], t["newline"])
        with open("scenario.yaml.in", encoding="utf-8") as source, open(f"{folder}/open-hours.yaml", "w", encoding="utf-8") as f:
            f.write(source.read())


if __name__ == "__main__":
    main()
