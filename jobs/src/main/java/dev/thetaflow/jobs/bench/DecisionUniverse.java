package dev.thetaflow.jobs.bench;

import dev.thetaflow.core.analytics.BlackScholes;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderPurpose;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.strategy.Strategies;
import dev.thetaflow.core.strategy.Strategy;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.jobs.topology.StrategyInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The decision benchmark's market: {@code n} short iron condors on SPY, QQQ and IWM (shorts 2–8%
 * out of the money, wings one to three strikes, 7–45 days), each on four options of its own (conIds
 * {@code 1000 + 4i … 1003 + 4i}), entered in full at the replay's opening mids. Owning its legs is
 * what lets one quote breach exactly one strategy; an underlying's quote still reaches a third of
 * them. Each condor is drawn until its breach works: its richer short quoted at {@link
 * #BREACH_BID}/{@link #BREACH_ASK} lifts its P&amp;L past {@code takeProfit} of its credit with
 * room to spare, while at the opening marks it is far from it. Deterministic for a seed.
 */
final class DecisionUniverse {
  static final double BREACH_BID = 0.04;
  static final double BREACH_ASK = 0.05;
  static final long FIRST_OPTION = 1_000;
  private static final double COMMISSION = 0.65;

  private static final String[] SYMBOLS = {"SPY", "QQQ", "IWM"};
  private static final double[] SPOTS = {590.0, 510.0, 225.0};
  private static final double[] STRIKE_STEP = {5.0, 5.0, 1.0};
  private static final double[] VOLS = {0.16, 0.21, 0.24};
  private static final int[] EXPIRY_DAYS = {7, 14, 30, 45};

  private final Instant openedAt;
  private final List<BenchUniverse.Instrument> instruments;
  private final List<StrategyInput> opens;
  private final List<FillEvent> fills;
  private final double[][] entry;
  private final double takeProfit;

  private DecisionUniverse(
      Instant openedAt,
      List<BenchUniverse.Instrument> instruments,
      List<StrategyInput> opens,
      List<FillEvent> fills,
      double[][] entry,
      double takeProfit) {
    this.openedAt = openedAt;
    this.instruments = instruments;
    this.opens = opens;
    this.fills = fills;
    this.entry = entry;
    this.takeProfit = takeProfit;
  }

  static DecisionUniverse create(int strategies, long seed, Instant openedAt, double takeProfit) {
    if (strategies < 1) {
      throw new IllegalArgumentException("strategies must be >= 1, was " + strategies);
    }
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate today = openedAt.atZone(ZoneOffset.UTC).toLocalDate();
    List<BenchUniverse.Instrument> instruments = new ArrayList<>();
    for (int u = 0; u < SYMBOLS.length; u++) {
      instruments.add(
          new BenchUniverse.Instrument(u + 1, u, null, Double.NaN, 0, SPOTS[u], VOLS[u]));
    }
    List<StrategyInput> opens = new ArrayList<>();
    List<FillEvent> fills = new ArrayList<>();
    double[][] entries = new double[strategies][];
    for (int i = 0; i < strategies; i++) {
      String id = id(i);
      for (int attempt = 0; ; attempt++) {
        if (attempt == 1_000) {
          throw new IllegalStateException("no breachable condor for take profit " + takeProfit);
        }
        int u = random.nextInt(SYMBOLS.length);
        int days = EXPIRY_DAYS[random.nextInt(EXPIRY_DAYS.length)];
        double step = STRIKE_STEP[u];
        double spot = SPOTS[u];
        double putShort = Math.floor(spot * (1 - 0.02 - 0.06 * random.nextDouble()) / step) * step;
        double callShort = Math.ceil(spot * (1 + 0.02 + 0.06 * random.nextDouble()) / step) * step;
        double wing = step * (1 + random.nextInt(3));
        OptionType[] rights = {OptionType.PUT, OptionType.PUT, OptionType.CALL, OptionType.CALL};
        double[] strikes = {putShort - wing, putShort, callShort, callShort + wing};
        BenchUniverse.Instrument[] legs = new BenchUniverse.Instrument[4];
        double[] entry = new double[4];
        for (int k = 0; k < 4; k++) {
          legs[k] =
              new BenchUniverse.Instrument(
                  FIRST_OPTION + 4L * i + k, u, rights[k], strikes[k], days / 365.0, spot, VOLS[u]);
          double[] q = quote(legs[k], spot);
          entry[k] = Math.round((q[0] + q[1]) * 100) / 200.0; // the opening mid, to the half cent
        }
        double credit = entry[1] + entry[2] - entry[0] - entry[3];
        int richer = entry[1] >= entry[2] ? 1 : 2;
        double breachGain =
            entry[richer] - (BREACH_BID + BREACH_ASK) / 2 - 4 * COMMISSION / 100; // per share
        // a clear breach (5 cents to spare) of a real credit
        if (!(credit >= 0.10 && breachGain >= takeProfit * credit + 0.05)) {
          continue;
        }
        LocalDate expiry = today.plusDays(days);
        Contract[] contracts = new Contract[4];
        for (int k = 0; k < 4; k++) {
          contracts[k] =
              Contract.equityOption(
                  legs[k].conId(), SYMBOLS[u], expiry, strikes[k], rights[k], BenchUniverse.PENNY);
          instruments.add(legs[k]);
        }
        Strategy s =
            Strategies.ironCondor(
                id, contracts[0], contracts[1], contracts[2], contracts[3], 1, openedAt);
        opens.add(new StrategyInput.Open(s, u + 1, BenchUniverse.ACCOUNT, null));
        int k = 0;
        for (Leg l : s.legs()) {
          int slot = indexOf(contracts, l.contract().conId());
          Fill fill =
              new Fill(
                  id + "-e" + k++,
                  new OrderRef(id, OrderPurpose.ENTRY, 1),
                  1 + i,
                  BenchUniverse.ACCOUNT,
                  l.contract().conId(),
                  l.ratio() > 0 ? Side.BUY : Side.SELL,
                  Math.abs(l.ratio()) * s.quantity(),
                  BigDecimal.valueOf(entry[slot]).setScale(3, RoundingMode.HALF_UP),
                  Money.of(COMMISSION, "USD"),
                  openedAt);
          fills.add(new FillEvent(fill, SYMBOLS[u], 10_000 + i));
        }
        entries[i] = entry;
        break;
      }
    }
    return new DecisionUniverse(
        openedAt, List.copyOf(instruments), opens, fills, entries, takeProfit);
  }

  private static int indexOf(Contract[] contracts, long conId) {
    for (int k = 0; k < contracts.length; k++) {
      if (contracts[k].conId() == conId) {
        return k;
      }
    }
    throw new IllegalArgumentException("not a leg: " + conId);
  }

  /** The replay's two-sided quote of {@code i} at {@code spot}: {bid, ask}, on the penny grid. */
  static double[] quote(BenchUniverse.Instrument i, double spot) {
    double mid;
    double spread;
    if (i.isUnderlying()) {
      mid = spot;
      spread = 0.01;
    } else {
      mid =
          Math.max(
              0.05,
              BlackScholes.price(
                  i.right(),
                  spot,
                  i.strike(),
                  i.years(),
                  QuoteReplay.RATE,
                  QuoteReplay.YIELD,
                  i.volatility()));
      spread = Math.max(0.01, Math.ceil(mid * 4) / 100);
    }
    double bid = Math.max(0.01, Math.floor((mid - spread / 2) * 100) / 100);
    double ask = Math.round((bid + spread) * 100) / 100.0;
    return new double[] {bid, ask};
  }

  static String id(int strategy) {
    return String.format("cond-%06d", strategy);
  }

  /** The strategy of an id, or -1 when it is none of these. */
  static int index(String strategyId) {
    if (strategyId == null || !strategyId.startsWith("cond-")) {
      return -1;
    }
    try {
      return Integer.parseInt(strategyId, 5, strategyId.length(), 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Underlyings first (conIds 1–3), then each strategy's four legs. */
  List<BenchUniverse.Instrument> instruments() {
    return instruments;
  }

  /** Leg {@code k} (0 long put, 1 short put, 2 short call, 3 long call) of strategy {@code i}. */
  BenchUniverse.Instrument leg(int i, int k) {
    return instruments.get(3 + 4 * i + k);
  }

  /**
   * The short of strategy {@code i} whose breach quote lifts it past its take profit (5 cents a
   * share to spare) at the legs' current mids ({@code mids[k]} for leg k), while it is not there
   * yet; -1 when neither does. The richer short at the opening can become the poorer one as the
   * underlying walks, and quoting that one near zero may then leave the P&amp;L short of the take
   * profit: a breach the job rightly ignores.
   */
  int breachableShort(int i, double[] mids) {
    double[] e = entry[i];
    double credit = e[1] + e[2] - e[0] - e[3];
    double commissions = 4 * COMMISSION / 100; // per share, the entry's
    double target = takeProfit * credit;
    double now = (e[1] - mids[1]) + (e[2] - mids[2]) + (mids[0] - e[0]) + (mids[3] - e[3]);
    if (!(now - commissions < target)) {
      return -1; // past it already: the rule may fire without the breach
    }
    int richer = mids[1] >= mids[2] ? 1 : 2;
    double after = now + mids[richer] - (BREACH_BID + BREACH_ASK) / 2;
    return after - commissions >= target + 0.05 ? richer : -1;
  }

  List<StrategyInput> opens() {
    return opens;
  }

  List<FillEvent> fills() {
    return fills;
  }

  Instant openedAt() {
    return openedAt;
  }

  int strategies() {
    return opens.size();
  }
}
