package dev.thetaflow.ib.codec;

import java.util.List;

/**
 * historicalData (17), the 124..195 layout (no version field): all bars of one request.
 *
 * @param reqId the reqHistoricalData id
 * @param startDate start of the period as sent
 * @param endDate end of the period as sent
 * @param bars the bars, oldest first
 */
public record HistoricalData(int reqId, String startDate, String endDate, List<Bar> bars)
    implements IncomingMessage {
  /** Copies the bars. */
  public HistoricalData {
    bars = List.copyOf(bars);
  }

  /**
   * One bar.
   *
   * @param date the bar's date or time as sent (format depends on formatDate)
   * @param open open
   * @param high high
   * @param low low
   * @param close close
   * @param volume volume (decimal) or {@link TwsValues#UNSET_DOUBLE}
   * @param wap volume-weighted average price (decimal) or {@link TwsValues#UNSET_DOUBLE}
   * @param count number of trades, or {@link TwsValues#UNSET_INT}
   */
  public record Bar(
      String date,
      double open,
      double high,
      double low,
      double close,
      double volume,
      double wap,
      int count) {}
}
