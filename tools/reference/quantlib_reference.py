#!/usr/bin/env python3
"""QuantLib reference values for thetaflow's option analytics.

Writes the CSVs that core/src/test/java/dev/thetaflow/core/analytics/QuantLibReferenceTest.java
checks thetaflow's engines against. CI never runs this script; it only reads the stored CSVs.

Rerun (about 15 minutes on one core, mostly the American Greeks; deterministic, same output
byte for byte on the same QuantLib build):

    /usr/bin/python3 tools/reference/quantlib_reference.py            # writes the CSVs
    /usr/bin/python3 tools/reference/quantlib_reference.py --no-write # audit only
    /usr/bin/python3 tools/reference/quantlib_reference.py --european-only   # European CSVs

Needs QuantLib's Python bindings (generated with 1.29) and mpmath (used only for the audit that
measures QuantLib's own rounding error; nothing stored comes from mpmath).

Conventions
-----------
* Evaluation date 2025-01-15, flat curves and a flat volatility built with Actual365Fixed. For
  every case with a whole number of days the maturity date is evaluation date + days, so QuantLib's
  year fraction is exactly days/365.0; that double is written as ``years`` (repr, round-trips).
* Sub-day European expiries (1 hour, 4 hours) cannot be expressed with QuantLib dates. They are
  priced with ``ql.BlackCalculator`` (the formula object AnalyticEuropeanEngine itself uses) on
  forward = S*exp((r-q)T), stdDev = vol*sqrt(T), discount = exp(-rT). The script checks that this
  route agrees with AnalyticEuropeanEngine on the whole-day cases. American cases are whole days.
* Units stored (the script verifies QuantLib's conventions against finite differences of
  QuantLib's own NPV before writing): vega per 1.00 of volatility, rho per 1.00 of the risk-free
  rate (dividend curve held fixed), theta = dV/dt per year as calendar time passes, charm =
  d(delta)/dt per year as calendar time passes, vanna = d2V/(dS dvol), vomma = d2V/dvol2.

European second-order Greeks (vanna, charm, vomma) are not provided by QuantLib. They are
Richardson-extrapolated central differences of QuantLib's own analytic delta and vega
(BlackCalculator), step h = 1e-3 * vol (vanna, vomma) or h = 1e-3 * T (charm), combined as
(4 C(h) - C(2h)) / 3, truncation O(h^4). Column ``second_order_rel_tol`` is the relative
tolerance (with the floors of the Java test) the script vouches for; it is checked here against a
50-digit mpmath evaluation of the Black-Scholes formula.

American values come from QdFpAmericanEngine with highPrecisionScheme(). QuantLib returns the
European value where early exercise is never optimal (puts with r <= 0 <= q, i.e. every random
put with a negative rate here; calls with q = 0 <= r). The double-boundary regime (put with
q < r < 0, call with r < q < 0) cannot occur with q >= 0, and no case was refused. Case counts:
2048 European (48 edge + 2000 random), 642 American (42 edge + 600 random: the high-precision
engine takes up to ~1 s per price at high vol, so 600 keeps the run short). American Greeks are
Richardson-extrapolated central differences of that price, (4 C(h) - C(2h)) / 3:
spot step h = S * min(1e-3, 0.05 * vol * sqrt(T)) for delta and gamma, vol step 1e-3 * vol, rate
step 1e-4 absolute, and time through the exact Black-Scholes scaling
V(T*l; r, q, vol) = V(T; r*l, q*l, vol*sqrt(l)) with step 1e-3 in l (so sub-day steps need no
dates). Each Greek has an ``*_err`` column, an upper estimate of its finite-difference error:
for delta and gamma |extrapolated(h) - extrapolated(h/2)|, for vega, theta and rho the distance
between the extrapolated and the plain central difference (a deliberate overestimate).
Where a bump crosses a regime change (e.g. rate 0 for a put, where early exercise starts) the
derivative is one-sided in truth and the err column is large: the test tolerance follows it.

Accuracy of the American reference, measured once on all 642 rows against the finer
QdFpTanhSinhIterationScheme(20, 80, 1e-12): median 1e-15, 99th percentile 2e-8, worst 1.25e-7
(relative to max(price, 1e-3 K)). The worst rows sit on or just inside the exercise boundary
(a0044, aedge-r10-deep-itm-put, aedge-hidiv-itm-call), where highPrecisionScheme lands a few
1e-7 above the intrinsic value that the finer scheme and a 2000x4000 finite-difference grid
return. The in-script cross-check (40 random rows) prints the same kind of comparison; the
800x800 finite-difference engine agrees only to ~1e-4 and is a sanity check, not a reference.

American implied volatility: QuantLib's VanillaOption.impliedVolatility switches American options
to a coarse finite-difference engine, so instead ql.Brent solves QdFp-high-precision price(vol) =
target to 1e-13 in vol.
"""

