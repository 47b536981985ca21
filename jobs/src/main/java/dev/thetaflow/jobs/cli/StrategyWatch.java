package dev.thetaflow.jobs.cli;

import dev.thetaflow.core.strategy.StrategyState;
import dev.thetaflow.jobs.topology.StrategySnapshot;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.util.CloseableIterator;

/**
 * Follows a running job's strategy snapshots for a while, printing each change of state, then a
 * summary: what {@code tradectl sim} and {@code tradectl paper} show.
 */
final class StrategyWatch {
  private StrategyWatch() {}

  /**
   * Prints state changes until {@code runFor} has passed or the job ends; returns each strategy's
   * last snapshot in order of first appearance.
   */
  static Map<String, StrategySnapshot> follow(
      CloseableIterator<StrategySnapshot> snapshots, Duration runFor, PrintWriter out)
      throws InterruptedException, ExecutionException {
    Map<String, StrategySnapshot> last = new LinkedHashMap<>();
    long deadline = System.nanoTime() + runFor.toNanos();
    while (System.nanoTime() < deadline) {
      // hasNext blocks; wait for it only until the deadline
      CompletableFuture<StrategySnapshot> next =
          CompletableFuture.supplyAsync(() -> snapshots.hasNext() ? snapshots.next() : null);
      StrategySnapshot s;
      try {
        s =
            next.get(
                Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      } catch (TimeoutException timeUp) {
        break;
      }
      if (s == null) {
        break;
      }
      StrategySnapshot before = last.put(s.strategyId(), s);
      if (before == null || before.state() != s.state()) {
        out.printf("%s  %s -> %s%n", s.time(), s.strategyId(), s.state());
        out.flush();
      }
    }
    return last;
  }

  /** One line per strategy: state, realized and unrealized P&L, commissions, delta and vega. */
  static void summary(Collection<StrategySnapshot> last, PrintWriter out) {
    out.printf("%nsummary: %d strategies%n", last.size());
    for (StrategySnapshot s : last) {
      out.printf(
          "  %-16s %-14s realized %10.2f  unrealized %10s  commissions %7.2f  delta %8s"
              + "  vega/pt %8s%n",
          s.strategyId(),
          s.state(),
          s.realizedPnl(),
          Double.isNaN(s.unrealizedPnl()) ? "n/a" : String.format("%.2f", s.unrealizedPnl()),
          s.commissions(),
          s.greeks() == null ? "n/a" : String.format("%.2f", s.greeks().delta()),
          s.greeks() == null ? "n/a" : String.format("%.2f", s.greeks().vegaPerPoint()));
    }
    long open = last.stream().filter(s -> s.state() == StrategyState.OPEN).count();
    out.printf("  open at the end: %d%n", open);
    out.flush();
  }
}
