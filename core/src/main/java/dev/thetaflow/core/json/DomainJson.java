package dev.thetaflow.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration for domain records, so that every module writes and reads them alike:
 * java.time as ISO-8601 text ({@code "2026-12-18"}, {@code "2026-11-23T15:00:00Z"}), decimals
 * without exponent, unknown properties rejected, NaN as the string {@code "NaN"}.
 */
public final class DomainJson {

  private DomainJson() {}

  /** A new mapper (mappers are thread-safe once configured; share one per component). */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
