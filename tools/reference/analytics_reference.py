#!/usr/bin/env python3
"""High-precision reference values for core/analytics tests (mpmath, 50 significant digits).

Writes three CSV files under core/src/test/resources/dev/thetaflow/core/analytics/:
  normal-reference.csv    function,x,value   for pdf, cdf, erfc, erfcx, inverse_cdf
  black-reference.csv     x,s,value          normalised Black call b(x,s) (Jaeckel's normalisation)
  bsm-reference.csv       one row per option: inputs, price, first- and second-order Greeks,
                          the Greeks taken by numerical differentiation of the 50-digit price
                          (mpmath.diff), so they are independent of any closed form.
Deterministic (fixed seed). Run from the repository root:  python3 tools/reference/analytics_reference.py
"""
import os
import random

import mpmath as mp

mp.mp.dps = 50
OUT = "core/src/test/resources/dev/thetaflow/core/analytics"


def fmt(v):
    return mp.nstr(mp.mpf(v), 20, min_fixed=0, max_fixed=0)


def phi(x):
    return mp.npdf(x)


def cdf(x):
    return mp.ncdf(x)


def normal_rows():
    rows = []
    xs = [mp.mpf(i) / 8 for i in range(-38 * 8, 9 * 8 + 1)]
    xs += [mp.mpf("-37.5"), mp.mpf("-0.66"), mp.mpf("0.66"), mp.mpf("1e-10"), mp.mpf("-1e-10")]
    rnd = random.Random(20261123)
    xs += [mp.mpf(rnd.uniform(-38.0, 9.0)) for _ in range(400)]
    for x in xs:
        x = mp.mpf(float(x))  # the double the test will pass in
        rows.append(("cdf", x, cdf(x)))
        rows.append(("pdf", x, phi(x)))
    for i in range(-26 * 8, 27 * 8 + 1):
        x = mp.mpf(float(mp.mpf(i) / 8))
        rows.append(("erfc", x, mp.erfc(x)))
    zs = [mp.mpf(i) / 8 for i in range(-26 * 8, 40 * 8 + 1)]
    zs += [mp.mpf(v) for v in ("50", "100", "1e3", "1e5", "1e7", "1e8", "1e10", "1e-8", "0.46875", "4.0")]
    zs += [mp.mpf(rnd.uniform(-26.0, 30.0)) for _ in range(200)]
    for z in zs:
        z = mp.mpf(float(z))
        rows.append(("erfcx", z, mp.exp(z * z) * mp.erfc(z)))
    ps = [mp.mpf(10) ** (-e) for e in range(1, 301, 3)]
    ps += [mp.mpf(i) / 100 for i in range(1, 100)]
    ps += [mp.mpf("0.5") - mp.mpf(10) ** (-e) for e in range(2, 16)]
    ps += [mp.mpf("0.02425"), mp.mpf("0.97575"), mp.mpf(1) - mp.mpf(10) ** (-10)]
    ps += [mp.mpf(rnd.uniform(0.0, 1.0)) for _ in range(200)]
    for p in ps:
        p = mp.mpf(float(p))
        if 0 < p < 1:
            rows.append(("inverse_cdf", p, -mp.sqrt(2) * mp.erfinv(1 - 2 * p) if p > mp.mpf("1e-15") else inv_small(p)))
    return rows


def inv_small(p):
    # erfinv loses precision for arguments close to 1; solve cdf(x) = p by Newton instead.
    x = mp.mpf(-mp.sqrt(-2 * mp.log(p)))
    for _ in range(100):
        x_new = x - (cdf(x) - p) / phi(x)
        if abs(x_new - x) < mp.mpf(10) ** (-45) * abs(x):
            return x_new
        x = x_new
    return x


def black(x, s):
    return mp.exp(x / 2) * cdf(x / s + s / 2) - mp.exp(-x / 2) * cdf(x / s - s / 2)


