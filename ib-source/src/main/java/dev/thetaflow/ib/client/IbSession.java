package dev.thetaflow.ib.client;

import dev.thetaflow.ib.codec.FrameDecoder;
import dev.thetaflow.ib.codec.Handshake;
import dev.thetaflow.ib.codec.HandshakeAnswer;
import dev.thetaflow.ib.codec.MalformedMessageException;
import dev.thetaflow.ib.codec.MessageDecoder;
import dev.thetaflow.ib.codec.Requests;
import dev.thetaflow.ib.codec.TwsValues;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket's life: connect, handshake, startApi, then read and decode frames until the socket
 * ends. Runs on its own reader thread; tells its {@link IbConnection} what it received and, at the
 * end, why it ended.
 */
final class IbSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(IbSession.class);

  private final IbConnection owner;
  private final int generation;
  private final Thread thread;
  private final long startedNanos;
  private final FrameDecoder frames = new FrameDecoder();
  private final MessageDecoder messages = new MessageDecoder();
  private final Socket socket = new Socket();

  private volatile OutputStream out;
  private volatile long lastReceivedNanos;
  private volatile boolean ready;
  private volatile String abortReason;
  private boolean handshakeDone;
  private boolean sawNextValidId;
  private boolean sawAccounts;

  IbSession(IbConnection owner, int generation) {
    this.owner = owner;
    this.generation = generation;
    this.startedNanos = owner.now();
    this.lastReceivedNanos = startedNanos;
    this.thread = new Thread(this, "ib-reader-client" + owner.options().clientId());
    this.thread.setDaemon(true);
  }

  @Override
  public void run() {
    String reason;
    try {
      connect();
      readLoop();
      reason = "socket ended";
    } catch (HandshakeRefused e) {
      reason = e.getMessage();
    } catch (IOException | RuntimeException e) {
      reason = abortReason != null ? abortReason : describe(e);
    } finally {
      closeSocket();
    }
    if (abortReason != null) {
      reason = abortReason;
    }
    owner.sessionEnded(this, reason);
  }

  private void connect() throws IOException {
    ConnectionOptions o = owner.options();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress(o.host(), o.port()), (int) o.connectTimeout().toMillis());
    out = socket.getOutputStream();
    write(Handshake.encode());
  }

  private void readLoop() throws IOException {
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[64 * 1024];
    while (true) {
      int n = in.read(chunk);
      if (n < 0) {
        throw new EOFException("the gateway closed the connection");
      }
      lastReceivedNanos = owner.now();
      if (frames.feed(chunk, 0, n, this::onFrame) == FrameDecoder.Status.CORRUPT_LENGTH) {
        throw new IOException(
            "frame length prefix "
                + frames.corruptLength()
                + " is outside 0.."
                + TwsValues.MAX_FRAME_LENGTH
                + ": the stream is out of step and cannot be trusted, reconnecting");
      }
    }
  }

  private void onFrame(byte[] buffer, int offset, int length) {
    if (!handshakeDone) {
      onHandshakeFrame(buffer, offset, length);
      return;
    }
    try {
      owner.received(this, messages.decode(buffer, offset, length));
    } catch (MalformedMessageException e) {
      owner.malformedFrame(Hex.of(buffer, offset, length), e.getMessage());
    }
  }

  private void onHandshakeFrame(byte[] buffer, int offset, int length) {
    if (!Handshake.isAnswer(buffer, offset, length)) {
      LOG.debug("skipping a frame before the handshake answer: {}", Hex.of(buffer, offset, length));
      return;
    }
    HandshakeAnswer answer = Handshake.decodeAnswer(buffer, offset, length);
    if (answer.serverVersion() != TwsValues.SERVER_VERSION) {
      throw new HandshakeRefused(
          "the server offered protocol version "
              + answer.serverVersion()
              + "; thetaflow speaks only version "
              + TwsValues.SERVER_VERSION
              + " (TWS/IB Gateway 10.30 or later): refusing the connection");
    }
    handshakeDone = true;
    byte[] startApi = owner.encode(w -> Requests.startApi(w, owner.options().clientId(), ""));
    try {
      owner.writeDirect(this, startApi);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void write(byte[] frame) throws IOException {
    OutputStream stream = out;
    if (stream == null) {
      throw new IOException("not connected");
    }
    synchronized (this) {
      stream.write(frame);
      stream.flush();
    }
  }

  /** Ends this session from any thread; the reader thread reports {@code reason}. */
  void abort(String reason) {
    if (abortReason == null) {
      abortReason = reason;
    }
    closeSocket();
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("closing the socket", e);
    }
  }

  private String describe(Exception e) {
    if (e instanceof java.net.ConnectException) {
      ConnectionOptions o = owner.options();
      return "cannot connect to " + o.host() + ":" + o.port() + " (" + e.getMessage() + ")";
    }
    if (e instanceof java.net.SocketTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof java.io.UncheckedIOException u) {
      return describe(u.getCause());
    }
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  void sawNextValidId() {
    sawNextValidId = true;
  }

  void sawAccounts() {
    sawAccounts = true;
  }

  boolean hasNextValidIdAndAccounts() {
    return sawNextValidId && sawAccounts;
  }

  void markReady() {
    ready = true;
  }

  boolean isReady() {
    return ready;
  }

  boolean isOpen() {
    return !socket.isClosed() && abortReason == null;
  }

  int generation() {
    return generation;
  }

  Thread thread() {
    return thread;
  }

  long startedNanos() {
    return startedNanos;
  }

  long lastReceivedNanos() {
    return lastReceivedNanos;
  }

  /** The server speaks another protocol version; retrying the same server will not help soon. */
  private static final class HandshakeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HandshakeRefused(String message) {
      super(message);
    }
  }
}
