package dev.thetaflow.ib.source;

import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.ContractDetails;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.IncomingMessageId;
import dev.thetaflow.ib.codec.RequestEnd;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.SecDefOptParameter;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.mapping.Contracts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks IB what contracts a description matches (an option by symbol, expiry, strike and right; a
 * stock by symbol), on its own connection, and answers with thetaflow's {@link Contract}s. Each
 * lookup completes with every match once IB says the list ended, or fails with IB's error (200: no
 * such contract) or because the connection is not ready; callers retry.
 */
public final class ContractLookup implements IbListener, AutoCloseable {
  private final IbConnection connection;
  private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

  private record Pending(CompletableFuture<List<Contract>> result, List<Contract> found) {}

  /**
   * An underlying's listed option expirations and strikes (the union over its exchanges and trading
   * classes, as IB lists them).
   */
  public record Chain(
      java.util.SortedSet<LocalDate> expirations, java.util.SortedSet<Double> strikes) {}

  private record PendingChain(CompletableFuture<Chain> result, Chain found) {}

  private final Map<Integer, PendingChain> chains = new ConcurrentHashMap<>();

  public ContractLookup(ConnectionOptions options) {
    this.connection = new IbConnection(options, this);
    connection.start();
  }

  /** Waits until the connection can take lookups; false on timeout. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return connection.awaitReady(timeout);
  }

  /** Every contract matching {@code query}. */
  public CompletableFuture<List<Contract>> lookup(TwsContract query) {
    int reqId = connection.nextRequestId();
    Pending p = new Pending(new CompletableFuture<>(), new ArrayList<>());
    pending.put(reqId, p);
    try {
      connection.send(w -> Requests.reqContractDetails(w, reqId, query, false, "", "", ""));
    } catch (RuntimeException notReady) {
      pending.remove(reqId);
      p.result().completeExceptionally(notReady);
    }
    return p.result();
  }

  /** The option chain of an underlying ({@code secType} STK or IND) known by its conId. */
  public CompletableFuture<Chain> chain(String symbol, String secType, int underlyingConId) {
    int reqId = connection.nextRequestId();
    PendingChain p =
        new PendingChain(
            new CompletableFuture<>(),
            new Chain(new java.util.TreeSet<>(), new java.util.TreeSet<>()));
    chains.put(reqId, p);
    try {
      connection.send(
          w -> Requests.reqSecDefOptParams(w, reqId, symbol, "", secType, underlyingConId));
    } catch (RuntimeException notReady) {
      chains.remove(reqId);
      p.result().completeExceptionally(notReady);
    }
    return p.result();
  }

  @Override
  public void onMessage(IncomingMessage message) {
    if (message instanceof SecDefOptParameter params) {
      PendingChain p = chains.get(params.reqId());
      if (p != null) {
        for (String e : params.expirations()) {
          p.found().expirations().add(LocalDate.parse(e, DateTimeFormatter.BASIC_ISO_DATE));
        }
        p.found().strikes().addAll(params.strikes());
      }
      return;
    }
    if (message instanceof RequestEnd end
        && end.messageId() == IncomingMessageId.SECURITY_DEFINITION_OPTION_PARAMETER_END) {
      PendingChain p = chains.remove(end.reqId());
      if (p != null) {
        p.result().complete(p.found());
      }
      return;
    }
    if (message instanceof ContractDetails d) {
      Pending p = pending.get(d.reqId());
      if (p != null) {
        try {
          p.found().add(Contracts.toCore(d));
        } catch (IllegalArgumentException unmappable) {
          pending.remove(d.reqId());
          p.result().completeExceptionally(unmappable);
        }
      }
    } else if (message instanceof RequestEnd end
        && end.messageId() == IncomingMessageId.CONTRACT_DATA_END) {
      Pending p = pending.remove(end.reqId());
      if (p != null) {
        p.result().complete(List.copyOf(p.found()));
      }
    } else if (message instanceof ErrorMessage e) {
      PendingChain chain = chains.remove(e.id());
      if (chain != null) {
        chain
            .result()
            .completeExceptionally(
                new IllegalArgumentException(
                    "IB error " + e.errorCode() + " for an option chain: " + e.errorMsg()));
      }
      Pending p = pending.remove(e.id());
      if (p != null) {
        p.result()
            .completeExceptionally(
                new IllegalArgumentException(
                    "IB error " + e.errorCode() + " for a contract lookup: " + e.errorMsg()));
      }
    }
  }

  @Override
  public void close() {
    connection.close();
    pending.values().forEach(p -> p.result().cancel(false));
    chains.values().forEach(p -> p.result().cancel(false));
  }
}
