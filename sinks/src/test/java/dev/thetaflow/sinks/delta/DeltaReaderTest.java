package dev.thetaflow.sinks.delta;

import static dev.thetaflow.sinks.delta.DeltaTablesTest.TRADES;
import static dev.thetaflow.sinks.delta.DeltaTablesTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads back what was written, at the latest version, by version, by timestamp, by partition. */
class DeltaReaderTest {
  @TempDir Path dir;

  private final DeltaTables tables = DeltaTables.withDefaultEngine();
  private final DeltaReader reader = new DeltaReader(tables.engine());
  private String path;

  @BeforeEach
  void threeVersions() throws Exception {
    path = dir.resolve("trades").toString();
    tables.createIfMissing(path, TRADES); // v0
    tables.append(path, TRADES, rows(0, 30), "r", 1); // v1
    tables.append(path, TRADES, rows(30, 30), "r", 2); // v2
    tables.append(path, TRADES, rows(60, 30), "r", 3); // v3
    // commit timestamps are the log files' modification times: spread them for time travel
    for (int v = 0; v <= 3; v++) {
      Path log = Path.of(path, "_delta_log", String.format("%020d.json", v));
      Files.setLastModifiedTime(
          log, FileTime.from(Instant.parse("2026-11-23T15:00:00Z").plusSeconds(60L * v)));
    }
  }

  private static List<Object[]> sorted(List<Object[]> rows) {
    List<Object[]> out = new ArrayList<>(rows);
    out.sort(Comparator.comparingLong(r -> (Long) r[1]));
    return out;
  }

  @Test
  void theLatestVersionHoldsEveryRowWithItsValuesAndTypes() {
    DeltaReader.TableRows read = reader.table(path).read();
    assertThat(read.version()).isEqualTo(3);
    assertThat(read.schema().fieldNames())
        .containsExactly("trade_date", "id", "symbol", "price", "qty", "event_time");
    List<Object[]> got = sorted(read.rows());
    List<Object[]> expected = rows(0, 90);
    assertThat(got).hasSize(90);
    for (int i = 0; i < 90; i++) {
      assertThat(got.get(i)).as("row %d", i).containsExactly(expected.get(i));
    }
  }

  @Test
  void timeTravelByVersionAndByTimestamp() {
    assertThat(reader.table(path).atVersion(1).read().rows()).hasSize(30);
    assertThat(reader.table(path).atVersion(2).read().rows()).hasSize(60);
    DeltaReader.TableRows asOf =
        reader.table(path).asOf(Instant.parse("2026-11-23T15:02:30Z")).read();
    assertThat(asOf.version()).isEqualTo(2);
    assertThat(asOf.rows()).hasSize(60);
    assertThatThrownBy(() -> reader.table(path).atVersion(9).read()).hasMessageContaining("9");
  }

  @Test
  void partitionFiltersSelectWholePartitions() {
    LocalDate first = LocalDate.of(2026, 11, 23);
    DeltaReader.TableRows one = reader.table(path).wherePartition("trade_date", first).read();
    assertThat(one.rows()).hasSize(30).allSatisfy(r -> assertThat(r[0]).isEqualTo(first));
    assertThat(one.rows().stream().map(r -> (Long) r[1] % 3).collect(Collectors.toSet()))
        .containsExactly(0L);
    DeltaReader.TableRows two =
        reader
            .table(path)
            .wherePartitionBetween("trade_date", first.plusDays(1), first.plusDays(5))
            .read();
    assertThat(two.rows()).hasSize(60).noneSatisfy(r -> assertThat(r[0]).isEqualTo(first));
    assertThat(reader.table(path).atVersion(1).wherePartition("trade_date", first).read().rows())
        .hasSize(10);
  }

  @Test
  void aFilterOnAColumnThatIsNotAPartitionIsRefusedByName() {
    assertThatThrownBy(() -> reader.table(path).wherePartition("symbol", "SPY").read())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbol is not a partition column")
        .hasMessageContaining("trade_date");
    assertThatThrownBy(() -> reader.table(path).wherePartition("trade_date", 1.5).read())
        .hasMessageContaining("Double is not a partition value");
  }

  @Test
  void columnLookupNamesTheColumnsThereAre() {
    DeltaReader.TableRows read = reader.table(path).read();
    assertThat(read.column("price")).isEqualTo(3);
    assertThatThrownBy(() -> read.column("prize")).hasMessageContaining("trade_date, id");
    assertThat(Arrays.asList(read.rows().get(0))).hasSize(6);
  }
}
