package dev.thetaflow.ib.codec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** The recorded frames of tws-frames.md (server frames and placeOrder), from test resources. */
final class RecordedFrames {
  /** One recorded frame, length prefix included. */
  record Frame(String name, byte[] bytes) {
    byte[] payload() {
      return Arrays.copyOfRange(bytes, 4, bytes.length);
    }
  }

  private static final List<Frame> SERVER = load("server-frames-178.tsv");
  private static final List<Frame> PLACE_ORDERS = load("place-order-frames-178.tsv");

  private RecordedFrames() {}

  /** All server frames in recording order (the handshake reply first). */
  static List<Frame> server() {
    return SERVER;
  }

  /** The first server frame with this name. */
  static Frame server(String name) {
    return SERVER.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no recorded frame " + name));
  }

  /** A recorded placeOrder frame by client and order id, e.g. {@code official/1001}. */
  static byte[] placeOrder(String name) {
    return PLACE_ORDERS.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no recorded placeOrder " + name))
        .bytes();
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  private static List<Frame> load(String resource) {
    List<Frame> frames = new ArrayList<>();
    try (InputStream in = RecordedFrames.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        frames.add(new Frame(parts[0], hex(parts[1])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(frames);
  }
}
