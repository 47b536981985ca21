package dev.thetaflow.sim.market;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.analytics.Greeks;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.analytics.PricingInputs;
import dev.thetaflow.core.instrument.SettlementStyle;
import dev.thetaflow.core.time.Expiries;
import dev.thetaflow.core.time.UsEquityCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulated market: underlyings driven by stochastic variance with jumps and a common factor,
 * VIX tied to SPY's expected 30-day variance, option chains quoted off a volatility surface with
 * skew and term structure.
 *
 * <p>Deterministic: one seeded generator drives the paths, and only the paths; quotes are pure
 * functions of the state and the step (sizes come from a hash), so reading more or fewer quotes
 * never changes what happens next.
 *
 * <p>Prices move only in regular trading hours (the core NYSE calendar); variance accrues in
 * trading time (252 days × 6.5 hours a year). Options are priced European (Black-Scholes-Merton
 * from core): a quote must cost microseconds when a chain of thousands is scanned, and the
 * early-exercise premium of the short-dated ETF options traded here is below the simulated spread.
 */
public final class SimMarket implements SimulatedMarket {
  private static final double TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;
  private static final double SECONDS_PER_YEAR = 365 * 86_400.0;
  private static final double TICK = 0.01;
  private static final int FIRST_UNDERLYING_CONID = 756_733;
  private static final int VIX_CONID = 13_455_763;
  private static final int FIRST_OPTION_CONID = 700_000_000;

  private final MarketSpec spec;
  private final SplittableRandom random;
  private final Duration step;
  private final List<Underlying> underlyings = new ArrayList<>();
  private final Map<String, Underlying> bySymbol = new HashMap<>();
  private final Map<Integer, SimInstrument> instruments = new LinkedHashMap<>();
  private final Map<String, ChainParams> chains = new HashMap<>();
  private final Map<Integer, SimQuote> quotes = new HashMap<>();
  private final SimInstrument vixInstrument;
  private final Session vix;

  private Instant now;
  private long steps;
  private double vixNoise;

  private SimMarket(MarketSpec spec, long seed, Instant start) {
    this.spec = spec;
    this.random = new SplittableRandom(seed);
    this.step = spec.step();
    this.now = start;
    int conId = FIRST_UNDERLYING_CONID;
    for (UnderlyingSpec u : spec.underlyings()) {
      SimInstrument instrument =
          new SimInstrument(
              conId++,
              u.symbol(),
              "STK",
              "SMART",
              u.primaryExchange(),
              "USD",
              u.symbol(),
              u.symbol(),
              1,
              TICK,
              null,
              Double.NaN,
              null,
              0);
      Underlying state = new Underlying(u, instrument);
      underlyings.add(state);
      bySymbol.put(u.symbol(), state);
      instruments.put(instrument.conId(), instrument);
    }
    vixInstrument =
        new SimInstrument(
            VIX_CONID,
            "VIX",
            "IND",
            "CBOE",
            "CBOE",
            "USD",
            "VIX",
            "VIX",
            1,
            TICK,
            null,
            Double.NaN,
            null,
            0);
    instruments.put(VIX_CONID, vixInstrument);
    vix = new Session(vixLevel());
    listChains(start);
  }

  /** A market at {@code start} (use a regular session's open for prices that move at once). */
  public static SimMarket create(MarketSpec spec, long seed, Instant start) {
    return new SimMarket(spec, seed, start);
  }

  /** The next regular session open at or after {@code instant}: where a simulation starts. */
  public static Instant nextOpen(Instant instant) {
    LocalDate day = UsEquityCalendar.exchangeDate(instant);
    while (true) {
      if (UsEquityCalendar.isTradingDay(day)) {
        Instant open = UsEquityCalendar.sessionOpen(day);
        if (!open.isBefore(instant)) {
          return open;
        }
        if (instant.isBefore(UsEquityCalendar.sessionClose(day))) {
          return instant;
        }
      }
      day = day.plusDays(1);
    }
  }

