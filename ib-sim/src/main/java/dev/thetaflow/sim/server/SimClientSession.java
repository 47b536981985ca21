package dev.thetaflow.sim.server;

import dev.thetaflow.ib.codec.FieldReader;
import dev.thetaflow.ib.codec.MalformedMessageException;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's socket in ib-sim: the server side of the handshake, then every frame the client
 * sends, checked against IB's 50-messages-per-second limit and handed to the {@link IbSim} event
 * loop. Writes come from the event loop only, buffered and flushed once per cycle.
 */
final class SimClientSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SimClientSession.class);
  private static final Pattern VERSION_RANGE = Pattern.compile("v(\\d+)(?:\\.\\.(\\d+))?.*");
  static final int MESSAGES_PER_SECOND = 50;

  private final IbSim sim;
  private final Socket socket;
  private final OutputStream out;
  private final long[] arrivals = new long[MESSAGES_PER_SECOND];
  private int arrivalIndex;
  private long received;
  private volatile int clientId = -1;
  private volatile boolean closed;

  SimClientSession(IbSim sim, Socket socket) throws IOException {
    this.sim = sim;
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
  }

  int clientId() {
    return clientId;
  }

  @Override
  public void run() {
    try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
      handshake(in);
      while (!closed) {
        int length = in.readInt();
        if (length < 0 || length > dev.thetaflow.ib.codec.TwsValues.MAX_FRAME_LENGTH) {
          LOG.warn("client {} sent a bad frame length {}: closing", clientId, length);
          sim.execute(() -> sim.error(this, -1, 507, "Bad Message Length " + length));
          break;
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        checkPace();
        dispatch(payload);
      }
    } catch (EOFException e) {
      LOG.debug("client {} disconnected", clientId);
    } catch (IOException e) {
      if (!closed) {
        LOG.debug("client {} socket error: {}", clientId, e.getMessage());
      }
    } finally {
      close();
      sim.execute(() -> sim.sessionClosed(this));
    }
  }

  private void handshake(DataInputStream in) throws IOException {
    byte[] prefix = new byte[4];
    in.readFully(prefix);
    if (prefix[0] != 'A' || prefix[1] != 'P' || prefix[2] != 'I' || prefix[3] != 0) {
      throw new IOException("no API prefix: not a TWS API client");
    }
    byte[] text = new byte[in.readInt()];
    in.readFully(text);
    Matcher m = VERSION_RANGE.matcher(new String(text, StandardCharsets.US_ASCII));
    if (!m.matches()) {
      throw new IOException("unreadable version range");
    }
    int min = Integer.parseInt(m.group(1));
    int max = m.group(2) == null ? min : Integer.parseInt(m.group(2));
    if (min > IbSim.SERVER_VERSION || max < IbSim.SERVER_VERSION) {
      // TWS answers with its own version and lets the client refuse; so do we
      LOG.info("client offers v{}..{}; ib-sim speaks {}", min, max, IbSim.SERVER_VERSION);
    }
    sim.execute(() -> sim.answerHandshake(this));
    int length = in.readInt();
    byte[] payload = new byte[length];
    in.readFully(payload);
    FieldReader r = new FieldReader().wrap(payload, 0, length);
    int messageId = r.readMessageId();
    if (messageId != 71) {
      throw new IOException("expected startApi (71) after the handshake, got " + messageId);
    }
    r.skip("version");
    int id = r.readInt("clientId");
    clientId = id;
    sim.execute(() -> sim.register(this));
  }

  /** IB counts every message; more than 50 in any second is error 100. */
  private void checkPace() {
    long now = System.nanoTime();
    long oldest = arrivals[arrivalIndex];
    arrivals[arrivalIndex] = now;
    arrivalIndex = (arrivalIndex + 1) % arrivals.length;
    received++;
    if (received > MESSAGES_PER_SECOND && now - oldest < 1_000_000_000L) {
      sim.execute(
          () ->
              sim.error(
                  this,
                  -1,
                  100,
                  "Max rate of messages per second has been exceeded:max=50 rec=51"));
    }
  }

  private void dispatch(byte[] payload) {
    try {
      SimRequest request = SimRequest.parse(payload);
      sim.execute(() -> sim.handle(this, request));
    } catch (MalformedMessageException e) {
      // the exception names fields by the server-message table; say it in request terms
      String problem =
          "request " + e.messageId() + ", field '" + e.fieldName() + "' (#" + e.fieldIndex() + ")";
      reject(problem);
    } catch (IllegalArgumentException e) {
      reject(e.getMessage());
    }
  }

  private void reject(String problem) {
    LOG.warn("client {} sent a request ib-sim cannot read: {}", clientId, problem);
    sim.execute(() -> sim.error(this, -1, 321, "Error validating request:-'" + problem + "'"));
  }

  /** Appends a frame; the event loop flushes once per cycle. */
  void write(byte[] buffer, int length) {
    if (closed) {
      return;
    }
    try {
      out.write(buffer, 0, length);
    } catch (IOException e) {
      close();
    }
  }

  void flush() {
    if (closed) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      close();
    }
  }

  void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  boolean isClosed() {
    return closed;
  }
}