import math
import os
import random
import sys
import time

import QuantLib as ql

SEED = 20261123
N_EURO = int(os.environ.get("REF_N_EURO", 2000))
N_AMER = int(os.environ.get("REF_N_AMER", 600))
N_FD_CHECK = int(os.environ.get("REF_N_FD", 40))
EVAL = ql.Date(15, 1, 2025)
DC = ql.Actual365Fixed()
OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "src", "test", "resources",
    "reference")

ql.Settings.instance().evaluationDate = EVAL


def qtype(t):
    return ql.Option.Call if t == "call" else ql.Option.Put


class Market:
    """One BSM process on SimpleQuotes, so bumping a quote makes every attached option reprice.

    The curves float with the evaluation date (0 settlement days), so moving it is time passing.
    """

    def __init__(self):
        self.s = ql.SimpleQuote(100.0)
        self.r = ql.SimpleQuote(0.0)
        self.q = ql.SimpleQuote(0.0)
        self.v = ql.SimpleQuote(0.2)
        rts = ql.YieldTermStructureHandle(ql.FlatForward(0, ql.NullCalendar(), ql.QuoteHandle(self.r), DC))
        qts = ql.YieldTermStructureHandle(ql.FlatForward(0, ql.NullCalendar(), ql.QuoteHandle(self.q), DC))
        vts = ql.BlackVolTermStructureHandle(
            ql.BlackConstantVol(0, ql.NullCalendar(), ql.QuoteHandle(self.v), DC))
        self.process = ql.BlackScholesMertonProcess(ql.QuoteHandle(self.s), qts, rts, vts)

    def set(self, s, r, q, v):
        self.s.setValue(s)
        self.r.setValue(r)
        self.q.setValue(q)
        self.v.setValue(v)


MKT = Market()
EURO_ENGINE = ql.AnalyticEuropeanEngine(MKT.process)
QDFP_HP = ql.QdFpAmericanEngine(MKT.process, ql.QdFpAmericanEngine.highPrecisionScheme())


def option(t, k, days, american):
    mat = EVAL + days
    ex = ql.AmericanExercise(EVAL, mat) if american else ql.EuropeanExercise(mat)
    return ql.VanillaOption(ql.PlainVanillaPayoff(qtype(t), k), ex)


# ---------------------------------------------------------------------------------------------
# European
# ---------------------------------------------------------------------------------------------


def bc_greeks(t, s, k, T, r, q, v):
    """Value and first-order Greeks from ql.BlackCalculator, in the stored units."""
    fwd = s * math.exp((r - q) * T)
    df = math.exp(-r * T)
    bc = ql.BlackCalculator(ql.PlainVanillaPayoff(qtype(t), k), fwd, v * math.sqrt(T), df)
    return dict(price=bc.value(), delta=bc.delta(s), gamma=bc.gamma(s), vega=bc.vega(T),
                theta=bc.theta(s, T), rho=bc.rho(T))


