package dev.thetaflow.sim.server;

import dev.thetaflow.sim.market.SimInstrument;

/**
 * One fill as IB reports it in execDetails and commissionReport.
 *
 * @param execId unique execution id
 * @param orderId the order's id at its client
 * @param clientId the client that placed the order
 * @param permId IB's permanent order id
 * @param instrument what was traded (the leg, for a combo)
 * @param side BOT or SLD
 * @param shares quantity of this fill
 * @param price fill price
 * @param cumQty filled so far on this order (per leg for a combo leg)
 * @param avgPrice average fill price so far
 * @param orderRef the client's order reference
 * @param time "yyyyMMdd HH:mm:ss zone"
 * @param account account code
 * @param commission commission of this fill
 */
record SimExecution(
    String execId,
    int orderId,
    int clientId,
    long permId,
    SimInstrument instrument,
    String side,
    long shares,
    double price,
    long cumQty,
    double avgPrice,
    String orderRef,
    String time,
    String account,
    double commission) {}
