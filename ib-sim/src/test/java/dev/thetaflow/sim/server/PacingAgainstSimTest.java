package dev.thetaflow.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.ib.codec.CurrentTime;
import dev.thetaflow.ib.codec.ErrorMessage;
import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.ib.codec.FrameDecoder;
import dev.thetaflow.ib.codec.Handshake;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.MessageDecoder;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IB's 50 messages per second, from both sides: ib-sim enforces it, our client keeps it. */
class PacingAgainstSimTest {
  private IbSim sim;

  @BeforeEach
  void start() throws Exception {
    SimMarket market = SimMarket.create(MarketSpec.defaults(), 1, IbSimTest.OPEN);
    sim = IbSim.start(IbSim.Options.defaults(0, 1.0, 1), market, Scenario.quiet());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void anUnpacedClientGetsError100() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", sim.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(Handshake.encode());
      FieldWriter w = new FieldWriter();
      int n = Requests.startApi(w, 9, "");
      out.write(w.buffer(), 0, n);
      for (int i = 0; i < 60; i++) {
        n = Requests.reqIds(w, 1);
        out.write(w.buffer(), 0, n);
      }
      out.flush();
      List<IncomingMessage> received = readFor(socket.getInputStream(), Duration.ofSeconds(2));
      assertThat(received)
          .filteredOn(m -> m instanceof ErrorMessage e && e.errorCode() == 100)
          .isNotEmpty();
    }
  }

  @Test
  void aBurstOfAThousandRequestsThroughOurClientNeverTriggersError100() throws Exception {
    try (SimClient client = new SimClient(sim.port(), 3, 50)) {
      assertThat(client.connection.awaitReady(Duration.ofSeconds(10))).isTrue();
      for (int i = 0; i < 1_000; i++) {
        client.connection.send(Requests::reqCurrentTime);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (client.all(CurrentTime.class).size() < 1_000 && System.nanoTime() < deadline) {
        sleep(50);
      }
      assertThat(client.all(CurrentTime.class)).hasSizeGreaterThanOrEqualTo(1_000);
      assertThat(client.all(ErrorMessage.class)).noneMatch(e -> e.errorCode() == 100);
    }
  }

  private static List<IncomingMessage> readFor(InputStream in, Duration duration) throws Exception {
    List<IncomingMessage> out = new ArrayList<>();
    FrameDecoder frames = new FrameDecoder();
    MessageDecoder decoder = new MessageDecoder();
    boolean[] handshakeSeen = {false};
    byte[] chunk = new byte[8192];
    long deadline = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < deadline) {
      if (in.available() == 0) {
        sleep(10);
        continue;
      }
      int n = in.read(chunk);
      frames.feed(
          Arrays.copyOf(chunk, n),
          0,
          n,
          (buffer, offset, length) -> {
            if (!handshakeSeen[0]) {
              handshakeSeen[0] = true; // the server's version answer
            } else {
              out.add(decoder.decode(buffer, offset, length));
            }
          });
    }
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
