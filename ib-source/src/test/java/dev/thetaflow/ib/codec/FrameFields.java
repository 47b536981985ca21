package dev.thetaflow.ib.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames as field lists, and the brief's rule (§1.5) for comparing two clients' fields: the same
 * text, the same number ({@code 450} = {@code 450.0}), or an empty field where the other writes the
 * default {@code 0}.
 */
public final class FrameFields {
  private FrameFields() {}

  public static boolean sameMeaning(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if ((a.isEmpty() && b.equals("0")) || (b.isEmpty() && a.equals("0"))) {
      return true;
    }
    try {
      return Double.parseDouble(a) == Double.parseDouble(b);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Splits a frame (length prefix included) on NUL without the codec under test. */
  public static List<String> of(byte[] frame) {
    List<String> out = new ArrayList<>();
    int start = 4;
    for (int i = 4; i < frame.length; i++) {
      if (frame[i] == 0) {
        out.add(new String(frame, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    assertThat(start).as("frame ends with NUL").isEqualTo(frame.length);
    return out;
  }
}
