package dev.thetaflow.core.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.command.CommandAction.AcknowledgeAlert;
import dev.thetaflow.core.command.CommandAction.CloseAll;
import dev.thetaflow.core.command.CommandAction.CloseStrategy;
import dev.thetaflow.core.command.CommandAction.KillSwitch;
import dev.thetaflow.core.command.CommandAction.OpenStrategy;
import dev.thetaflow.core.command.CommandAction.PauseEntries;
import dev.thetaflow.core.command.CommandAction.ReleaseKillSwitch;
import dev.thetaflow.core.command.CommandAction.ReleaseStrategy;
import dev.thetaflow.core.command.CommandAction.ResumeEntries;
import dev.thetaflow.core.json.DomainJson;
import dev.thetaflow.core.strategy.StrategyType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A command's payload as the JSON object stored in {@code commands.payload_json} (snake_case keys,
 * enums in lower case), and back. Reading is strict: an unknown key, a missing one or a value of
 * the wrong kind is a {@link CommandException} naming the key, the value and what was expected.
 */
public final class CommandCodec {
  private static final ObjectMapper JSON = DomainJson.newMapper();

  private CommandCodec() {}

  /** Parses a stored command; throws {@link CommandException} naming what is wrong. */
  public static Command parse(
      String commandId, String type, String payloadJson, Instant issuedAt, String issuedBy) {
    CommandType commandType;
    try {
      commandType = CommandType.valueOf(type.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new CommandException(
          "command_type", type, "one of " + Arrays.toString(CommandType.values()));
    }
    return new Command(commandId, issuedAt, issuedBy, action(commandType, payloadJson));
  }

  /** The action of a command of {@code type} from its JSON payload. */
  public static CommandAction action(CommandType type, String payloadJson) {
    JsonNode root;
    try {
      root = JSON.readTree(payloadJson == null ? "" : payloadJson);
    } catch (JsonProcessingException e) {
      throw new CommandException(
          "payload_json", payloadJson, "a JSON object (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new CommandException("payload_json", payloadJson, "a JSON object");
    }
    Fields f = new Fields("", root);
    CommandAction action =
        switch (type) {
          case OPEN_STRATEGY -> new OpenStrategy(spec(f));
          case CLOSE_STRATEGY ->
              new CloseStrategy(f.text("strategy_id", true), f.text("reason", false));
          case CLOSE_ALL -> new CloseAll(f.bool("confirmed"), f.text("reason", false));
          case PAUSE_ENTRIES -> new PauseEntries(f.text("reason", false));
          case RESUME_ENTRIES -> new ResumeEntries(f.text("reason", false));
          case KILL_SWITCH -> new KillSwitch(f.text("reason", false));
          case RELEASE_KILL_SWITCH ->
              new ReleaseKillSwitch(f.bool("confirmed"), f.text("reason", false));
          case ACKNOWLEDGE_ALERT ->
              new AcknowledgeAlert(f.text("alert_id", true), f.text("note", false));
          case RELEASE_STRATEGY ->
              new ReleaseStrategy(
                  f.text("strategy_id", true), f.conId("underlying_con_id"), f.conIds("con_ids"));
        };
    f.noOthers();
    return action;
  }

  /** The JSON payload of {@code action}. */
  public static String payload(CommandAction action) {
    ObjectNode o = JSON.createObjectNode();
    if (action instanceof OpenStrategy a) {
      spec(o, a.spec());
    } else if (action instanceof CloseStrategy a) {
      o.put("strategy_id", a.strategyId()).put("reason", a.reason());
    } else if (action instanceof CloseAll a) {
      o.put("confirmed", a.confirmed()).put("reason", a.reason());
    } else if (action instanceof PauseEntries a) {
      o.put("reason", a.reason());
    } else if (action instanceof ResumeEntries a) {
      o.put("reason", a.reason());
    } else if (action instanceof KillSwitch a) {
      o.put("reason", a.reason());
    } else if (action instanceof ReleaseKillSwitch a) {
      o.put("confirmed", a.confirmed()).put("reason", a.reason());
    } else if (action instanceof AcknowledgeAlert a) {
      o.put("alert_id", a.alertId()).put("note", a.note());
    } else if (action instanceof ReleaseStrategy a) {
      o.put("strategy_id", a.strategyId()).put("underlying_con_id", a.underlyingConId());
      ArrayNode ids = o.putArray("con_ids");
      a.conIds().forEach(ids::add);
    }
    o.remove(nullKeys(o));
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> nullKeys(ObjectNode o) {
    List<String> out = new ArrayList<>();
    o.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                out.add(e.getKey());
              }
            });
    return out;
  }