  private void listChains(Instant start) {
    LocalDate today = UsEquityCalendar.exchangeDate(start);
    List<LocalDate> expiries = expiries(today);
    int conId = FIRST_OPTION_CONID;
    for (Underlying u : underlyings) {
      List<Double> strikes = strikes(u.spec);
      for (LocalDate expiry : expiries) {
        for (double strike : strikes) {
          for (OptionType right : OptionType.values()) {
            SimInstrument option = option(conId++, u, expiry, strike, right);
            instruments.put(option.conId(), option);
          }
        }
      }
      chains.put(
          u.spec.symbol(),
          new ChainParams(u.instrument.conId(), "SMART", u.spec.symbol(), 100, expiries, strikes));
    }
  }

  /** Weekly Fridays ahead, then third-Friday monthlies out to the chain's horizon. */
  private List<LocalDate> expiries(LocalDate today) {
    List<LocalDate> out = new ArrayList<>();
    LocalDate friday = today;
    while (friday.getDayOfWeek() != java.time.DayOfWeek.FRIDAY) {
      friday = friday.plusDays(1);
    }
    LocalDate horizon = today.plusDays(Math.round(spec.chainYears() * 365));
    for (LocalDate d = friday; !d.isAfter(horizon); d = d.plusWeeks(1)) {
      boolean weekly = out.size() < spec.weeklyExpiries();
      boolean monthly = d.getDayOfMonth() >= 15 && d.getDayOfMonth() <= 21;
      if (weekly || monthly) {
        // a Friday holiday (Good Friday) moves the expiry to the trading day before
        LocalDate expiry = UsEquityCalendar.isTradingDay(d) ? d : previousTradingDay(d);
        if (!expiry.isBefore(today) && !out.contains(expiry)) {
          out.add(expiry);
        }
      }
    }
    return out;
  }

  private static LocalDate previousTradingDay(LocalDate date) {
    return UsEquityCalendar.previousTradingDay(date);
  }

  /** Multiples of the strike step within ±10% of spot, and of five steps out to ±strikeRange. */
  private List<Double> strikes(UnderlyingSpec u) {
    java.util.TreeSet<Double> out = new java.util.TreeSet<>();
    addMultiples(out, u.strikeStep(), u.spot() * 0.90, u.spot() * 1.10);
    double range = spec.strikeRange();
    addMultiples(out, u.strikeStep() * 5, u.spot() * (1 - range), u.spot() * (1 + range));
    return List.copyOf(out);
  }

  private static void addMultiples(
      java.util.Set<Double> out, double step, double low, double high) {
    for (long n = (long) Math.ceil(low / step); n * step <= high; n++) {
      out.add(Math.round(n * step * 100) / 100.0);
    }
  }

  private SimInstrument option(
      int conId, Underlying u, LocalDate expiry, double strike, OptionType right) {
    String symbol = u.spec.symbol();
    String occ =
        String.format(
            "%-6s%02d%02d%02d%c%08d",
            symbol,
            expiry.getYear() % 100,
            expiry.getMonthValue(),
            expiry.getDayOfMonth(),
            right == OptionType.CALL ? 'C' : 'P',
            Math.round(strike * 1000));
    return new SimInstrument(
        conId,
        symbol,
        "OPT",
        "SMART",
        "",
        "USD",
        occ,
        symbol,
        100,
        TICK,
        expiry,
        strike,
        right,
        u.instrument.conId());
  }

  // --- MarketView ------------------------------------------------------------------------------

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public long step() {
    return steps;
  }

  @Override
  public Optional<SimInstrument> byConId(int conId) {
    return Optional.ofNullable(instruments.get(conId));
  }

