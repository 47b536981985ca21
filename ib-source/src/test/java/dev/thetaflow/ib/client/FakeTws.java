package dev.thetaflow.ib.client;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A scripted stand-in for IB Gateway in tests: the server side of the handshake written from the
 * protocol brief (not from our codec), automatic nextValidId and managedAccounts after startApi,
 * answers to reqCurrentTime, and every frame a client sends recorded with its arrival time.
 */
final class FakeTws implements AutoCloseable {
  static final String ACCOUNT = "DU1234567";

  volatile int serverVersion = 178;
  volatile boolean sendHello = true;
  volatile boolean answerCurrentTime = true;
  volatile int firstOrderId = 17;

  /** When set, answer startApi with this errMsg code and close, as TWS does for 326. */
  volatile int refuseWithError;

  private final ServerSocket server;
  private final Thread acceptor;
  final List<Conn> connections = new CopyOnWriteArrayList<>();

  FakeTws() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::acceptLoop, "fake-tws-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  Conn connection(int index) {
    await(() -> connections.size() > index, Duration.ofSeconds(10), "connection " + index);
    return connections.get(index);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Conn conn = new Conn(socket);
        connections.add(conn);
        Thread reader = new Thread(conn::serve, "fake-tws-conn");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Conn c : connections) {
      c.close();
    }
  }

  /** A frame as the client sent it: payload fields and arrival time. */
  record Received(List<String> fields, byte[] payload, long nanos) {
    String messageId() {
      return fields.get(0);
    }
  }

  /** One accepted client connection. */
  final class Conn {
    final Socket socket;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String clientVersionText;

    Conn(Socket socket) {
      this.socket = socket;
    }

    void serve() {
      try (DataInputStream in = new DataInputStream(socket.getInputStream())) {
        byte[] api = new byte[4];
        in.readFully(api);
        byte[] version = new byte[in.readInt()];
        in.readFully(version);
        clientVersionText = new String(version, StandardCharsets.US_ASCII);
        send(String.valueOf(serverVersion), "20261124 09:30:00 America/New_York");
        while (true) {
          byte[] payload = new byte[in.readInt()];
          in.readFully(payload);
          Received r = new Received(fields(payload), payload, System.nanoTime());
          received.add(r);
          react(r);
        }
      } catch (IOException e) {
        close();
      }
    }

    private void react(Received r) throws IOException {
      switch (r.messageId()) {
        case "71" -> {
          if (refuseWithError != 0) {
            error(-1, refuseWithError, "client id is already in use");
            close();
          } else if (sendHello) {
            nextValidId(firstOrderId);
            managedAccounts(ACCOUNT);
          }
        }
        case "49" -> {
          if (answerCurrentTime) {
            send("49", "1", "1795000000");
          }
        }
        default -> {}
      }
    }

    void nextValidId(int id) throws IOException {
      send("9", "1", String.valueOf(id));
    }

    void managedAccounts(String accounts) throws IOException {
      send("15", "1", accounts);
    }

    void error(int id, int code, String text) throws IOException {
      send("4", "2", String.valueOf(id), String.valueOf(code), text, "");
    }

    /** One frame: each field NUL-terminated, behind a 4-byte big-endian length. */
    void send(String... fields) throws IOException {
      ByteArrayOutputStream payload = new ByteArrayOutputStream();
      for (String f : fields) {
        payload.writeBytes(f.getBytes(StandardCharsets.UTF_8));
        payload.write(0);
      }
      byte[] body = payload.toByteArray();
      byte[] frame = new byte[4 + body.length];
      frame[0] = (byte) (body.length >>> 24);
      frame[1] = (byte) (body.length >>> 16);
      frame[2] = (byte) (body.length >>> 8);
      frame[3] = (byte) body.length;
      System.arraycopy(body, 0, frame, 4, body.length);
      sendRaw(frame);
    }

    synchronized void sendRaw(byte[] bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    }

    List<Received> received(String messageId) {
      return received.stream().filter(r -> r.messageId().equals(messageId)).toList();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }

    boolean isClosed() {
      return socket.isClosed();
    }
  }

  static List<String> fields(byte[] payload) {
    List<String> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == 0) {
        out.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return out;
  }

  static void await(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