def richardson(f, x, h):
    c1 = (f(x + h) - f(x - h)) / (2 * h)
    c2 = (f(x + 2 * h) - f(x - 2 * h)) / (4 * h)
    return (4 * c1 - c2) / 3


def euro_second_order(t, s, k, T, r, q, v):
    hv = 1e-3 * v
    ht = 1e-3 * T
    vanna = richardson(lambda x: bc_greeks(t, s, k, T, r, q, x)["delta"], v, hv)
    vomma = richardson(lambda x: bc_greeks(t, s, k, T, r, q, x)["vega"], v, hv)
    charm = -richardson(lambda x: bc_greeks(t, s, k, x, r, q, v)["delta"], T, ht)
    return vanna, charm, vomma


def euro_engine_greeks(t, s, k, days, r, q, v):
    MKT.set(s, r, q, v)
    opt = option(t, k, days, False)
    opt.setPricingEngine(EURO_ENGINE)
    return dict(price=opt.NPV(), delta=opt.delta(), gamma=opt.gamma(), vega=opt.vega(),
                theta=opt.theta(), rho=opt.rho()), opt


def verify_conventions():
    """QuantLib's vega/rho/theta units, checked against differences of QuantLib's own NPV."""
    worst = 0.0
    for t in ("call", "put"):
        for (s, k, days, r, q, v) in [(100, 95, 1000, 0.05, 0.02, 0.3), (50, 60, 730, 0.01, 0.06, 0.5)]:
            g, opt = euro_engine_greeks(t, s, k, days, r, q, v)
            h = 1e-5
            MKT.v.setValue(v + h); up = opt.NPV()
            MKT.v.setValue(v - h); dn = opt.NPV(); MKT.v.setValue(v)
            worst = max(worst, abs((up - dn) / (2 * h) - g["vega"]) / abs(g["vega"]))
            MKT.r.setValue(r + h); up = opt.NPV()
            MKT.r.setValue(r - h); dn = opt.NPV(); MKT.r.setValue(r)
            worst = max(worst, abs((up - dn) / (2 * h) - g["rho"]) / abs(g["rho"]))
            # calendar time passing = the evaluation date moving forward (maturity date fixed)
            ql.Settings.instance().evaluationDate = EVAL + 1
            up = opt.NPV()
            ql.Settings.instance().evaluationDate = EVAL - 1
            dn = opt.NPV()
            ql.Settings.instance().evaluationDate = EVAL
            fd_theta = (up - dn) / (2 / 365)
            worst = max(worst, abs(fd_theta - g["theta"]) / abs(g["theta"]))
    assert worst < 1e-4, worst
    print(f"conventions: QuantLib vega per 1.00 vol, rho per 1.00 rate, theta per year of calendar "
          f"time confirmed (max rel. diff to NPV differences {worst:.1e})")


def mp_bsm(t, s, k, T, r, q, v):
    """Black-Scholes value as an mpmath function of (S, vol, T, r): the audit's truth."""
    import mpmath as mp
    w = 1 if t == "call" else -1
    k = mp.mpf(k)
    q = mp.mpf(q)

    def f(S, V, TT, R):
        sd = V * mp.sqrt(TT)
        d1 = (mp.log(S / k) + (R - q) * TT) / sd + sd / 2
        d2 = d1 - sd
        return w * (S * mp.exp(-q * TT) * mp.ncdf(w * d1) - k * mp.exp(-R * TT) * mp.ncdf(w * d2))

    return f, [mp.mpf(s), mp.mpf(v), mp.mpf(T), mp.mpf(r)]


def mp_truth(t, s, k, T, r, q, v):
    import mpmath as mp
    f, x = mp_bsm(t, s, k, T, r, q, v)
    d = lambda orders: float(mp.diff(f, x, orders))
    return dict(price=float(f(*x)), delta=d((1, 0, 0, 0)), gamma=d((2, 0, 0, 0)),
                vega=d((0, 1, 0, 0)), theta=-d((0, 0, 1, 0)), rho=d((0, 0, 0, 1)),
                vanna=d((1, 1, 0, 0)), charm=-d((1, 0, 1, 0)), vomma=d((0, 2, 0, 0)))