def black_rows():
    rows = []
    rnd = random.Random(7)
    xs = [0.0, -1e-8, -1e-3, -0.05, -0.3, -1.0, -3.0, -10.0, -40.0, 1e-3, 0.3, 2.0]
    ss = [1e-3, 0.01, 0.05, 0.2, 0.42, 1.0, 2.0, 5.0, 12.0]
    pairs = [(x, s) for x in xs for s in ss]
    pairs += [(rnd.uniform(-8, 3), rnd.uniform(0.005, 6)) for _ in range(300)]
    pairs += [(-rnd.uniform(0.5, 40), rnd.uniform(0.01, 0.3)) for _ in range(100)]  # h << -10
    for x, s in pairs:
        x, s = mp.mpf(x), mp.mpf(s)
        v = black(x, s)
        if v > mp.mpf("1e-300"):
            rows.append((x, s, v))
    return rows


def bsm_price(cp, S, K, T, r, q, v):
    sT = v * mp.sqrt(T)
    d1 = (mp.log(S / K) + (r - q) * T) / sT + sT / 2
    d2 = d1 - sT
    if cp > 0:
        return S * mp.exp(-q * T) * cdf(d1) - K * mp.exp(-r * T) * cdf(d2)
    return K * mp.exp(-r * T) * cdf(-d2) - S * mp.exp(-q * T) * cdf(-d1)


def bsm_rows():
    rows = []
    rnd = random.Random(42)
    for i in range(240):
        cp = 1 if i % 2 == 0 else -1
        S = mp.mpf(rnd.choice([5.0, 42.0, 100.0, 480.0, 5000.0]) * rnd.uniform(0.9, 1.1))
        K = S * mp.mpf(rnd.uniform(0.5, 1.5))
        T = mp.mpf(rnd.choice([1 / 365, 7 / 365, 30 / 365, 0.25, 1.0, 3.0]))
        r = mp.mpf(rnd.uniform(-0.01, 0.10))
        q = mp.mpf(rnd.uniform(0.0, 0.08))
        v = mp.mpf(rnd.uniform(0.05, 2.0))
        S, K, T, r, q, v = (mp.mpf(float(a)) for a in (S, K, T, r, q, v))
        price = bsm_price(cp, S, K, T, r, q, v)
        if price < mp.mpf("1e-250"):
            continue
        f = lambda s_, t_, r_, v_: bsm_price(cp, s_, K, t_, r_, q, v_)
        delta = mp.diff(lambda s_: f(s_, T, r, v), S)
        gamma = mp.diff(lambda s_: f(s_, T, r, v), S, 2)
        vega = mp.diff(lambda v_: f(S, T, r, v_), v)
        theta = -mp.diff(lambda t_: f(S, t_, r, v), T)
        rho = mp.diff(lambda r_: f(S, T, r_, v), r)
        vanna = mp.diff(lambda s_, v_: f(s_, T, r, v_), (S, v), (1, 1))
        charm = -mp.diff(lambda s_, t_: f(s_, t_, r, v), (S, T), (1, 1))
        vomma = mp.diff(lambda v_: f(S, T, r, v_), v, 2)
        rows.append(("call" if cp > 0 else "put", S, K, T, r, q, v,
                     price, delta, gamma, vega, theta, rho, vanna, charm, vomma))
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "normal-reference.csv"), "w") as out:
        out.write("# generated by tools/reference/analytics_reference.py (mpmath, 50 digits)\n")
        out.write("function,x,value\n")
        for name, x, v in normal_rows():
            out.write(f"{name},{float(x)!r},{fmt(v)}\n")
    with open(os.path.join(OUT, "black-reference.csv"), "w") as out:
        out.write("# generated by tools/reference/analytics_reference.py (mpmath, 50 digits)\n")
        out.write("x,s,b\n")
        for x, s, v in black_rows():
            out.write(f"{float(x)!r},{float(s)!r},{fmt(v)}\n")
    with open(os.path.join(OUT, "bsm-reference.csv"), "w") as out:
        out.write("# generated by tools/reference/analytics_reference.py (mpmath, 50 digits)\n")
        out.write("type,spot,strike,years,rate,dividend_yield,volatility,"
                  "price,delta,gamma,vega,theta,rho,vanna,charm,vomma\n")
        for row in bsm_rows():
            head = row[0]
            inputs = ",".join(repr(float(a)) for a in row[1:7])
            values = ",".join(fmt(a) for a in row[7:])
            out.write(f"{head},{inputs},{values}\n")


if __name__ == "__main__":
    main()
