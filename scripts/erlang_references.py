#!/usr/bin/env python3
"""High-precision Erlang C / Erlang A references for Tests/StaffingTests (run once, output committed).

Every number is computed with mpmath at 60 significant digits from the textbook definitions,
independently of the Swift code's recursions and series:
  Erlang B   B = (A^N/N!) / sum_{k<=N} A^k/k!, via B = 1 / (e^A Gamma(N+1, A) / A^N ... ) i.e. the
             regularised upper incomplete gamma: 1/B = e^A * A^-N * Gamma(N+1, A)  (Jagerman 1974)
  Erlang C   C = N B / (N - A (1 - B)), SL = 1 - C exp(-(N-A) T / AHT), ASA = C AHT / (N - A), occ = A/N
  Erlang A   (M/M/N+M; Garnett, Mandelbaum & Reiman 2002; Mandelbaum & Zeltyn 2004)
             a = N p/AHT, x = A p/AHT, J = a e^x x^-a gamma(a, x), Pw = B J / (1 - B + B J),
             P(Ab) = Pw ((x - a) J + a) / (x J), SL = 1 - Pw + Pw [gamma(a+1,x) - gamma(a+1,x e^{-T/p})] / (x gamma(a,x)),
             ASA = P(Ab) p, occupancy = A (1 - P(Ab)) / N.
Printed with 20 significant digits. Usage: python3 scripts/erlang_references.py > Tests/StaffingTests/Resources/high_precision_references.csv
"""
from mpmath import mp, mpf, exp, gammainc, nstr

mp.dps = 60

def erlang_b(A, N):
    # 1/B = e^A A^-N Gamma(N+1, A)   (upper incomplete gamma, unregularised)
    return 1 / (exp(A) * A ** (-N) * gammainc(N + 1, A))

def erlang_c(A, aht, N, T):
    B = erlang_b(A, N)
    C = N * B / (N - A * (1 - B))
    return dict(erlang_b=B, wait_probability=C, service_level=1 - C * exp(-(N - A) * T / aht),
                asa_s=C * aht / (N - A), occupancy=A / N, abandon_probability=mpf(0))

def erlang_a(A, aht, N, T, p):
    B = erlang_b(A, N)
    a, x = N * p / aht, A * p / aht
    lower = lambda s, y: gammainc(s, 0, y)
    J = a * exp(x) * x ** (-a) * lower(a, x)
    pw = B * J / (1 - B + B * J)
    ab = pw * ((x - a) * J + a) / (x * J)
    u = exp(-T / p)
    served = (lower(a + 1, x) - lower(a + 1, x * u)) / (x * lower(a, x))
    return dict(erlang_b=B, wait_probability=pw, service_level=1 - pw + pw * served,
                asa_s=ab * p, occupancy=A * (1 - ab) / N, abandon_probability=ab)

CASES = [
    # model, load A (erlangs), aht_s, agents, target_s, patience_s
    ("erlang-c", "0.01", 180, 1, 20, None),
    ("erlang-c", "0.01", 180, 3, 20, None),
    ("erlang-c", "1000", 180, 1010, 20, None),
    ("erlang-c", "1000", 180, 1030, 20, None),
    ("erlang-c", "1000", 240, 1100, 15, None),
    ("erlang-c", "10000", 180, 10040, 20, None),
    ("erlang-c", "10000", 300, 10100, 15, None),
    ("erlang-c", "20000", 180, 20014, 20, None),
    ("erlang-c", "20000", 180, 20100, 20, None),
    ("erlang-c", "20000", 180, 20500, 60, None),
    ("erlang-a", "0.01", 180, 1, 20, 60),
    ("erlang-a", "250", 180, 82, 20, 120),
    ("erlang-a", "1000", 180, 500, 20, 120),
    ("erlang-a", "1000", 180, 980, 20, 120),
    ("erlang-a", "1000", 180, 1020, 20, 120),
    ("erlang-a", "10000", 300, 9900, 20, 600),
    ("erlang-a", "10000", 300, 10050, 20, 600),
    ("erlang-a", "20000", 180, 18820, 20, 300),
    ("erlang-a", "20000", 180, 20050, 20, 300),
    ("erlang-a", "20000", 180, 25000, 20, 300),
]
COLUMNS = ["erlang_b", "wait_probability", "service_level", "asa_s", "occupancy", "abandon_probability"]

print("# High-precision Erlang references: mpmath 60 digits, printed to 20; made by scripts/erlang_references.py")
print("model,load,aht_s,agents,target_s,patience_s," + ",".join(COLUMNS))
for model, load, aht, n, t, p in CASES:
    A = mpf(load)
    r = erlang_c(A, mpf(aht), n, mpf(t)) if model == "erlang-c" else erlang_a(A, mpf(aht), n, mpf(t), mpf(p))
    print(",".join([model, load, str(aht), str(n), str(t), "" if p is None else str(p)] + [nstr(r[c], 20) for c in COLUMNS]))
