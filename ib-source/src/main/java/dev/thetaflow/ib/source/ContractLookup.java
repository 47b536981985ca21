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
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.mapping.Contracts;
import java.time.Duration;
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

  @Override
  public void onMessage(IncomingMessage message) {
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
  }
}
