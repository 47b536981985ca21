package dev.thetaflow.core.command;

import java.util.List;

/** What a command asks the job to do; one record per {@link CommandType}. */
public sealed interface CommandAction {

  CommandType type();

  /** Open a strategy. */
  record OpenStrategy(StrategySpec spec) implements CommandAction {
    public OpenStrategy {
      if (spec == null) {
        throw new CommandException("spec", null, "a strategy spec");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.OPEN_STRATEGY;
    }
  }

  /** Close one strategy. */
  record CloseStrategy(String strategyId, String reason) implements CommandAction {
    public CloseStrategy {
      CommandIds.check("strategy_id", strategyId);
    }

    @Override
    public CommandType type() {
      return CommandType.CLOSE_STRATEGY;
    }
  }

  /** Close every open strategy; refused unless {@code confirmed}. */
  record CloseAll(boolean confirmed, String reason) implements CommandAction {
    public CloseAll {
      if (!confirmed) {
        throw new CommandException(
            "confirmed", false, "true: closing everything must be confirmed");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.CLOSE_ALL;
    }
  }

  /** Stop opening new strategies. */
  record PauseEntries(String reason) implements CommandAction {
    @Override
    public CommandType type() {
      return CommandType.PAUSE_ENTRIES;
    }
  }

  /** Open new strategies again. */
  record ResumeEntries(String reason) implements CommandAction {
    @Override
    public CommandType type() {
      return CommandType.RESUME_ENTRIES;
    }
  }

  /** Cancel every working order and halt new ones. */
  record KillSwitch(String reason) implements CommandAction {
    @Override
    public CommandType type() {
      return CommandType.KILL_SWITCH;
    }
  }

  /** Lift the kill switch; refused unless {@code confirmed}. */
  record ReleaseKillSwitch(boolean confirmed, String reason) implements CommandAction {
    public ReleaseKillSwitch {
      if (!confirmed) {
        throw new CommandException(
            "confirmed", false, "true: lifting the kill switch must be confirmed");
      }
    }

    @Override
    public CommandType type() {
      return CommandType.RELEASE_KILL_SWITCH;
    }
  }

  /** Mark an alert as seen. */
  record AcknowledgeAlert(String alertId, String note) implements CommandAction {
    public AcknowledgeAlert {
      CommandIds.check("alert_id", alertId);
    }

    @Override
    public CommandType type() {
      return CommandType.ACKNOWLEDGE_ALERT;
    }
  }

  /**
   * A closed strategy's instruments: its underlying and its legs, by conId.
   *
   * @param conIds the legs' conIds, not empty
   */
  record ReleaseStrategy(String strategyId, long underlyingConId, List<Long> conIds)
      implements CommandAction {
    public ReleaseStrategy {
      CommandIds.check("strategy_id", strategyId);
      if (underlyingConId <= 0) {
        throw new CommandException("underlying_con_id", String.valueOf(underlyingConId), "> 0");
      }
      if (conIds == null || conIds.isEmpty()) {
        throw new CommandException("con_ids", String.valueOf(conIds), "one conId or more");
      }
      for (Long c : conIds) {
        if (c == null || c <= 0) {
          throw new CommandException("con_ids", conIds.toString(), "conIds > 0");
        }
      }
      conIds = List.copyOf(conIds);
    }

    @Override
    public CommandType type() {
      return CommandType.RELEASE_STRATEGY;
    }
  }
}
