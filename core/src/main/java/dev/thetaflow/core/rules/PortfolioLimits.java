package dev.thetaflow.core.rules;

import static dev.thetaflow.core.rules.RiskSupport.badThreshold;
import static dev.thetaflow.core.rules.RiskSupport.money;
import static dev.thetaflow.core.rules.RiskSupport.percent;

import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.decision.DecisionAction;
import dev.thetaflow.core.decision.Measurement;
import dev.thetaflow.core.decision.RuleId;
import dev.thetaflow.core.decision.Urgency;
import dev.thetaflow.core.value.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Portfolio limits: the whole book, not one strategy, breaches a limit. A pure function over all
 * open strategies' exposures (the caller gathers them; it is not a per-strategy {@link Rule}):
 *
 * <ul>
 *   <li>net dollar delta: |Σ dollarDelta| / net liquidation above {@code maxDollarDeltaShare};
 *   <li>net vega: |Σ vega per point| above {@code maxVegaPerPoint};
 *   <li>loss: −Σ pnl above {@code maxLoss};
 *   <li>concentration: one underlying's share of Σ |dollarDelta| above {@code maxConcentration}.
 * </ul>
 *
 * On a breach the strategies contributing most in the breach's direction are REDUCEd (NORMAL),
 * largest contribution first, until what remains without them is within the limit. A strategy
 * picked by several breaches gets one decision whose reason and measurements name each of them.
 *
 * <p>Configuration keys: {@code maxDollarDeltaShare} (share of net liquidation, &gt; 0), {@code
 * maxVegaPerPoint} (currency per volatility point, &gt; 0), {@code maxLoss} (currency, &gt; 0),
 * {@code maxConcentration} (share, in (0, 1]; 1 disables it).
 */
public final class PortfolioLimits {

  /**
   * One open strategy's contribution; every number is known (the caller leaves out a strategy it
   * cannot value, or uses its last known values).
   *
   * @param strategyId the strategy
   * @param underlying its underlying symbol
   * @param dollarDelta delta × spot, in currency
   * @param vegaPerPoint currency per volatility point
   * @param dollarGammaPerPercent P&amp;L of a 1% move from gamma alone (reported, not limited)
   * @param pnl realized + unrealized − commissions
   */
  public record Exposure(
      String strategyId,
      String underlying,
      double dollarDelta,
      double vegaPerPoint,
      double dollarGammaPerPercent,
      double pnl) {
    public Exposure {
      Ids.requireStrategyId(strategyId);
      if (underlying == null || underlying.isBlank()) {
        throw new IllegalArgumentException("exposure " + strategyId + ": underlying is required");
      }
      if (!Double.isFinite(dollarDelta)
          || !Double.isFinite(vegaPerPoint)
          || !Double.isFinite(dollarGammaPerPercent)
          || !Double.isFinite(pnl)) {
        throw new IllegalArgumentException(
            "exposure "
                + strategyId
                + ": dollarDelta, vegaPerPoint, dollarGammaPerPercent and pnl must be finite, were "
                + dollarDelta
                + ", "
                + vegaPerPoint
                + ", "
                + dollarGammaPerPercent
                + ", "
                + pnl);
      }
    }
  }

  /**
   * The book at one moment.
   *
   * @param exposures one per open strategy, strategy ids unique
   * @param netLiquidation the account's net liquidation value, &gt; 0
   */
  public record Portfolio(List<Exposure> exposures, double netLiquidation) {
    public Portfolio {
      if (exposures == null) {
        throw new IllegalArgumentException("portfolio: exposures are required");
      }
      exposures = List.copyOf(exposures);
      if (!RiskSupport.positive(netLiquidation)) {
        throw new IllegalArgumentException(
            "portfolio: net liquidation must be a finite amount > 0, was " + netLiquidation);
      }
      Set<String> ids = new HashSet<>();
      for (Exposure e : exposures) {
        if (!ids.add(e.strategyId())) {
          throw new IllegalArgumentException(
              "portfolio: strategy " + e.strategyId() + " appears more than once");
        }
      }
    }
  }

