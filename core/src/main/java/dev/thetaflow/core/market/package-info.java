/**
 * Market data as the system sees it: top-of-book {@link dev.thetaflow.core.market.Quote}s and the
 * broker's option model values. NaN means "the venue has no value", never zero.
 */
package dev.thetaflow.core.market;
