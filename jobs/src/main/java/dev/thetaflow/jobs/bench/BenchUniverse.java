package dev.thetaflow.jobs.bench;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's market: three ETFs, four expiries each, and {@code n} short iron condors and
 * verticals on them at strikes a trader would pick (shorts 2–8% out of the money, wings one to
 * three strikes wide). Strategies share strikes, so one option quote goes to several strategies, as
 * it does in a real book. Deterministic for a seed.
 */
public final class BenchUniverse {
  static final BigDecimal PENNY = new BigDecimal("0.01");
  static final String ACCOUNT = "DU0000001";

  /** One quoted instrument: an underlying (strike NaN) or an option. */
  record Instrument(
      long conId,
      int underlying,
      OptionType right,
      double strike,
      double years,
      double spot,
      double volatility) {
    boolean isUnderlying() {
      return right == null;
    }
  }

  private static final String[] SYMBOLS = {"SPY", "QQQ", "IWM"};
  private static final double[] SPOTS = {590.0, 510.0, 225.0};
  private static final double[] STRIKE_STEP = {5.0, 5.0, 1.0};
  private static final double[] VOLS = {0.16, 0.21, 0.24};
  private static final int[] EXPIRY_DAYS = {7, 14, 30, 45};

  private final Instant openedAt;
  private final List<Instrument> instruments;
  private final Map<Long, Integer> holders;
  private final List<StrategyInput> opens;
  private final List<FillEvent> fills;
  private final int legSlots;

  private BenchUniverse(
      Instant openedAt,
      List<Instrument> instruments,
      Map<Long, Integer> holders,
      List<StrategyInput> opens,
      List<FillEvent> fills,
      int legSlots) {
    this.openedAt = openedAt;
    this.instruments = instruments;
    this.holders = holders;
    this.opens = opens;
    this.fills = fills;
    this.legSlots = legSlots;
  }

  /**
   * @param strategies how many strategies, &ge; 1
   * @param seed picks strategies and strikes
   * @param openedAt when they were opened and filled
   */
  public static BenchUniverse create(int strategies, long seed, Instant openedAt) {
    if (strategies < 1) {
      throw new IllegalArgumentException("strategies must be >= 1, was " + strategies);
    }
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate today = openedAt.atZone(ZoneOffset.UTC).toLocalDate();
    Map<String, Contract> contracts = new HashMap<>();
    Map<Long, Instrument> byConId = new LinkedHashMap<>();
    for (int u = 0; u < SYMBOLS.length; u++) {
      long conId = u + 1;
      byConId.put(conId, new Instrument(conId, u, null, Double.NaN, 0, SPOTS[u], VOLS[u]));
    }
    Map<Long, Integer> holders = new HashMap<>();
    List<StrategyInput> opens = new ArrayList<>();
    List<FillEvent> fills = new ArrayList<>();
    int legSlots = 0;
    for (int i = 0; i < strategies; i++) {
      int u = random.nextInt(SYMBOLS.length);
      int days = EXPIRY_DAYS[random.nextInt(EXPIRY_DAYS.length)];
      LocalDate expiry = today.plusDays(days);
      double step = STRIKE_STEP[u];
      double spot = SPOTS[u];
      double putShort = strikeBelow(spot * (1 - 0.02 - 0.06 * random.nextDouble()), step);
      double callShort = strikeAbove(spot * (1 + 0.02 + 0.06 * random.nextDouble()), step);
      double wing = step * (1 + random.nextInt(3));
      String id = String.format("bench-%06d", i);
      Strategy s;
      Factory f =
          (right, strike) ->
              contracts.computeIfAbsent(
                  SYMBOLS[u] + expiry + right + strike,
                  k -> {
                    long conId = 1_000 + contracts.size();
                    byConId.put(
                        conId,
                        new Instrument(conId, u, right, strike, days / 365.0, spot, VOLS[u]));
                    return Contract.equityOption(conId, SYMBOLS[u], expiry, strike, right, PENNY);
                  });
      switch (random.nextInt(3)) {
        case 0 ->
            s =
                Strategies.ironCondor(
                    id,
                    f.get(OptionType.PUT, putShort - wing),
                    f.get(OptionType.PUT, putShort),
                    f.get(OptionType.CALL, callShort),
                    f.get(OptionType.CALL, callShort + wing),
                    1,
                    openedAt);
        case 1 ->
            s =
                Strategies.vertical(
                    id,
                    f.get(OptionType.PUT, putShort),
                    f.get(OptionType.PUT, putShort - wing),
                    1,
                    openedAt);
        default ->
            s =
                Strategies.vertical(
                    id,
                    f.get(OptionType.CALL, callShort),
                    f.get(OptionType.CALL, callShort + wing),
                    1,
                    openedAt);
      }
      opens.add(new StrategyInput.Open(s, u + 1, ACCOUNT, null));
      holders.merge((long) (u + 1), 1, Integer::sum);
      int leg = 0;
      for (Leg l : s.legs()) {
        long conId = l.contract().conId();
        holders.merge(conId, 1, Integer::sum);
        legSlots++;
        Fill fill =
            new Fill(
                id + "-e" + leg++,
                new OrderRef(id, OrderPurpose.ENTRY, 1),
                1 + i,
                ACCOUNT,
                conId,
                l.ratio() > 0 ? Side.BUY : Side.SELL,
                Math.abs(l.ratio()) * s.quantity(),
                new BigDecimal("1.00"),
                Money.of(0.65, "USD"),
                openedAt);
        fills.add(new FillEvent(fill, SYMBOLS[u], 10_000 + i));
      }
    }
    return new BenchUniverse(
        openedAt, List.copyOf(byConId.values()), Map.copyOf(holders), opens, fills, legSlots);
  }

  private interface Factory {
    Contract get(OptionType right, double strike);
  }

  private static double strikeBelow(double x, double step) {
    return Math.floor(x / step) * step;
  }

  private static double strikeAbove(double x, double step) {
    return Math.ceil(x / step) * step;
  }

  /** Underlyings first, then every option some strategy holds. */
  List<Instrument> instruments() {
    return instruments;
  }

  /** How many strategies a quote of {@code conId} goes to (legs and underlyings). */
  int holders(long conId) {
    return holders.getOrDefault(conId, 0);
  }

  /** One {@link StrategyInput.Open} per strategy, at market. */
  public List<StrategyInput> opens() {
    return opens;
  }

  /** Each strategy's entry, filled in full: the fills that make it OPEN. */
  public List<FillEvent> fills() {
    return fills;
  }

  Instant openedAt() {
    return openedAt;
  }

  public int strategies() {
    return opens.size();
  }

  /** Legs over all strategies: the option quotes' fan-out is this over the options' count. */
  public int legSlots() {
    return legSlots;
  }

  public int options() {
    return instruments.size() - SYMBOLS.length;
  }
}
