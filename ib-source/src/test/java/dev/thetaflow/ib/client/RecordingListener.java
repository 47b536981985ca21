package dev.thetaflow.ib.client;

import dev.thetaflow.ib.codec.IncomingMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps everything an {@link IbConnection} reports, for assertions. */
final class RecordingListener implements IbListener {
  record StateChange(ConnectionState from, ConnectionState to, String reason) {}

  final List<IncomingMessage> messages = new CopyOnWriteArrayList<>();
  final List<StateChange> states = new CopyOnWriteArrayList<>();
  final List<String> malformed = new CopyOnWriteArrayList<>();
  final AtomicInteger resubscribed = new AtomicInteger();

  @Override
  public void onMessage(IncomingMessage message) {
    messages.add(message);
  }

  @Override
  public void onStateChange(ConnectionState previous, ConnectionState current, String reason) {
    states.add(new StateChange(previous, current, reason));
  }

  @Override
  public void onResubscribed(int count) {
    resubscribed.addAndGet(count);
  }

  @Override
  public void onMalformedFrame(String hexBytes, String problem) {
    malformed.add(hexBytes + " | " + problem);
  }

  boolean reached(ConnectionState state) {
    return states.stream().anyMatch(s -> s.to() == state);
  }

  String reasonsFor(ConnectionState state) {
    return states.stream()
        .filter(s -> s.to() == state)
        .map(StateChange::reason)
        .reduce("", (a, b) -> a + " | " + b);
  }
}