def euro_floors(s, k, T, r, q, v):
    """Scale below which a field's error is judged absolutely; mirrored in the Java test."""
    # QuantLib's cumulative normal is 0.5 * (1 + erf(x / sqrt 2)) for x down to about -5.6, so
    # tiny prices, deltas and rhos carry an absolute (not relative) error of ~1e-16 per unit of
    # notional: their floors are 1e-5 of the natural scale, which keeps QuantLib's own error
    # below a tenth of the Java test's 1e-9 * floor (measured by the mpmath audit).
    sk = s + k
    return dict(
        price=1e-5 * sk,
        delta=1e-5,
        gamma=1e-6 / s,
        vega=1e-6 * s * math.sqrt(T),
        theta=1e-6 * sk * (abs(r) + abs(q) + v / math.sqrt(T) + 1.0 / T),
        rho=1e-5 * k * T,
        vanna=1e-6 / v,
        charm=1e-6 / T,
        vomma=1e-6 * s * math.sqrt(T) / v)


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def random_case(rng):
    s = log_uniform(rng, 5, 5000)
    k = s * rng.uniform(0.5, 1.5)
    days = int(round(log_uniform(rng, 1, 1095)))
    return dict(type=rng.choice(["call", "put"]), spot=s, strike=k, days=days,
                rate=rng.uniform(-0.01, 0.10), div_yield=rng.uniform(0.0, 0.08),
                vol=log_uniform(rng, 0.05, 2.0))


def edge_cases():
    """Hand-picked corners. days may be a fraction of a day (European only)."""
    e = []

    def add(name, t, s, k, days, r, q, v):
        e.append(dict(id=f"edge-{name}-{t}", type=t, spot=s, strike=k, days=days, rate=r,
                      div_yield=q, vol=v))

    for t in ("call", "put"):
        add("atm-1y", t, 100.0, 100.0, 365, 0.05, 0.02, 0.2)
        add("atm-1d", t, 100.0, 100.0, 1, 0.05, 0.02, 0.2)
        add("atm-1h", t, 100.0, 100.0, 1 / 24, 0.05, 0.02, 0.2)
        add("atm-4h", t, 4500.0, 4510.0, 4 / 24, 0.045, 0.015, 0.12)
        add("near-1h-5vol", t, 100.0, 100.5, 1 / 24, 0.05, 0.0, 0.05)
        add("deep-k050-30d", t, 100.0, 50.0, 30, 0.03, 0.01, 0.3)
        add("deep-k150-30d", t, 100.0, 150.0, 30, 0.03, 0.01, 0.3)
        add("deep-k025-1y", t, 100.0, 25.0, 365, 0.03, 0.01, 0.4)
        add("deep-k400-1y", t, 100.0, 400.0, 365, 0.03, 0.01, 0.4)
        add("otm-lowvol", t, 100.0, 120.0 if t == "call" else 83.0, 60, 0.02, 0.01, 0.05)
        add("vol5-atm-3y", t, 100.0, 100.0, 1095, 0.02, 0.01, 0.05)
        add("vol200-90d", t, 100.0, 110.0, 90, 0.02, 0.01, 2.0)
        add("vol200-3y", t, 100.0, 100.0, 1095, 0.02, 0.01, 2.0)
        add("zero-rate", t, 100.0, 105.0, 180, 0.0, 0.02, 0.25)
        add("zero-div", t, 100.0, 95.0, 180, 0.04, 0.0, 0.25)
        add("zero-rate-div", t, 100.0, 100.0, 180, 0.0, 0.0, 0.25)
        add("q-gt-r", t, 100.0, 100.0, 365, 0.01, 0.08, 0.25)
        add("r-gt-q", t, 100.0, 100.0, 365, 0.10, 0.0, 0.25)
        add("neg-rate", t, 100.0, 100.0, 365, -0.01, 0.0, 0.25)
        add("hidiv-itm", t, 100.0, 80.0, 365, 0.01, 0.08, 0.2)
        add("r10-itm-put-region", t, 60.0, 100.0, 365, 0.10, 0.0, 0.2)
        add("r10-deep-itm", t, 100.0, 140.0, 730, 0.10, 0.0, 0.3)
        add("spot5", t, 5.0, 5.5, 45, 0.05, 0.0, 0.6)
        add("spot5000", t, 5000.0, 4800.0, 45, 0.05, 0.015, 0.15)
    return e


