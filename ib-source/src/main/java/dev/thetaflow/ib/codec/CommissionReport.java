package dev.thetaflow.ib.codec;

/**
 * commissionReport (59), matched to its execDetails by execId.
 *
 * @param execId the execution it belongs to
 * @param commission the commission
 * @param currency commission currency
 * @param realizedPnl realized P&amp;L, or {@link TwsValues#UNSET_DOUBLE} (the usual case)
 * @param yield yield, or {@link TwsValues#UNSET_DOUBLE}
 * @param yieldRedemptionDate YYYYMMDD, or {@link TwsValues#UNSET_INT}
 */
public record CommissionReport(
    String execId,
    double commission,
    String currency,
    double realizedPnl,
    double yield,
    int yieldRedemptionDate)
    implements IncomingMessage {}