  @Override
  public List<SimInstrument> resolve(ContractQuery q) {
    if (q.conId() != 0) {
      SimInstrument found = instruments.get(q.conId());
      return found == null ? List.of() : List.of(found);
    }
    List<SimInstrument> out = new ArrayList<>();
    for (SimInstrument i : instruments.values()) {
      if (q.symbol() != null && !q.symbol().equals(i.symbol())) {
        continue;
      }
      if (q.secType() != null && !q.secType().equals(i.secType())) {
        continue;
      }
      if (q.expiry() != null && !q.expiry().equals(i.expiry())) {
        continue;
      }
      if (!Double.isNaN(q.strike()) && !(Math.abs(q.strike() - i.strike()) < 1e-9)) {
        continue;
      }
      if (q.right() != null && q.right() != i.right()) {
        continue;
      }
      out.add(i);
    }
    return out;
  }

  @Override
  public Optional<ChainParams> chain(String underlyingSymbol) {
    return Optional.ofNullable(chains.get(underlyingSymbol));
  }

  @Override
  public SimQuote quote(int conId) {
    SimQuote cached = quotes.get(conId);
    if (cached != null) {
      return cached;
    }
    SimInstrument instrument = instruments.get(conId);
    if (instrument == null) {
      throw new IllegalArgumentException("no instrument with conId " + conId);
    }
    SimQuote quote;
    if (instrument.conId() == VIX_CONID) {
      double level = round(vixLevel());
      quote =
          new SimQuote(
              steps,
              Double.NaN,
              Double.NaN,
              0,
              0,
              level,
              0,
              0,
              vix.high,
              vix.low,
              vix.open,
              vix.close,
              null);
    } else if (instrument.isOption()) {
      quote = optionQuote(instrument);
    } else {
      quote = underlyingQuote(bySymbol.get(instrument.symbol()));
    }
    quotes.put(conId, quote);
    return quote;
  }

  // --- SimulatedMarket -------------------------------------------------------------------------

  @Override
  public void advanceTo(Instant time) {
    if (time.isBefore(now)) {
      throw new IllegalArgumentException("cannot move the market back from " + now + " to " + time);
    }
    while (!now.plus(step).isAfter(time)) {
      stepOnce();
    }
  }

  @Override
  public void apply(dev.thetaflow.sim.scenario.PathEvent event) {
    switch (event.kind()) {
      case DRIFT -> setDrift(event.underlying(), event.value());
      case VOLATILITY -> setVolatility(event.underlying(), event.value());
      case GAP -> gap(event.underlying(), event.value());
      case VIX -> setVix(event.value());
    }
  }

  /** Sets the VIX level now; it reverts towards the level SPY's variance implies. */
  public void setVix(double level) {
    vixNoise = 0;
    vixNoise = Math.log(level / vixLevel());
    quotes.clear();
  }

  /** Moves an underlying's price at once by {@code fraction} (−0.03 = a 3% gap down). */
  public void gap(String symbol, double fraction) {
    Underlying u = underlying(symbol);
    u.spot *= 1 + fraction;
    if (fraction < 0) {
      u.variance += 20 * fraction * fraction; // a fall raises volatility, as in real crashes
    }
    u.session.mark(u.spot);
    quotes.clear();
  }

  /** Sets an underlying's instantaneous volatility (a regime change); it reverts from there. */
  public void setVolatility(String symbol, double volatility) {
    underlying(symbol).variance = volatility * volatility;
    quotes.clear();
  }

  /** Sets an underlying's annual drift (0 by default). */
  public void setDrift(String symbol, double annualDrift) {
    underlying(symbol).drift = annualDrift;
  }

  /** The current price of an underlying, for tests and the sim's own reporting. */
  public double spot(String symbol) {
    return underlying(symbol).spot;
  }

  /** The conId of VIX. */
  public int vixConId() {
    return VIX_CONID;
  }

  /** The conId of an underlying. */
  public int underlyingConId(String symbol) {
    return underlying(symbol).instrument.conId();
  }

  private Underlying underlying(String symbol) {
    Underlying u = bySymbol.get(symbol);
    if (u == null) {
      throw new IllegalArgumentException("no underlying " + symbol + " in this market");
    }
    return u;
  }

