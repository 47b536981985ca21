package dev.thetaflow.jobs.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.CommandType;
import dev.thetaflow.jobs.cli.CliRun;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tradectl command appends; a job following the commands table receives each command once. */
class CommandsTableTest {
  @TempDir Path dir;

  private String[] run(String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "command";
    full[1] = "--data";
    full[2] = dir.toString();
    System.arraycopy(args, 0, full, 3, args.length);
    return CliRun.tradectl(full);
  }

  @Test
  void commandsGoInOnceAndAJobReadsThemBackTyped() throws Exception {
    assertThat(run("--id", "k-1", "kill", "--reason", "feed looks wrong")[1])
        .contains("command k-1 (KILL_SWITCH) appended to")
        .contains("at version 1");
    assertThat(run("--id", "k-1", "kill")[1]).contains("command k-1 is already in");

    String[] refused = run("--id", "ca-1", "close-all");
    assertThat(refused[0]).isEqualTo("2");
    assertThat(refused[2]).contains("confirmed: false, expected true");

    Path spec = dir.resolve("vertical.json");
    Files.writeString(
        spec,
        "{\"strategy_id\":\"pv-1\",\"underlying\":\"SPY\",\"strategy_type\":\"put_vertical\","
            + "\"quantity\":1,\"legs\":[{\"right\":\"put\",\"ratio\":-1,\"dte\":30,\"delta\":-0.2},"
            + "{\"right\":\"put\",\"ratio\":1,\"dte\":30,\"strike\":550}]}");
    assertThat(run("--id", "o-1", "open", "--spec", spec.toString())[0]).isEqualTo("0");
    Files.writeString(spec, Files.readString(spec).replace("\"quantity\":1", "\"quantity\":0"));
    String[] badSpec = run("--id", "o-2", "open", "--spec", spec.toString());
    assertThat(badSpec[0]).isEqualTo("2");
    assertThat(badSpec[2]).contains("quantity: 0, expected units in [1, 10000]");
    assertThat(run("--id", "a-1", "ack", "--alert", "alert-9")[0]).isEqualTo("0");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    List<StoredCommand> received =
        env.fromSource(
                CommandsTable.source(
                    dir.toString(), StartingPosition.earliest(), Duration.ofMillis(100)),
                WatermarkStrategy.noWatermarks(),
                "commands")
            .uid("commands-source")
            .executeAndCollect(3);
    assertThat(received).extracting(StoredCommand::commandId).containsExactly("k-1", "o-1", "a-1");
    assertThat(received.get(0).parse().action())
        .isEqualTo(new CommandAction.KillSwitch("feed looks wrong"));
    assertThat(received.get(1).parse().type()).isEqualTo(CommandType.OPEN_STRATEGY);
    assertThat(received).extracting(StoredCommand::tableVersion).containsExactly(1L, 2L, 3L);

    StoredCommand typo = new StoredCommand("t-1", "KILL_SWICH", "{}", "me", 0, 9);
    assertThatThrownBy(typo::parse).hasMessageContaining("command_type: \"KILL_SWICH\"");
  }
}
