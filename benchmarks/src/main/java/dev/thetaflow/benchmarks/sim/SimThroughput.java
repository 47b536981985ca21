package dev.thetaflow.benchmarks.sim;

import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.ib.codec.FrameDecoder;
import dev.thetaflow.ib.codec.Handshake;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsContract;
import dev.thetaflow.ib.codec.TwsValues;
import dev.thetaflow.sim.market.ContractQuery;
import dev.thetaflow.sim.market.MarketSpec;
import dev.thetaflow.sim.market.SimInstrument;
import dev.thetaflow.sim.market.SimMarket;
import dev.thetaflow.sim.scenario.Scenario;
import dev.thetaflow.sim.server.IbSim;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How many market-data messages ib-sim sustains to one client: subscribes N SPY options over a raw
 * socket (paced at 45/s while subscribing), then counts the frames that arrive in a fixed window.
 * Not JMH: the thing measured is a server and a socket, over seconds.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.thetaflow.benchmarks.sim.SimThroughput
 * [subscriptions=400] [seconds=10] [speed=100]}
 */
public final class SimThroughput {
  private SimThroughput() {}

  public static void main(String[] args) throws Exception {
    int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double speed = args.length > 2 ? Double.parseDouble(args[2]) : 100;
    SimMarket market =
        SimMarket.create(MarketSpec.defaults(), 42, Instant.parse("2026-11-24T14:30:00Z"));
    IbSim.Options defaults = IbSim.Options.defaults(0, speed, 42);
    IbSim.Options options =
        new IbSim.Options(
            0, speed, 1, subscriptions, defaults.account(), 1_000_000, Duration.ofMillis(10));
    List<SimInstrument> options0 =
        market.resolve(new ContractQuery(0, "SPY", "OPT", null, Double.NaN, OptionType.CALL));
    try (IbSim sim = IbSim.start(options, market, Scenario.quiet());
        Socket socket = new Socket("127.0.0.1", sim.port())) {
      socket.setReceiveBufferSize(1 << 20);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(Handshake.encode());
      FieldWriter w = new FieldWriter();
      out.write(w.buffer(), 0, Requests.startApi(w, 5, ""));
      long[] frames = {0};
      FrameDecoder decoder = new FrameDecoder();
      Thread reader =
          new Thread(
              () -> {
                byte[] chunk = new byte[64 * 1024];
                try {
                  int n;
                  while ((n = in.read(chunk)) > 0) {
                    decoder.feed(chunk, 0, n, (b, o, l) -> frames[0]++);
                  }
                } catch (java.io.IOException ignored) {
                  // socket closed at the end
                }
              });
      reader.setDaemon(true);
      reader.start();
      for (int i = 0; i < subscriptions; i++) {
        SimInstrument option = options0.get(i * 7 % options0.size());
        TwsContract contract =
            new TwsContract(
                option.conId(),
                "SPY",
                "OPT",
                "",
                TwsValues.UNSET_DOUBLE,
                "",
                "",
                "SMART",
                "",
                "USD",
                "",
                "",
                List.of());
        out.write(w.buffer(), 0, Requests.reqMktData(w, 1_000 + i, contract, "", false, false));
        out.flush();
        Thread.sleep(1000 / 45); // IB's pacing applies to us too
      }
      Thread.sleep(1_000);
      long start = frames[0];
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1_000L);
      long count = frames[0] - start;
      double elapsed = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "ib-sim to one client: %,d market-data frames in %.1f s = %,.0f frames/s (%d subscriptions, speed %sx)%n",
          count, elapsed, count / elapsed, subscriptions, speed);
    }
  }
}