  /**
   * @param maxDollarDeltaShare largest |net dollar delta| as a share of net liquidation, &gt; 0
   * @param maxVegaPerPoint largest |net vega| per volatility point, &gt; 0
   * @param maxLoss largest loss of the open strategies together, &gt; 0
   * @param maxConcentration largest share of gross dollar delta in one underlying, in (0, 1]
   */
  public record Thresholds(
      double maxDollarDeltaShare, double maxVegaPerPoint, double maxLoss, double maxConcentration) {
    public Thresholds {
      if (!(maxDollarDeltaShare > 0 && maxDollarDeltaShare <= 100)) {
        throw badThreshold(
            "portfolio limits",
            "maxDollarDeltaShare",
            maxDollarDeltaShare,
            "a share of net liquidation in (0, 100]");
      }
      if (!RiskSupport.positive(maxVegaPerPoint)) {
        throw badThreshold(
            "portfolio limits", "maxVegaPerPoint", maxVegaPerPoint, "a finite amount > 0");
      }
      if (!RiskSupport.positive(maxLoss)) {
        throw badThreshold("portfolio limits", "maxLoss", maxLoss, "a finite amount > 0");
      }
      if (!(maxConcentration > 0 && maxConcentration <= 1)) {
        throw badThreshold(
            "portfolio limits", "maxConcentration", maxConcentration, "a share in (0, 1]");
      }
    }
  }

  private final Thresholds t;

  public PortfolioLimits(Thresholds t) {
    if (t == null) {
      throw new IllegalArgumentException("portfolio limits: thresholds are required");
    }
    this.t = t;
  }

  /**
   * Reads {@code maxDollarDeltaShare}, {@code maxVegaPerPoint}, {@code maxLoss} and {@code
   * maxConcentration}.
   */
  public static PortfolioLimits from(RuleParams p) {
    Thresholds t =
        new Thresholds(
            p.decimal("maxDollarDeltaShare", 0, 100),
            p.decimal("maxVegaPerPoint", 0, 1e12),
            p.decimal("maxLoss", 0, 1e15),
            p.decimal("maxConcentration", 0, 1));
    p.finish();
    return new PortfolioLimits(t);
  }

  public Thresholds thresholds() {
    return t;
  }

  /** The REDUCE decisions for every breached limit, in the order the strategies were picked. */
  public List<Decision> evaluate(Portfolio p, Instant now) {
    if (now == null) {
      throw new IllegalArgumentException("portfolio limits: now is required");
    }
    Map<String, Pick> picks = new LinkedHashMap<>();
    List<Exposure> all = p.exposures();
    double netLiq = p.netLiquidation();

    double netDelta = sum(all, Exposure::dollarDelta);
    if (Math.abs(netDelta) / netLiq > t.maxDollarDeltaShare()) {
      double sign = Math.signum(netDelta);
      double allowed = t.maxDollarDeltaShare() * netLiq;
      Measurement m =
          new Measurement(
              "portfolio dollar delta, share of net liquidation",
              Math.abs(netDelta) / netLiq * 100,
              t.maxDollarDeltaShare() * 100,
              "%");
      pickLargest(
          all,
          e -> sign * e.dollarDelta(),
          Math.abs(netDelta) - allowed,
          (e, c) ->
              "Portfolio dollar delta is "
                  + money(netDelta)
                  + ", "
                  + percent(Math.abs(netDelta) / netLiq)
                  + " of net liquidation "
                  + money(netLiq)
                  + " (limit "
                  + percent(t.maxDollarDeltaShare())
                  + "); this strategy holds "
                  + money(e.dollarDelta())
                  + " of it ("
                  + percent(c / Math.abs(netDelta))
                  + ").",
          m,
          picks);
    }

    double netVega = sum(all, Exposure::vegaPerPoint);
    if (Math.abs(netVega) > t.maxVegaPerPoint()) {
      double sign = Math.signum(netVega);
      Measurement m =
          new Measurement(
              "portfolio vega per volatility point", Math.abs(netVega), t.maxVegaPerPoint(), "$");
      pickLargest(
          all,
          e -> sign * e.vegaPerPoint(),
          Math.abs(netVega) - t.maxVegaPerPoint(),
          (e, c) ->
              "Portfolio vega is "
                  + money(netVega)
                  + " per volatility point (limit "
                  + money(t.maxVegaPerPoint())
                  + "); this strategy holds "
                  + money(e.vegaPerPoint())
                  + " of it ("
                  + percent(c / Math.abs(netVega))
                  + ").",
          m,
          picks);
    }

    double loss = -sum(all, Exposure::pnl);
    if (loss > t.maxLoss()) {
      Measurement m = new Measurement("portfolio loss", loss, t.maxLoss(), "$");
      pickLargest(
          all,
          e -> -e.pnl(),
          loss - t.maxLoss(),
          (e, c) ->
              "The open strategies have lost "
                  + money(loss)
                  + " together (limit "
                  + money(t.maxLoss())
                  + "); this strategy has lost "
                  + money(-e.pnl())
                  + " of it ("
                  + percent(c / loss)
                  + ").",
          m,
          picks);
    }

    concentration(all, picks);

    List<Decision> out = new ArrayList<>(picks.size());
    for (Map.Entry<String, Pick> e : picks.entrySet()) {
      Pick pick = e.getValue();
      out.add(
          Decision.of(
              e.getKey(),
              DecisionAction.REDUCE,
              Urgency.NORMAL,
              RuleId.PORTFOLIO_LIMITS,
              pick.reason + " Reducing it.",
              pick.measurements,
              now));
    }
    return out;
  }