  private void stepOnce() {
    now = now.plus(step);
    steps++;
    quotes.clear();
    if (!UsEquityCalendar.isRegularHours(now)) {
      return;
    }
    LocalDate today = UsEquityCalendar.exchangeDate(now);
    double dt = step.toNanos() / 1e9 / TRADING_SECONDS_PER_YEAR;
    double sqrtDt = Math.sqrt(dt);
    double market = random.nextGaussian();
    for (Underlying u : underlyings) {
      u.session.startDay(today, u.spot);
      UnderlyingSpec s = u.spec;
      double beta = s.marketBeta();
      double priceShock = beta * market + Math.sqrt(1 - beta * beta) * random.nextGaussian();
      double lev = s.leverage();
      double varShock = lev * priceShock + Math.sqrt(1 - lev * lev) * random.nextGaussian();
      double v = Math.max(u.variance, 0); // full truncation keeps the scheme stable at v near 0
      double theta = s.longRunVol() * s.longRunVol();
      u.variance =
          u.variance
              + s.meanReversion() * (theta - v) * dt
              + s.volOfVol() * Math.sqrt(v) * sqrtDt * varShock;
      double logReturn = (u.drift - 0.5 * v) * dt + Math.sqrt(v) * sqrtDt * priceShock;
      if (random.nextDouble() < s.jumpsPerYear() * dt) {
        double jump = s.jumpMean() + s.jumpStdDev() * random.nextGaussian();
        logReturn += jump;
        if (jump < 0) {
          u.variance += 20 * jump * jump;
        }
      }
      u.spot *= Math.exp(logReturn);
      u.session.mark(u.spot);
      u.lastSize = 100 * (1 + (int) (hash(u.instrument.conId(), steps) % 9));
      u.session.volume += u.lastSize;
    }
    vixNoise += -5.0 * vixNoise * dt + 0.5 * sqrtDt * random.nextGaussian();
    vix.startDay(today, vixLevel());
    vix.mark(vixLevel());
  }

  /** VIX: 100 × the square root of SPY's (or the first underlying's) expected 30-day variance. */
  private double vixLevel() {
    Underlying u = bySymbol.getOrDefault("SPY", underlyings.get(0));
    double expected = expectedVariance(u, 30.0 / 365);
    double premium = 1.1; // implied variance trades above expected realized variance
    return Math.max(9, 100 * Math.sqrt(expected) * premium * Math.exp(vixNoise));
  }

  /** Heston's expected average variance over {@code years}: the term structure of ATM vol. */
  private static double expectedVariance(Underlying u, double years) {
    double theta = u.spec.longRunVol() * u.spec.longRunVol();
    double v = Math.max(u.variance, 1e-6);
    double k = u.spec.meanReversion();
    double t = Math.max(years, 1.0 / 365);
    return theta + (v - theta) * (1 - Math.exp(-k * t)) / (k * t);
  }

  private SimQuote underlyingQuote(Underlying u) {
    double bid = Math.floor(u.spot / TICK) * TICK;
    double ask = bid + TICK;
    int bidSize = 100 * (1 + (int) (hash(u.instrument.conId() * 31, steps) % 50));
    int askSize = 100 * (1 + (int) (hash(u.instrument.conId() * 37, steps) % 50));
    double last = round(u.spot);
    return new SimQuote(
        steps,
        round(bid),
        round(ask),
        bidSize,
        askSize,
        last,
        u.lastSize,
        u.session.volume,
        round(u.session.high),
        round(u.session.low),
        round(u.session.open),
        round(u.session.close),
        null);
  }

