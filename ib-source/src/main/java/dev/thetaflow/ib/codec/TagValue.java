package dev.thetaflow.ib.codec;

/**
 * A tag/value pair as TWS lists them (security ids, algo parameters).
 *
 * @param tag the tag, for example ISIN
 * @param value its value
 */
public record TagValue(String tag, String value) {}
