package dev.thetaflow.ib.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * managedAccounts (15): the accounts this login can trade.
 *
 * @param accountsList the comma-separated list as sent
 */
public record ManagedAccounts(String accountsList) implements IncomingMessage {
  /** The account codes, without empty entries (the list may end in a comma). */
  public List<String> accounts() {
    List<String> out = new ArrayList<>();
    for (String account : accountsList.split(",")) {
      String trimmed = account.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return List.copyOf(out);
  }
}