  private SimQuote optionQuote(SimInstrument option) {
    Underlying u = bySymbol.get(option.symbol());
    Instant expiry = Expiries.expiryInstant(option.expiry(), SettlementStyle.PM);
    double years = Math.max(0, Duration.between(now, expiry).getSeconds() / SECONDS_PER_YEAR);
    double q = u.spec.dividendYield();
    double r = spec.rate();
    double vol = surfaceVol(u, option.strike(), years);
    PricingInputs in = new PricingInputs(option.right(), u.spot, option.strike(), years, r, q, vol);
    Greeks g = BlackScholes.greeks(in);
    double model = g.price();
    double moneyness = Math.abs(Math.log(option.strike() / u.spot));
    double atmVol = Math.sqrt(expectedVariance(u, years));
    double spread =
        Math.min(0.50, Math.max(TICK, model * 0.015 * (1 + 8 * moneyness) * (atmVol / 0.16)));
    double bid = Math.floor((model - spread / 2) / TICK) * TICK;
    double ask = Math.ceil((model + spread / 2) / TICK) * TICK;
    if (ask - bid < TICK) {
      ask = bid + TICK;
    }
    boolean noBid = bid < TICK;
    int bidSize = noBid ? 0 : 1 + (int) (hash(option.conId() * 31, steps) % 200);
    int askSize = 1 + (int) (hash(option.conId() * 37, steps) % 200);
    double pvDividend = u.spot * (1 - Math.exp(-q * years));
    SimQuote.ModelComputation computation =
        new SimQuote.ModelComputation(
            vol, g.delta(), model, pvDividend, g.gamma(), g.vega() / 100, g.theta() / 365, u.spot);
    double last = round(Math.max(TICK, model));
    return new SimQuote(
        steps,
        noBid ? Double.NaN : round(bid),
        round(ask),
        bidSize,
        askSize,
        last,
        1,
        0,
        last,
        last,
        last,
        last,
        computation);
  }

  /**
   * Implied volatility at a strike and expiry: the expected-variance term structure times a smile
   * in {@code x = ln(K/F)/√T} — puts richer than calls (25-delta one-month put about 1.2× ATM, call
   * about 0.9×), bounded to [0.6, 3] × ATM.
   */
  double surfaceVol(Underlying u, double strike, double years) {
    double t = Math.max(years, 1.0 / 365);
    double atm = Math.sqrt(expectedVariance(u, t));
    double forward = u.spot * Math.exp((spec.rate() - u.spec.dividendYield()) * t);
    double x = Math.log(strike / forward) / Math.sqrt(t);
    double smile = Math.min(3, Math.max(0.6, 1 - 0.9 * x + 2.0 * x * x));
    return atm * smile;
  }

  /** Surface volatility by symbol, for tests. */
  public double surfaceVol(String symbol, double strike, double years) {
    return surfaceVol(underlying(symbol), strike, years);
  }

  private static double round(double price) {
    return Math.round(price / TICK) * TICK;
  }

  /** A stable, well-mixed non-negative number from two inputs (SplitMix64's finaliser). */
  private static long hash(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }

  /** One underlying's moving state. */
  private static final class Underlying {
    final UnderlyingSpec spec;
    final SimInstrument instrument;
    final Session session;
    double spot;
    double variance;
    double drift;
    int lastSize = 100;

    Underlying(UnderlyingSpec spec, SimInstrument instrument) {
      this.spec = spec;
      this.instrument = instrument;
      this.spot = spec.spot();
      this.variance = spec.longRunVol() * spec.longRunVol();
      this.session = new Session(spec.spot());
    }
  }

  /** Open, high, low, previous close and volume of the current session. */
  private static final class Session {
    LocalDate day;
    double open;
    double high;
    double low;
    double close;
    double last;
    long volume;

    Session(double price) {
      open = high = low = close = last = price;
    }

    void startDay(LocalDate today, double price) {
      if (today.equals(day)) {
        return;
      }
      close = last;
      open = high = low = price;
      volume = 0;
      day = today;
    }

    void mark(double price) {
      last = price;
      high = Math.max(high, price);
      low = Math.min(low, price);
    }
  }
}
