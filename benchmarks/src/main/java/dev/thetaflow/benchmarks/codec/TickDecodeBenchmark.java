package dev.thetaflow.benchmarks.codec;

import dev.thetaflow.ib.codec.FieldWriter;
import dev.thetaflow.ib.codec.FrameDecoder;
import dev.thetaflow.ib.codec.IncomingMessage;
import dev.thetaflow.ib.codec.MessageDecoder;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Framing plus decoding of market-data frames as a socket delivers them: 1,024 frames (tickPrice
 * 40%, tickSize 30%, tickOptionComputation 20%, tickGeneric 10%, with varied ids and values) in one
 * byte stream, fed to {@link FrameDecoder} in 8 KiB reads. Reported per frame; target ≥ 2 million
 * frames/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TickDecodeBenchmark {
  static final int FRAMES = 1024;
  private static final int READ = 8 * 1024;

  private byte[] stream;
  private final FrameDecoder frames = new FrameDecoder();
  private final MessageDecoder decoder = new MessageDecoder();
  private Blackhole sink;

  @Setup
  public void build() {
    SplittableRandom random = new SplittableRandom(17);
    FieldWriter w = new FieldWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < FRAMES; i++) {
      int tickerId = 1_000_000_000 + random.nextInt(100);
      int kind = random.nextInt(10);
      double price = Math.round(random.nextDouble(0.05, 650) * 100) / 100.0;
      int n;
      if (kind < 4) {
        n =
            w.beginServerMessage(1)
                .writeInt(6)
                .writeInt(tickerId)
                .writeInt(1 + random.nextInt(2))
                .writeDouble(price)
                .writeLong(random.nextInt(1, 500))
                .writeInt(0)
                .finish();
      } else if (kind < 7) {
        n =
            w.beginServerMessage(2)
                .writeInt(6)
                .writeInt(tickerId)
                .writeInt(random.nextInt(4))
                .writeLong(random.nextInt(1, 500))
                .finish();
      } else if (kind < 9) {
        n =
            w.beginServerMessage(21)
                .writeInt(tickerId)
                .writeInt(13)
                .writeInt(1)
                .writeDouble(random.nextDouble(0.08, 0.6))
                .writeDouble(random.nextDouble(-1, 1))
                .writeDouble(price)
                .writeDouble(random.nextDouble(0, 3))
                .writeDouble(random.nextDouble(0, 0.05))
                .writeDouble(random.nextDouble(0, 1))
                .writeDouble(-random.nextDouble(0, 0.5))
                .writeDouble(600.12)
                .finish();
      } else {
        n =
            w.beginServerMessage(45)
                .writeInt(6)
                .writeInt(tickerId)
                .writeInt(24)
                .writeDouble(random.nextDouble(0.08, 0.6))
                .finish();
      }
      out.write(w.buffer(), 0, n);
    }
    stream = out.toByteArray();
  }

  @Benchmark
  @OperationsPerInvocation(FRAMES)
  public void decode(Blackhole blackhole) {
    sink = blackhole;
    for (int offset = 0; offset < stream.length; offset += READ) {
      frames.feed(stream, offset, Math.min(READ, stream.length - offset), this::onFrame);
    }
  }

  private void onFrame(byte[] buffer, int offset, int length) {
    IncomingMessage message = decoder.decode(buffer, offset, length);
    sink.consume(message);
  }
}