  private static void spec(ObjectNode o, StrategySpec s) {
    o.put("strategy_id", s.strategyId())
        .put("underlying", s.underlying())
        .put("strategy_type", s.type().name().toLowerCase(Locale.ROOT))
        .put("quantity", s.quantity());
    ArrayNode legs = o.putArray("legs");
    for (LegSpec leg : s.legs()) {
      ObjectNode l = legs.addObject();
      l.put("right", leg.right().name().toLowerCase(Locale.ROOT)).put("ratio", leg.ratio());
      if (leg.expiry() != null) {
        l.put("expiry", leg.expiry().toString());
      }
      leg.dte().ifPresent(d -> l.put("dte", d));
      leg.strike().ifPresent(k -> l.put("strike", k));
      leg.delta().ifPresent(d -> l.put("delta", d));
    }
    s.limitPrice().ifPresent(p -> o.put("limit_price", p));
  }

  private static StrategySpec spec(Fields f) {
    String typeName = f.text("strategy_type", true);
    StrategyType type = enumValue(StrategyType.class, "strategy_type", typeName);
    List<LegSpec> legs = new ArrayList<>();
    JsonNode array = f.node("legs", true);
    if (!array.isArray()) {
      throw new CommandException("legs", array.toString(), "an array of legs");
    }
    for (int i = 0; i < array.size(); i++) {
      Fields l = new Fields("legs[" + i + "].", array.get(i));
      LegSpec leg;
      try {
        leg =
            new LegSpec(
                enumValue(OptionType.class, "right", l.text("right", true)),
                l.integer("ratio").orElseThrow(() -> l.missing("ratio")),
                l.date("expiry"),
                l.integer("dte"),
                l.number("strike"),
                l.number("delta"));
      } catch (CommandException e) {
        throw new CommandException("legs[" + i + "]: " + e.getMessage());
      }
      l.noOthers();
      legs.add(leg);
    }
    return new StrategySpec(
        f.text("strategy_id", true),
        f.text("underlying", true),
        type,
        f.integer("quantity").orElseThrow(() -> f.missing("quantity")),
        legs,
        f.number("limit_price"));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandException(
          field,
          value,
          "one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  /** Typed access to an object's fields that remembers which were read, to refuse the others. */
  private static final class Fields {
    private final String prefix;
    private final JsonNode node;
    private final Set<String> read = new java.util.HashSet<>();

    Fields(String prefix, JsonNode node) {
      if (!node.isObject()) {
        throw new CommandException(
            prefix.isEmpty() ? "payload" : prefix, node.toString(), "an object");
      }
      this.prefix = prefix;
      this.node = node;
    }

    CommandException missing(String key) {
      return new CommandException(prefix + key, null, "a value (the key is required)");
    }

    JsonNode node(String key, boolean required) {
      read.add(key);
      JsonNode v = node.get(key);
      if ((v == null || v.isNull()) && required) {
        throw missing(key);
      }
      return v == null || v.isNull() ? null : v;
    }

    String text(String key, boolean required) {
      JsonNode v = node(key, required);
      if (v == null) {
        return null;
      }
      if (!v.isTextual()) {
        throw new CommandException(prefix + key, v.toString(), "a string");
      }
      return v.asText();
    }

    boolean bool(String key) {
      JsonNode v = node(key, false);
      if (v == null) {
        return false;
      }
      if (!v.isBoolean()) {
        throw new CommandException(prefix + key, v.toString(), "true or false");
      }
      return v.asBoolean();
    }

    OptionalInt integer(String key) {
      JsonNode v = node(key, false);
      if (v == null) {
        return OptionalInt.empty();
      }
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw new CommandException(prefix + key, v.toString(), "a whole number");
      }
      return OptionalInt.of(v.asInt());
    }

    OptionalDouble number(String key) {
      JsonNode v = node(key, false);
      if (v == null) {
        return OptionalDouble.empty();
      }
      if (!v.isNumber()) {
        throw new CommandException(prefix + key, v.toString(), "a number");
      }
      return OptionalDouble.of(v.asDouble());
    }

    /** A required conId: a whole number above zero. */
    long conId(String key) {
      JsonNode v = node(key, true);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
        throw new CommandException(prefix + key, v.toString(), "a conId (a whole number > 0)");
      }
      return v.asLong();
    }

    /** A required, non-empty array of conIds. */
    List<Long> conIds(String key) {
      JsonNode v = node(key, true);
      if (!v.isArray() || v.isEmpty()) {
        throw new CommandException(prefix + key, v.toString(), "an array of conIds, not empty");
      }
      List<Long> out = new ArrayList<>(v.size());
      for (JsonNode c : v) {
        if (!c.isIntegralNumber() || !c.canConvertToLong() || c.asLong() <= 0) {
          throw new CommandException(prefix + key, v.toString(), "conIds (whole numbers > 0)");
        }
        out.add(c.asLong());
      }
      return out;
    }

    LocalDate date(String key) {
      String s = text(key, false);
      if (s == null) {
        return null;
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new CommandException(prefix + key, s, "a date yyyy-MM-dd");
      }
    }

    void noOthers() {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!read.contains(key)) {
          throw new CommandException(
              prefix + key, node.get(key).toString(), "no such key here (known: " + read + ")");
        }
      }
    }
  }
}
