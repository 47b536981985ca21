package dev.thetaflow.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.ib.source.IbSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** Drives an IB source reader outside Flink: a context, an output that keeps events, waiting. */
final class ReaderHarness {
  private ReaderHarness() {}

  static void drain(SourceReader<BrokerEvent, IbSplit> reader, Collected out) throws Exception {
    while (reader.pollNext(out) == org.apache.flink.core.io.InputStatus.MORE_AVAILABLE) {}
  }

  static BrokerEvent await(
      SourceReader<BrokerEvent, IbSplit> reader, Collected out, Predicate<BrokerEvent> match)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      for (BrokerEvent e : out.events) {
        if (match.test(e)) {
          return e;
        }
      }
      assertThat(System.nanoTime()).as("timed out; saw %s", out.events).isLessThan(deadline);
      try {
        reader.isAvailable().get(200, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException idle) {
        continue;
      }
      drain(reader, out);
    }
  }

  static final class Context implements SourceReaderContext {
    @Override
    public SourceReaderMetricGroup metricGroup() {
      return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
    }

    @Override
    public Configuration getConfiguration() {
      return new Configuration();
    }

    @Override
    public String getLocalHostName() {
      return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
      return 0;
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
      return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
  }

  static final class Collected implements ReaderOutput<BrokerEvent> {
    final List<BrokerEvent> events = new ArrayList<>();

    @Override
    public void collect(BrokerEvent record) {
      events.add(record);
    }

    @Override
    public void collect(BrokerEvent record, long timestamp) {
      events.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<BrokerEvent> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
