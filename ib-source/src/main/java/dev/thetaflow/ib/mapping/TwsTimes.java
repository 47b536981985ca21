package dev.thetaflow.ib.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * TWS's time stamps: {@code yyyyMMdd HH:mm:ss <zone>} (execution times, the connection time), where
 * the zone is a tz name ({@code US/Eastern}, {@code America/New_York}) or missing; some gateways
 * put two spaces and no zone, meaning the gateway's own zone, or a dash instead of the space.
 */
public final class TwsTimes {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd HH:mm:ss");

  private TwsTimes() {}

  /**
   * The instant of {@code text}; a missing or unknown zone is read as {@code gatewayZone}. Throws
   * {@link IllegalArgumentException} naming the text when it is not a TWS time.
   */
  public static Instant parse(String text, ZoneId gatewayZone) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("TWS time is empty; expected yyyyMMdd HH:mm:ss [zone]");
    }
    String t = text.trim().replaceFirst("^(\\d{8})[ -]+", "$1 ");
    if (t.length() < 17) {
      throw new IllegalArgumentException(
          "TWS time \"" + text + "\" is not yyyyMMdd HH:mm:ss [zone]");
    }
    LocalDateTime local;
    try {
      local = LocalDateTime.parse(t.substring(0, 17), LOCAL);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "TWS time \"" + text + "\" is not yyyyMMdd HH:mm:ss [zone]", e);
    }
    String zoneText = t.substring(17).trim();
    ZoneId zone = gatewayZone;
    if (!zoneText.isEmpty()) {
      try {
        zone = ZoneId.of(zoneText);
      } catch (DateTimeException unknownZoneName) {
        // e.g. "China Standard Time" or a zone in a local encoding: the gateway's zone it is
      }
    }
    return local.atZone(zone).toInstant();
  }
}
