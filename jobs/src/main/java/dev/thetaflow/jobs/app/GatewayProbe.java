package dev.thetaflow.jobs.app;

import dev.thetaflow.core.config.Mode;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.client.IbConnection;
import dev.thetaflow.ib.client.IbConnectionException;
import dev.thetaflow.ib.client.IbListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks the gateway before a job is started: the job's own connections retry forever, which on a
 * wrong host or port looks like a hang. One TCP connect, one API handshake, then the account the
 * strategies will trade in.
 */
public final class GatewayProbe {

  /** A gateway that is missing, silent, or reports the wrong accounts. */
  public static final class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    GatewayException(String message) {
      super(message);
    }
  }

  private GatewayProbe() {}

  /**
   * Connects as {@code options.clientId()} (a client id the job uses later, so none is taken for
   * good), and returns the accounts the gateway manages.
   */
  public static List<String> accounts(ConnectionOptions options) throws GatewayException {
    String where = options.host() + ":" + options.port();
    // A refused or unroutable port fails here quickly, with a plainer message than a handshake.
    try (Socket s = new Socket()) {
      s.connect(
          new InetSocketAddress(options.host(), options.port()),
          (int) options.connectTimeout().toMillis());
    } catch (IOException e) {
      throw new GatewayException(
          "nothing is listening at "
              + where
              + " ("
              + e.getMessage()
              + "): start IB Gateway or TWS with the API enabled on that port, or set ib.host /"
              + " ib.port (THETAFLOW__IB__PORT)");
    }
    IbConnection connection = new IbConnection(options, new IbListener() {});
    try {
      connection.start();
      if (!connection.awaitReady(options.connectTimeout())) {
        throw new GatewayException(
            where
                + " accepted a connection but no TWS API handshake completed within "
                + options.connectTimeout().toSeconds()
                + "s: is it IB Gateway/TWS with 'Enable ActiveX and Socket Clients' on, is"
                + " 127.0.0.1 a trusted IP, and is client id "
                + options.clientId()
                + " free?");
      }
      // managedAccounts follows the handshake; give it a moment.
      long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (connection.accounts().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (connection.accounts().isEmpty()) {
        throw new GatewayException(where + " completed the handshake but reported no account");
      }
      return List.copyOf(connection.accounts());
    } catch (IbConnectionException e) {
      throw new GatewayException(where + " refused the connection: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException("interrupted while connecting to " + where);
    } finally {
      connection.close();
    }
  }

  /**
   * The account to trade in: the configured one, which the gateway must manage, else the gateway's
   * only account. Outside mode live a live-looking account (not starting with D) is refused: the
   * configuration checks cannot see which account a paper port is logged into.
   */
  public static String account(Mode mode, Optional<String> configured, List<String> managed)
      throws GatewayException {
    String account;
    if (configured.isPresent()) {
      account = configured.get();
      if (!managed.contains(account)) {
        throw new GatewayException(
            "the gateway manages " + managed + ", not the configured account " + account);
      }
    } else if (managed.size() == 1) {
      account = managed.get(0);
    } else {
      throw new GatewayException(
          "the gateway manages several accounts "
              + managed
              + ": set one with THETAFLOW__ACCOUNT or 'account:' in the profile's .local.yaml");
    }
    if (mode != Mode.LIVE && !account.startsWith("D")) {
      throw new GatewayException(
          "the gateway is logged into "
              + account
              + ", which looks like a live account (paper ids start with D), in mode "
              + mode.configName()
              + ": refusing to trade real money outside mode live");
    }
    return account;
  }
}