def fmt(x):
    return repr(float(x))


def build_european(rng):
    cases = edge_cases() + [dict(id=f"e{i:04d}", **random_case(rng)) for i in range(N_EURO)]
    rows = []
    for c in cases:
        t, s, k, days, r, q, v = (c[x] for x in ("type", "spot", "strike", "days", "rate",
                                                   "div_yield", "vol"))
        T = days / 365.0
        g = bc_greeks(t, s, k, T, r, q, v)
        if float(days).is_integer():
            eng, _ = euro_engine_greeks(t, s, k, int(days), r, q, v)
            floors = euro_floors(s, k, T, r, q, v)
            for f in eng:  # the formula route must give the engine's own numbers
                assert abs(eng[f] - g[f]) <= 1e-9 * max(abs(g[f]), floors[f]), (c, f, eng, g)
            g = eng
            c["source"] = "AnalyticEuropeanEngine"
        else:
            c["source"] = "BlackCalculator"
        vanna, charm, vomma = euro_second_order(t, s, k, T, r, q, v)
        rows.append(dict(c, years=T, vanna=vanna, charm=charm, vomma=vomma, **g))
    return rows


def audit_european(rows):
    """Measures QuantLib's own error against 50-digit mpmath, relative to the Java test's rule."""
    import mpmath as mp
    mp.mp.dps = 40
    fields = ["price", "delta", "gamma", "vega", "theta", "rho", "vanna", "charm", "vomma"]
    worst = {f: (0.0, None) for f in fields}
    for row in rows:
        truth = mp_truth(row["type"], row["spot"], row["strike"], row["years"], row["rate"],
                         row["div_yield"], row["vol"])
        floors = euro_floors(row["spot"], row["strike"], row["years"], row["rate"],
                             row["div_yield"], row["vol"])
        row_worst2 = 0.0
        for f in fields:
            e = abs(row[f] - truth[f]) / max(abs(truth[f]), floors[f])
            if e > worst[f][0]:
                worst[f] = (e, row["id"])
            if f in ("vanna", "charm", "vomma"):
                row_worst2 = max(row_worst2, e)
        # the tolerance vouched for: 10x the measured error, never tighter than 1e-8
        row["second_order_rel_tol"] = max(1e-8, 10 * row_worst2)
    print("QuantLib European vs 40-digit mpmath, error / max(|truth|, floor):")
    for f in fields:
        print(f"  {f:6s} {worst[f][0]:.2e}  ({worst[f][1]})")
    return worst


EURO_COLS = ["id", "type", "spot", "strike", "years", "rate", "div_yield", "vol", "price", "delta",
             "gamma", "vega", "theta", "rho", "vanna", "charm", "vomma", "second_order_rel_tol"]


def write_csv(name, cols, rows, header_comment=None):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        for r in rows:
            f.write(",".join(r[c] if isinstance(r[c], str) else fmt(r[c]) for c in cols) + "\n")
    print(f"wrote {path}: {len(rows)} rows, {os.path.getsize(path)} bytes")


# --- European implied volatility ---------------------------------------------------------------


def euro_bounds(t, s, k, T, r, q):
    fs = s * math.exp(-q * T)
    fk = k * math.exp(-r * T)
    lower = max(fs - fk, 0.0) if t == "call" else max(fk - fs, 0.0)
    upper = fs if t == "call" else fk
    return lower, upper


