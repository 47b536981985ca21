package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaCommandTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    return CliRun.tradectl(args);
  }

  @Test
  void createCompactAndVacuumTheTables() {
    String data = dir.toString();
    assertThat(run("delta", "create", "--data", data)[1]).contains("created [market_data");
    assertThat(run("delta", "create", "--data", data)[1]).contains("all present");
    String[] compact =
        run("delta", "compact", "--data", data, "--table", "trades", "--before", "2026-12-01");
    assertThat(compact[1]).contains("trades: nothing to compact before 2026-12-01");
    String[] vacuum = run("delta", "vacuum", "--data", data, "--table", "orders", "--dry-run");
    assertThat(vacuum[1])
        .contains("orders: would delete 0 files (0 bytes), kept 0 younger than 168h");
    String[] unknown = run("delta", "vacuum", "--data", data, "--table", "order");
    assertThat(unknown[0]).isEqualTo("2");
    assertThat(unknown[2]).contains("no table order; the tables are [market_data");
    String[] shortRetention =
        run("delta", "vacuum", "--data", data, "--table", "orders", "--retention", "5m");
    assertThat(shortRetention[2]).contains("at least 1h");
  }
}
