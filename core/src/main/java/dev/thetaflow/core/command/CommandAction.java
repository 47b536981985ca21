package dev.thetaflow.core.command;

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
}