def euro_iv(row):
    t, s, k, T, r, q = (row[x] for x in ("type", "spot", "strike", "years", "rate", "div_yield"))
    if row["source"] == "AnalyticEuropeanEngine":
        MKT.set(s, r, q, row["vol"])
        opt = option(t, k, int(round(T * 365)), False)
        opt.setPricingEngine(EURO_ENGINE)
        return opt.impliedVolatility(row["price"], MKT.process, 1e-14, 500, 1e-4, 5.0)
    fwd = s * math.exp((r - q) * T)
    sd = ql.blackFormulaImpliedStdDev(qtype(t), k, fwd, row["price"], math.exp(-r * T), 0.0,
                                      row["vol"] * math.sqrt(T) * 1.1, 1e-16, 500)
    return sd / math.sqrt(T)


def build_european_iv(rows):
    out = []
    worst_vs_vol = 0.0
    for row in rows:
        lower, upper = euro_bounds(row["type"], row["spot"], row["strike"], row["years"],
                                   row["rate"], row["div_yield"])
        scale = row["spot"] + row["strike"]
        # well posed: a price error of 1e-14*(S+K) moves the vol by at most 1e-11, and the price
        # sits clearly inside the no-arbitrage band
        if row["vega"] < 1e-3 * scale:
            continue
        if not (lower + 1e-12 * scale < row["price"] < upper - 1e-12 * scale):
            continue
        iv = euro_iv(row)
        worst_vs_vol = max(worst_vs_vol, abs(iv - row["vol"]))
        out.append(dict(id=row["id"], type=row["type"], spot=row["spot"], strike=row["strike"],
                        years=row["years"], rate=row["rate"], div_yield=row["div_yield"],
                        price=row["price"], implied_vol=iv, vega=row["vega"], status="ok"))
    print(f"European IV: {len(out)} well-posed rows, max |QuantLib IV - generating vol| = "
          f"{worst_vs_vol:.1e}")
    # ill-posed rows; QuantLib must refuse each one (it throws), the expected status is ours
    ill = []
    for t in ("call", "put"):
        s, k, T, r, q = 100.0, 90.0 if t == "call" else 110.0, 0.5, 0.05, 0.01
        lower, upper = euro_bounds(t, s, k, T, r, q)
        for name, price, status in [("below-lower", lower * 0.99, "below_intrinsic"),
                                    ("zero-itm", 0.0, "below_intrinsic"),
                                    ("at-upper", upper, "above_upper_bound"),
                                    ("above-upper", upper * 1.01, "above_upper_bound"),
                                    ("negative", -1.0, "invalid_price")]:
            ill.append(dict(id=f"ill-{name}-{t}", type=t, spot=s, strike=k, years=T, rate=r,
                            div_yield=q, price=price, implied_vol=float("nan"), vega=0.0,
                            status=status))
        ill.append(dict(id=f"ill-expired-{t}", type=t, spot=s, strike=k, years=0.0, rate=r,
                        div_yield=q, price=10.0, implied_vol=float("nan"), vega=0.0,
                        status="expired"))
    for row in ill:
        if row["years"] > 0 and row["price"] >= 0:
            MKT.set(row["spot"], row["rate"], row["div_yield"], 0.2)
            opt = option(row["type"], row["strike"], int(round(row["years"] * 365)), False)
            opt.setPricingEngine(EURO_ENGINE)
            try:
                opt.impliedVolatility(row["price"], MKT.process, 1e-14, 500, 1e-4, 5.0)
                raise AssertionError(f"QuantLib accepted ill-posed {row['id']}")
            except RuntimeError:
                pass
    return out + ill


IV_COLS = ["id", "type", "spot", "strike", "years", "rate", "div_yield", "price", "implied_vol",
           "vega", "status"]

# ---------------------------------------------------------------------------------------------
# American
# ---------------------------------------------------------------------------------------------