  private void concentration(List<Exposure> all, Map<String, Pick> picks) {
    double gross = sum(all, e -> Math.abs(e.dollarDelta()));
    if (!(gross > 0)) {
      return;
    }
    Map<String, Double> byUnderlying = new LinkedHashMap<>();
    for (Exposure e : all) {
      byUnderlying.merge(e.underlying(), Math.abs(e.dollarDelta()), Double::sum);
    }
    for (Map.Entry<String, Double> u : byUnderlying.entrySet()) {
      String underlying = u.getKey();
      double inIt = u.getValue();
      double share = inIt / gross;
      if (!(share > t.maxConcentration())) {
        continue;
      }
      Measurement m =
          new Measurement(
              underlying + " share of gross dollar delta",
              share * 100,
              t.maxConcentration() * 100,
              "%");
      // removing r from the underlying also removes it from the gross: (u - r) / (g - r) <= max
      // once r >= (u - max * g) / (1 - max); with max = 1 it is never breached
      double excess = (inIt - t.maxConcentration() * gross) / (1 - t.maxConcentration());
      pickLargest(
          all,
          e -> e.underlying().equals(underlying) ? Math.abs(e.dollarDelta()) : 0,
          excess,
          (e, c) ->
              underlying
                  + " holds "
                  + percent(share)
                  + " of the portfolio's gross dollar delta "
                  + money(gross)
                  + " (limit "
                  + percent(t.maxConcentration())
                  + "); this strategy holds "
                  + money(Math.abs(e.dollarDelta()))
                  + " ("
                  + percent(c / inIt)
                  + " of "
                  + underlying
                  + "'s).",
          m,
          picks);
    }
  }

  /** Builds one breach's sentence for a picked strategy and its contribution. */
  private interface Sentence {
    String of(Exposure e, double contribution);
  }

  /** What a strategy is reduced for, gathered over the breaches. */
  private static final class Pick {
    String reason;
    final List<Measurement> measurements = new ArrayList<>(4);
  }

  /**
   * Picks strategies with a positive contribution, largest first, until their contributions cover
   * {@code excess} (what lies beyond the limit).
   */
  private static void pickLargest(
      List<Exposure> all,
      ToDoubleFunction<Exposure> contribution,
      double excess,
      Sentence sentence,
      Measurement measurement,
      Map<String, Pick> picks) {
    List<Exposure> contributors = new ArrayList<>();
    for (Exposure e : all) {
      if (contribution.applyAsDouble(e) > 0) {
        contributors.add(e);
      }
    }
    contributors.sort(
        Comparator.comparingDouble(contribution).reversed().thenComparing(Exposure::strategyId));
    double removed = 0;
    for (Exposure e : contributors) {
      if (removed >= excess) {
        break;
      }
      double c = contribution.applyAsDouble(e);
      removed += c;
      Pick pick = picks.computeIfAbsent(e.strategyId(), id -> new Pick());
      String s = sentence.of(e, c);
      pick.reason = pick.reason == null ? s : pick.reason + " " + s;
      pick.measurements.add(measurement);
    }
  }

  private static double sum(List<Exposure> all, ToDoubleFunction<Exposure> f) {
    double s = 0;
    for (Exposure e : all) {
      s += f.applyAsDouble(e);
    }
    return s;
  }
}
