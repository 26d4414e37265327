#!/usr/bin/env python3
"""Writes the long-horizon scenario's forecast.csv: one voice queue, two weeks, 30-minute intervals.

A plain synthetic day (no reference data: this scenario shows the scenario keys, not a forecast):
contacts rise from 07:00 to a 10:00-12:00 peak, dip at lunch, peak again 15:00-17:00 and fade out
by 23:00; Saturdays carry 60 % of a weekday, Sundays 40 %. Deterministic, no randomness.
Usage: python3 generate.py   (writes forecast.csv next to this script)
"""
import datetime, os

START = datetime.date(2026, 3, 2)   # a Monday
DAYS = 14
HOURLY = [  # contacts per hour, split evenly over its two half hours
    0, 0, 0, 0, 0, 0, 0, 6, 10, 14, 16, 16, 12, 10, 13, 15, 15, 12, 9, 7, 5, 4, 2, 0]
DAY_FACTOR = {5: 0.6, 6: 0.4}       # Python weekday(): Saturday, Sunday

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "forecast.csv"), "w") as f:
    f.write("interval_start,queue,contacts,aht_seconds\n")
    for d in range(DAYS):
        day = START + datetime.timedelta(days=d)
        for hour, contacts in enumerate(HOURLY):
            value = contacts * DAY_FACTOR.get(day.weekday(), 1.0) / 2
            for minute in (0, 30):
                f.write(f"{day.isoformat()}T{hour:02d}:{minute:02d}+03:00,voice,{value:.2f},240\n")