def amer_price_fn(t, k, days):
    opt = option(t, k, days, True)
    opt.setPricingEngine(QDFP_HP)
    return opt


def amer_case(c):
    t, s, k, days, r, q, v = (c[x] for x in ("type", "spot", "strike", "days", "rate",
                                               "div_yield", "vol"))
    T = days / 365.0
    opt = amer_price_fn(t, k, days)

    def px(S=s, R=r, Q=q, V=v):
        MKT.set(S, R, Q, V)
        return opt.NPV()

    t0 = time.time()
    price = px()
    seconds = time.time() - t0

    # spot: 7 points S, S+-h/2, S+-h, S+-2h give Richardson values at two step sizes
    hs = s * min(1e-3, 0.05 * v * math.sqrt(T))
    f = {m: px(S=s + m * hs) for m in (-2, -1, -0.5, 0.5, 1, 2)}
    f[0] = price
    c1 = lambda m: (f[m] - f[-m]) / (2 * m * hs)
    c2 = lambda m: (f[m] - 2 * f[0] + f[-m]) / (m * hs) ** 2
    delta_h, delta = (4 * c1(1) - c1(2)) / 3, (4 * c1(0.5) - c1(1)) / 3
    gamma_h, gamma = (4 * c2(1) - c2(2)) / 3, (4 * c2(0.5) - c2(1)) / 3

    def d_and_err(g, x, h):
        """Richardson derivative; error bound = its distance to the plain central difference."""
        a = (g(x + h) - g(x - h)) / (2 * h)
        b = (g(x + 2 * h) - g(x - 2 * h)) / (4 * h)
        rich = (4 * a - b) / 3
        return rich, abs(rich - a)

    vega, vega_err = d_and_err(lambda x: px(V=x), v, 1e-3 * v)
    rho, rho_err = d_and_err(lambda x: px(R=x), r, 1e-4)
    # exact time scaling: V(T*l; r, q, vol) == V(T; r*l, q*l, vol*sqrt(l))
    dvdl, dvdl_err = d_and_err(lambda l: px(R=r * l, Q=q * l, V=v * math.sqrt(l)), 1.0, 1e-3)
    MKT.set(s, r, q, v)
    return dict(c, years=T, price=price, delta=delta, gamma=gamma, vega=vega, theta=-dvdl / T,
                rho=rho, delta_err=abs(delta - delta_h), gamma_err=abs(gamma - gamma_h),
                vega_err=vega_err, theta_err=dvdl_err / T, rho_err=rho_err, seconds=seconds)


def build_american(rng):
    cases = [c for c in edge_cases() if float(c["days"]).is_integer()]
    for c in cases:
        c["id"] = c["id"].replace("edge-", "aedge-")
    cases += [dict(id=f"a{i:04d}", **random_case(rng)) for i in range(N_AMER)]
    rows, refused = [], []
    t0 = time.time()
    for c in cases:
        c["days"] = int(c["days"])
        try:
            rows.append(amer_case(c))
        except RuntimeError as ex:
            refused.append((c["id"], str(ex)[:80]))
    print(f"American: {len(rows)} rows in {time.time() - t0:.0f} s; QuantLib refused "
          f"{len(refused)}: {refused[:5]}")
    for f in ("delta", "gamma", "vega", "theta", "rho"):
        w = max(rows, key=lambda r: r[f + "_err"])
        print(f"  max {f}_err {w[f + '_err']:.1e} ({w['id']}, |{f}|={abs(w[f]):.3g})")
    return rows


