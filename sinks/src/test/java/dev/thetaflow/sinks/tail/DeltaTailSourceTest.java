package dev.thetaflow.sinks.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.sinks.delta.DeltaTables;
import dev.thetaflow.sinks.delta.DeltaTablesTest;
import dev.thetaflow.sinks.tables.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tail reader emits every row of every commit once, and resumes mid-commit from its state. */
class DeltaTailSourceTest {
  @TempDir Path dir;

  private final DeltaTables tables = DeltaTables.withDefaultEngine();
  private String path;
  private int splitRequests;

  @BeforeEach
  void commandsTable() {
    path = dir.resolve("commands").toString();
    tables.createIfMissing(path, Tables.COMMANDS); // v0
    append(1, "a", "b", "c"); // v1
    append(2, "d", "e"); // v2
  }

  private void append(long version, String... ids) {
    List<Object[]> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(
          new Object[] {
            Instant.parse("2026-12-01T15:00:00Z"), null, null, id, "PAUSE_ENTRIES", "{}", "test"
          });
    }
    assertThat(tables.append(path, Tables.COMMANDS, rows, "tail-test", version)).isPresent();
  }

  private TailReader<String> reader() {
    return new TailReader<>(
        context(),
        p -> new TailFetcher(tables.engine(), p),
        Duration.ofMillis(20),
        row -> row.get("command_id") + "@" + row.version());
  }

  /** Polls until {@code count} records came out (or fails after 10 s). */
  private static List<String> take(TailReader<String> reader, int count) throws Exception {
    Collected out = new Collected();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (out.values.size() < count) {
      assertThat(System.nanoTime()).as("timed out with %s", out.values).isLessThan(deadline);
      reader.isAvailable().get(10, TimeUnit.SECONDS);
      while (out.values.size() < count && reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {}
    }
    return out.values;
  }

  @Test
  void everyRowOnceInCommitOrderAndNewCommitsAsTheyCome() throws Exception {
    TailReader<String> reader = reader();
    reader.start();
    assertThat(splitRequests).isEqualTo(1);
    reader.addSplits(List.of(new TailSplit(path, 0, 0)));
    assertThat(take(reader, 5)).containsExactly("a@1", "b@1", "c@1", "d@2", "e@2");
    append(3, "f");
    assertThat(take(reader, 1)).containsExactly("f@3");
    assertThat(reader.snapshotState(1)).containsExactly(new TailSplit(path, 4, 0));
    reader.close();
  }

  @Test
  void aCheckpointBetweenTwoRowsOfOneCommitResumesAtTheSecond() throws Exception {
    TailReader<String> first = reader();
    first.addSplits(List.of(new TailSplit(path, 1, 0)));
    assertThat(take(first, 2)).containsExactly("a@1", "b@1");
    List<TailSplit> state = first.snapshotState(7);
    assertThat(state).containsExactly(new TailSplit(path, 1, 2));
    first.close(); // the job fails here; the rows after the checkpoint are replayed from it

    TailReader<String> restored = reader();
    restored.addSplits(state);
    restored.start();
    assertThat(splitRequests).as("a restored reader asks for no split").isZero();
    append(3, "f", "g");
    assertThat(take(restored, 5)).containsExactly("c@1", "d@2", "e@2", "f@3", "g@3");
    restored.close();
  }

  @Test
  void theEnumeratorResolvesTheStartOnceAndHandsTheSplitToOneReader() throws Exception {
    var source =
        new DeltaTailSource<>(
            path,
            StartingPosition.latest(),
            Duration.ofMillis(50),
            row -> "x",
            org.apache.flink.api.common.typeinfo.Types.STRING);
    List<TailSplit> assigned = new ArrayList<>();
    var context =
        new org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext<TailSplit>(2);
    var enumerator = source.createEnumerator(context);
    enumerator.start();
    enumerator.handleSplitRequest(0, "host");
    enumerator.handleSplitRequest(1, "host");
    context
        .getSplitsAssignmentSequence()
        .forEach(a -> a.assignment().values().forEach(assigned::addAll));
    assertThat(assigned).containsExactly(new TailSplit(path, 3, 0)); // v2 is the latest now
    var state = enumerator.snapshotState(1);
    var serializer = new TailSerializers.EnumeratorState();
    var restored = serializer.deserialize(1, serializer.serialize(state));
    assertThat(restored).isEqualTo(new TailEnumerator.State(null, true));
    var splits = new TailSerializers.Splits();
    assertThat(splits.deserialize(1, splits.serialize(new TailSplit(path, 9, 4))))
        .isEqualTo(new TailSplit(path, 9, 4));
    assertThatThrownBy(() -> splits.deserialize(2, new byte[0]))
        .hasMessageContaining("tail split version 2 is unknown");
  }

  @Test
  void aPartitionedTableIsRefusedByName() throws Exception {
    String trades = dir.resolve("trades").toString();
    tables.createIfMissing(trades, DeltaTablesTest.TRADES);
    TailReader<String> reader = reader();
    reader.addSplits(List.of(new TailSplit(trades, 0, 0)));
    reader.isAvailable().get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> reader.pollNext(new Collected()))
        .hasMessageContaining("is partitioned by [trade_date]")
        .hasMessageContaining("unpartitioned tables only");
    reader.close();
  }

  private SourceReaderContext context() {
    return new SourceReaderContext() {
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
      public void sendSplitRequest() {
        splitRequests++;
      }

      @Override
      public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {}

      @Override
      public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
      }
    };
  }

  private static final class Collected implements ReaderOutput<String> {
    final List<String> values = new ArrayList<>();

    @Override
    public void collect(String record) {
      values.add(record);
    }

    @Override
    public void collect(String record, long timestamp) {
      values.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<String> createOutputForSplit(String splitId) {
      return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
  }
}
