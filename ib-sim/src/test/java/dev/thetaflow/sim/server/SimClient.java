package dev.thetaflow.sim.server;

import dev.thetaflow.core.config.BackoffConfig;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.ConnectionState;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbListener;
import dev.thetaflow.ib.codec.IncomingMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** thetaflow's own connection manager as a client of ib-sim, recording what it receives. */
final class SimClient implements IbListener, AutoCloseable {
  final List<IncomingMessage> messages = new CopyOnWriteArrayList<>();
  final List<String> states = new CopyOnWriteArrayList<>();
  final IbConnection connection;

  SimClient(int port, int clientId, int messagesPerSecond) {
    ConnectionOptions options =
        new ConnectionOptions(
            "127.0.0.1",
            port,
            clientId,
            null,
            Duration.ofSeconds(3),
            Duration.ofMillis(500),
            Duration.ofSeconds(2),
            new BackoffConfig(Duration.ofMillis(100), Duration.ofMillis(400)),
            messagesPerSecond,
            20,
            Duration.ofSeconds(1));
    connection = new IbConnection(options, this);
    connection.start();
  }

  @Override
  public void onMessage(IncomingMessage message) {
    messages.add(message);
  }

  @Override
  public void onStateChange(ConnectionState previous, ConnectionState current, String reason) {
    states.add(current + ": " + reason);
  }

  <T extends IncomingMessage> List<T> all(Class<T> type) {
    return messages.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends IncomingMessage> T await(Class<T> type, Predicate<T> match, String what) {
    await(() -> all(type).stream().anyMatch(match), what);
    return all(type).stream().filter(match).findFirst().orElseThrow();
  }

  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    connection.close();
  }
}