def american_cross_checks(rows, rng):
    sample = rng.sample(rows, N_FD_CHECK)
    ultra = ql.QdFpAmericanEngine(MKT.process, ql.QdFpTanhSinhIterationScheme(16, 64, 1e-13))
    worst_fd, worst_ultra = (0.0, None), (0.0, None)
    for row in sample:
        MKT.set(row["spot"], row["rate"], row["div_yield"], row["vol"])
        opt = option(row["type"], row["strike"], row["days"], True)
        opt.setPricingEngine(ql.FdBlackScholesVanillaEngine(MKT.process, 800, 800, 0,
                                                            ql.FdmSchemeDesc.Douglas()))
        e = abs(opt.NPV() - row["price"]) / max(row["price"], 1e-3 * row["strike"])
        if worst_fd[1] is None or e > worst_fd[0]:
            worst_fd = (e, row["id"])
        opt.setPricingEngine(ultra)
        e = abs(opt.NPV() - row["price"]) / max(row["price"], 1e-3 * row["strike"])
        if worst_ultra[1] is None or e > worst_ultra[0]:
            worst_ultra = (e, row["id"])
    print(f"American cross-check on {N_FD_CHECK} cases, |diff| / max(price, 1e-3 K):")
    print(f"  FdBlackScholesVanillaEngine 800x800 vs QdFp high precision: {worst_fd[0]:.1e} "
          f"({worst_fd[1]})")
    print(f"  QdFp TanhSinh(16, 64, 1e-13)      vs QdFp high precision: {worst_ultra[0]:.1e} "
          f"({worst_ultra[1]})")


def amer_iv(row):
    MKT.set(row["spot"], row["rate"], row["div_yield"], row["vol"])
    opt = amer_price_fn(row["type"], row["strike"], row["days"])
    target = row["price"]

    def f(v):
        MKT.v.setValue(v)
        return opt.NPV() - target

    iv = ql.Brent().solve(f, 1e-13, row["vol"] * 1.05, 1e-3, 5.0)
    MKT.v.setValue(row["vol"])
    return iv


def build_american_iv(rows):
    out = []
    worst = 0.0
    for row in rows:
        intrinsic = max(row["spot"] - row["strike"], 0) if row["type"] == "call" else max(
            row["strike"] - row["spot"], 0)
        # well posed: a 1e-6 relative price error moves the vol by <= 1e-6, and the time value is
        # not lost in the price
        if row["vega"] < row["price"] or row["price"] - intrinsic < 1e-4 * row["price"]:
            continue
        if row["price"] < 1e-6 * row["strike"]:
            continue
        if row["seconds"] > 0.1:  # the adaptive high-precision scheme is slow here: keeps the
            continue  # script's run time in minutes

        iv = amer_iv(row)
        worst = max(worst, abs(iv - row["vol"]))
        out.append(dict(id=row["id"], type=row["type"], spot=row["spot"], strike=row["strike"],
                        years=row["years"], rate=row["rate"], div_yield=row["div_yield"],
                        price=row["price"], implied_vol=iv, vega=row["vega"], status="ok"))
    print(f"American IV: {len(out)} rows, max |QuantLib IV - generating vol| = {worst:.1e}")
    return out


AMER_COLS = ["id", "type", "spot", "strike", "years", "rate", "div_yield", "vol", "price",
             "delta", "gamma", "vega", "theta", "rho", "delta_err", "gamma_err", "vega_err",
             "theta_err", "rho_err"]


def main():
    write = "--no-write" not in sys.argv
    print(f"QuantLib {ql.__version__}, seed {SEED}")
    verify_conventions()
    rng = random.Random(SEED)
    t0 = time.time()
    euro = build_european(rng)
    audit_european(euro)
    print(f"European rows and audit: {time.time() - t0:.0f} s")
    euro_iv_rows = build_european_iv(euro)
    if write:
        os.makedirs(OUT, exist_ok=True)
        write_csv("european.csv", EURO_COLS, euro)
        write_csv("european_iv.csv", IV_COLS, euro_iv_rows)
    if "--european-only" in sys.argv:
        return
    amer = build_american(rng)
    if write:
        write_csv("american.csv", AMER_COLS, amer)
    amer_iv_rows = build_american_iv(amer)
    if write:
        write_csv("american_iv.csv", IV_COLS, amer_iv_rows)
    american_cross_checks(amer, rng)


if __name__ == "__main__":
    main()
