#!/usr/bin/env python3
"""What one QuantLib call costs through its Python bindings, for docs/benchmarks.md.

Rerun:  /usr/bin/python3 tools/reference/quantlib_timing.py

All times include the Python binding overhead (SWIG call, argument conversion, the interpreter's
loop), which for the analytic engine is most of the time. Each row is the median over RUNS runs
of the mean time per call in a run. Between calls the spot quote moves, so QuantLib's lazy
observer machinery really recalculates. The option: S=100, K=105, 182 days (ACT/365), r=4%,
q=1%, vol 25%; a call for the European rows and a put (early exercise matters) for the American.
"""

import math
import statistics
import time

import QuantLib as ql

RUNS = 7
EVAL = ql.Date(15, 1, 2025)
DC = ql.Actual365Fixed()
ql.Settings.instance().evaluationDate = EVAL

spot = ql.SimpleQuote(100.0)
rate = ql.SimpleQuote(0.04)
div = ql.SimpleQuote(0.01)
vol = ql.SimpleQuote(0.25)
process = ql.BlackScholesMertonProcess(
    ql.QuoteHandle(spot),
    ql.YieldTermStructureHandle(ql.FlatForward(0, ql.NullCalendar(), ql.QuoteHandle(div), DC)),
    ql.YieldTermStructureHandle(ql.FlatForward(0, ql.NullCalendar(), ql.QuoteHandle(rate), DC)),
    ql.BlackVolTermStructureHandle(
        ql.BlackConstantVol(0, ql.NullCalendar(), ql.QuoteHandle(vol), DC)))
MATURITY = EVAL + 182
T = 182 / 365.0
K = 105.0


def option(kind, american):
    ex = ql.AmericanExercise(EVAL, MATURITY) if american else ql.EuropeanExercise(MATURITY)
    return ql.VanillaOption(ql.PlainVanillaPayoff(kind, K), ex)


def median_per_call(fn, calls):
    per_call = []
    for _ in range(RUNS):
        t0 = time.perf_counter_ns()
        for i in range(calls):
            fn(i)
        per_call.append((time.perf_counter_ns() - t0) / calls)
    spot.setValue(100.0)
    vol.setValue(0.25)
    return statistics.median(per_call)


def spot_for(i):
    return 100.0 + 1e-3 * (i % 2)


def main():
    rows = []
    euro = option(ql.Option.Call, False)
    euro.setPricingEngine(ql.AnalyticEuropeanEngine(process))

    def euro_all(i):
        spot.setValue(spot_for(i))
        euro.NPV(), euro.delta(), euro.gamma(), euro.vega(), euro.theta(), euro.rho()

    def euro_npv(i):
        spot.setValue(spot_for(i))
        euro.NPV()

    rows.append(("European price only (AnalyticEuropeanEngine)", median_per_call(euro_npv, 20000)))
    rows.append(("European price + delta, gamma, vega, theta, rho",
                 median_per_call(euro_all, 20000)))

    target = euro.NPV()

    def euro_iv(i):
        spot.setValue(spot_for(i))
        euro.impliedVolatility(target, process, 1e-12, 100, 1e-4, 5.0)

    rows.append(("European IV: VanillaOption.impliedVolatility (Brent, acc 1e-12)",
                 median_per_call(euro_iv, 2000)))
    fwd = 100.0 * math.exp((0.04 - 0.01) * T)
    df = math.exp(-0.04 * T)

    def euro_iv_formula(i):
        ql.blackFormulaImpliedStdDev(ql.Option.Call, K, fwd + 1e-9 * (i % 2), target, df, 0.0,
                                     ql.nullDouble(), 1e-12, 100)

    rows.append(("European IV: blackFormulaImpliedStdDev (acc 1e-12 in stdDev)",
                 median_per_call(euro_iv_formula, 5000)))

    amer = option(ql.Option.Put, True)
    engines = [
        ("American price, QdFp fastScheme", ql.QdFpAmericanEngine.fastScheme(), 2000),
        ("American price, QdFp accurateScheme (default)", ql.QdFpAmericanEngine.accurateScheme(),
         1000),
        ("American price, QdFp highPrecisionScheme", ql.QdFpAmericanEngine.highPrecisionScheme(),
         100),
    ]
    for name, scheme, calls in engines:
        amer.setPricingEngine(ql.QdFpAmericanEngine(process, scheme))

        def amer_npv(i):
            spot.setValue(spot_for(i))
            amer.NPV()

        rows.append((name, median_per_call(amer_npv, calls)))

    amer.setPricingEngine(ql.FdBlackScholesVanillaEngine(process, 800, 800, 0,
                                                         ql.FdmSchemeDesc.Douglas()))

    def amer_fd(i):
        spot.setValue(spot_for(i))
        amer.NPV()

    rows.append(("American price, FdBlackScholesVanillaEngine 800x800 (Douglas)",
                 median_per_call(amer_fd, 3)))

    for name, scheme, calls in [("fastScheme", ql.QdFpAmericanEngine.fastScheme(), 300),
                                ("accurateScheme", ql.QdFpAmericanEngine.accurateScheme(), 100)]:
        amer.setPricingEngine(ql.QdFpAmericanEngine(process, scheme))

        def amer_greeks(i, base=spot_for):
            s0 = base(i)
            h = 1e-3 * s0
            out = []
            for s_, r_, q_, v_ in [(s0, .04, .01, .25), (s0 + h, .04, .01, .25),
                                   (s0 - h, .04, .01, .25), (s0, .04, .01, .2501),
                                   (s0, .04, .01, .2499), (s0, .0401, .01, .25),
                                   (s0, .0399, .01, .25),
                                   # theta through the time scaling V(T l) = V(T; r l, q l, vol sqrt l)
                                   (s0, .04 * 1.001, .01 * 1.001, .25 * math.sqrt(1.001)),
                                   (s0, .04 * 0.999, .01 * 0.999, .25 * math.sqrt(0.999))]:
                spot.setValue(s_)
                rate.setValue(r_)
                div.setValue(q_)
                vol.setValue(v_)
                out.append(amer.NPV())
            rate.setValue(0.04)
            div.setValue(0.01)
            return out

        rows.append((f"American price + 5 bump-and-revalue Greeks (9 prices), QdFp {name}",
                     median_per_call(amer_greeks, calls)))

    print(f"QuantLib {ql.__version__} Python bindings; times INCLUDE the Python binding overhead;")
    print(f"median of {RUNS} runs of the mean time per call")
    print()
    print(f"| {'operation':78s} | {'per call':>12s} |")
    print(f"|{'-' * 80}|{'-' * 14}|")
    for name, ns in rows:
        shown = f"{ns / 1000:.2f} µs" if ns < 1e6 else f"{ns / 1e6:.2f} ms"
        print(f"| {name:78s} | {shown:>12s} |")


if __name__ == "__main__":
    main()
