package dev.thetaflow.sinks.notify;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts each notification as JSON to a webhook. The body is Slack-compatible ({@code text} is what
 * a chat shows) and carries the structured fields for tools that route on them:
 *
 * <pre>{"text": "WARNING ORDER_DENIED ic-1: ...", "severity": "WARNING", "code": "ORDER_DENIED",
 * "strategyId": "ic-1", "source": "risk-gate", "time": "2026-01-05T14:30:00Z"}</pre>
 *
 * Any status other than 2xx is a failure. Messages name the host, never the full URL: a chat
 * webhook's path is its secret.
 */
public final class WebhookNotifier implements Notifier {

  static final int BODY_EXCERPT = 200;

  private final URI uri;
  private final Duration timeout;
  private final HttpClient client;

  public WebhookNotifier(URI uri, Duration timeout) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public void send(Notification n) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body(n), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(name() + ": interrupted while posting " + n.code());
    } catch (IOException e) {
      throw new IOException(name() + ": POST of " + n.code() + " failed: " + e, e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      String reply = response.body() == null ? "" : response.body();
      if (reply.length() > BODY_EXCERPT) {
        reply = reply.substring(0, BODY_EXCERPT) + "…";
      }
      throw new IOException(
          name() + ": POST of " + n.code() + " answered HTTP " + status + ": " + reply);
    }
  }

  @Override
  public String name() {
    return "webhook " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** The JSON body; package-private for tests. */
  static String body(Notification n) {
    StringBuilder sb = new StringBuilder(256).append('{');
    field(sb, "text", n.headline() + ": " + n.text()).append(',');
    field(sb, "severity", n.severity().name()).append(',');
    field(sb, "code", n.code()).append(',');
    field(sb, "strategyId", n.strategyId()).append(',');
    field(sb, "source", n.source()).append(',');
    field(sb, "time", n.time().toString());
    return sb.append('}').toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    sb.append('"').append(name).append("\":");
    if (value == null) {
      return sb.append("null");
    }
    sb.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}
