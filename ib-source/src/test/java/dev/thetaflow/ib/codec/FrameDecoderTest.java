package dev.thetaflow.ib.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private final List<byte[]> delivered = new ArrayList<>();
  private final FrameHandler collect =
      (buffer, offset, length) ->
          delivered.add(Arrays.copyOfRange(buffer, offset, offset + length));

  @Test
  void recordedFramesMatchTheirOwnLengthPrefix() {
    // Guards the test data itself: each recorded frame is exactly prefix + payload.
    for (RecordedFrames.Frame f : RecordedFrames.server()) {
      int declared =
          (f.bytes()[0] & 0xFF) << 24
              | (f.bytes()[1] & 0xFF) << 16
              | (f.bytes()[2] & 0xFF) << 8
              | (f.bytes()[3] & 0xFF);
      assertThat(declared).as(f.name()).isEqualTo(f.bytes().length - 4);
    }
  }

  @Test
  void deliversEveryRecordedFrameUnderRandomChunking() {
    byte[] stream = recordedStream();
    List<byte[]> expected = RecordedFrames.server().stream().map(f -> f.payload()).toList();
    for (long seed = 1; seed <= 200; seed++) {
      Random random = new Random(seed);
      FrameDecoder decoder = new FrameDecoder();
      delivered.clear();
      int maxChunk = 1 + random.nextInt(seed % 2 == 0 ? 8 : 600);
      int position = 0;
      while (position < stream.length) {
        int chunk = Math.min(stream.length - position, 1 + random.nextInt(maxChunk));
        byte[] read = Arrays.copyOfRange(stream, position, position + chunk); // a fresh socket read
        assertThat(decoder.feed(read, 0, chunk, collect)).isEqualTo(FrameDecoder.Status.OK);
        position += chunk;
      }
      assertThat(delivered).as("seed %d", seed).containsExactlyElementsOf(expected);
      assertThat(decoder.bufferedBytes()).isZero();
    }
  }

  @Test
  void deliversSeveralFramesFromOneRead() {
    byte[] stream = recordedStream();
    FrameDecoder decoder = new FrameDecoder();
    assertThat(decoder.feed(stream, 0, stream.length, collect)).isEqualTo(FrameDecoder.Status.OK);
    assertThat(delivered).hasSize(RecordedFrames.server().size());
  }

  @Test
  void keepsATruncatedFrameUntilItsLastByteArrives() {
    byte[] frame = RecordedFrames.server("tickPrice bid").bytes();
    FrameDecoder decoder = new FrameDecoder();
    decoder.feed(frame, 0, frame.length - 1, collect);
    assertThat(delivered).isEmpty();
    assertThat(decoder.bufferedBytes()).isEqualTo(frame.length - 1);
    decoder.feed(frame, frame.length - 1, 1, collect);
    assertThat(delivered).containsExactly(RecordedFrames.server("tickPrice bid").payload());
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void keepsASplitLengthPrefix() {
    byte[] frame = RecordedFrames.server("nextValidId").bytes();
    FrameDecoder decoder = new FrameDecoder();
    decoder.feed(frame, 0, 2, collect);
    decoder.feed(frame, 2, 3, collect);
    assertThat(delivered).isEmpty();
    decoder.feed(frame, 5, frame.length - 5, collect);
    assertThat(delivered).hasSize(1);
  }

  @Test
  void reportsALengthOverTheLimitAsCorruptAfterDeliveringEarlierFrames() {
    byte[] good = RecordedFrames.server("nextValidId").bytes();
    byte[] oversized = {0x01, 0x00, 0x00, 0x00, '1', 0}; // 16,777,216 > 0xFFFFFF
    byte[] stream = concat(good, oversized, good);
    FrameDecoder decoder = new FrameDecoder();

    assertThat(decoder.feed(stream, 0, stream.length, collect))
        .isEqualTo(FrameDecoder.Status.CORRUPT_LENGTH);
    assertThat(delivered).hasSize(1);
    assertThat(decoder.corruptLength()).isEqualTo(0x01000000);
    // Nothing after a bad prefix can be trusted, not even a well-formed frame.
    assertThat(decoder.feed(good, 0, good.length, collect))
        .isEqualTo(FrameDecoder.Status.CORRUPT_LENGTH);
    assertThat(delivered).hasSize(1);

    decoder.reset();
    assertThat(decoder.feed(good, 0, good.length, collect)).isEqualTo(FrameDecoder.Status.OK);
    assertThat(delivered).hasSize(2);
  }

  @Test
  void acceptsExactlyTheMaximumLengthPrefix() {
    FrameDecoder decoder = new FrameDecoder();
    byte[] prefix = {0x00, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThat(decoder.feed(prefix, 0, 4, collect)).isEqualTo(FrameDecoder.Status.OK);
    assertThat(decoder.bufferedBytes()).isEqualTo(4);
  }

  @Test
  void reportsANegativeLengthAsCorrupt() {
    byte[] negative = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
    FrameDecoder decoder = new FrameDecoder();
    assertThat(decoder.feed(negative, 0, 4, collect)).isEqualTo(FrameDecoder.Status.CORRUPT_LENGTH);
    assertThat(decoder.corruptLength()).isEqualTo(-2);
  }

  @Test
  void honoursASmallerConfiguredLimit() {
    byte[] frame = RecordedFrames.server("managedAccounts").bytes(); // payload 15 bytes
    assertThat(new FrameDecoder(14).feed(frame, 0, frame.length, collect))
        .isEqualTo(FrameDecoder.Status.CORRUPT_LENGTH);
    assertThat(new FrameDecoder(15).feed(frame, 0, frame.length, collect))
        .isEqualTo(FrameDecoder.Status.OK);
    assertThat(delivered).hasSize(1);
  }

  @Test
  void continuesWithTheNextFrameAfterAHandlerFailure() {
    byte[] stream = concat(RecordedFrames.server("nextValidId").bytes(), recordedTick());
    FrameDecoder decoder = new FrameDecoder();
    FrameHandler failOnce =
        new FrameHandler() {
          boolean failed;

          @Override
          public void onFrame(byte[] buffer, int offset, int length) {
            if (!failed) {
              failed = true;
              throw new IllegalStateException("handler bug");
            }
            collect.onFrame(buffer, offset, length);
          }
        };
    assertThatThrownBy(() -> decoder.feed(stream, 0, stream.length, failOnce))
        .isInstanceOf(IllegalStateException.class);
    decoder.feed(new byte[0], 0, 0, failOnce);
    assertThat(delivered).containsExactly(Arrays.copyOfRange(recordedTick(), 4, 25));
  }

  private static byte[] recordedTick() {
    return RecordedFrames.server("tickPrice bid").bytes();
  }

  private static byte[] recordedStream() {
    return concat(RecordedFrames.server().stream().map(f -> f.bytes()).toArray(byte[][]::new));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
