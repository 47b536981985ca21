package dev.thetaflow.ib.codec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An order in TWS's own terms: the fields of placeOrder (brief §2.6) that thetaflow sets. Every
 * other placeOrder field is written with the official client's default. Prices that are not set are
 * {@link TwsValues#UNSET_DOUBLE}. The order id is not part of the value: it is passed to {@link
 * Requests#placeOrder}, and resending the same id with a changed order modifies it.
 *
 * <p>The record only copies and null-checks; {@link Requests#placeOrder} refuses orders TWS would
 * misread or reject.
 *
 * @param action BUY or SELL
 * @param totalQuantity contracts (for a BAG: number of combos), positive
 * @param orderType LMT, MKT, STP, STP LMT or TRAIL
 * @param lmtPrice limit price; for a BAG the net combo price (negative for a credit)
 * @param auxPrice stop price for STP and STP LMT, trailing amount for TRAIL by amount
 * @param trailingPercent trailing percent for TRAIL by percent (then auxPrice is unset)
 * @param trailStopPrice the initial stop of a TRAIL order, or unset to let TWS start it
 * @param tif time in force: DAY, GTC, IOC, OPG…
 * @param orderRef free text that comes back in openOrder and execDetails
 * @param account the account, empty for a single-account login
 * @param transmit false stages the order in TWS without sending it (bracket parents)
 * @param outsideRth whether the order may trigger or fill outside regular trading hours
 * @param parentId the parent order of a bracket child, 0 if none
 * @param whatIf true asks TWS for margin and commission only; nothing is sent to the market
 * @param orderComboLegPrices per-leg limit prices of a non-guaranteed BAG, one per leg or none; an
 *     entry may be {@link TwsValues#UNSET_DOUBLE}
 * @param smartComboRoutingParams smart-combo routing tags of a BAG, e.g. {@code NonGuaranteed=1}
 */
public record TwsOrder(
    String action,
    BigDecimal totalQuantity,
    String orderType,
    double lmtPrice,
    double auxPrice,
    double trailingPercent,
    double trailStopPrice,
    String tif,
    String orderRef,
    String account,
    boolean transmit,
    boolean outsideRth,
    int parentId,
    boolean whatIf,
    List<Double> orderComboLegPrices,
    List<TagValue> smartComboRoutingParams) {

  private static final double UNSET = TwsValues.UNSET_DOUBLE;

  /** Copies the lists; action, quantity and order type are required. */
  public TwsOrder {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(totalQuantity, "totalQuantity");
    Objects.requireNonNull(orderType, "orderType");
    orderComboLegPrices =
        orderComboLegPrices == null ? List.of() : List.copyOf(orderComboLegPrices);
    smartComboRoutingParams =
        smartComboRoutingParams == null ? List.of() : List.copyOf(smartComboRoutingParams);
  }

  /** A DAY limit order, transmitted, regular hours only. */
  public static TwsOrder limit(String action, BigDecimal quantity, double lmtPrice) {
    return basic(action, quantity, "LMT", lmtPrice, UNSET, UNSET, UNSET);
  }

  /** A DAY market order. */
  public static TwsOrder market(String action, BigDecimal quantity) {
    return basic(action, quantity, "MKT", UNSET, UNSET, UNSET, UNSET);
  }

  /** A DAY stop order: becomes a market order when {@code stopPrice} trades. */
  public static TwsOrder stop(String action, BigDecimal quantity, double stopPrice) {
    return basic(action, quantity, "STP", UNSET, stopPrice, UNSET, UNSET);
  }

  /** A DAY stop-limit order: becomes a limit order at {@code lmtPrice} when the stop trades. */
  public static TwsOrder stopLimit(
      String action, BigDecimal quantity, double stopPrice, double lmtPrice) {
    return basic(action, quantity, "STP LMT", lmtPrice, stopPrice, UNSET, UNSET);
  }

  /**
   * A DAY trailing stop that trails by a fixed amount; {@code initialStop} may be unset to let TWS
   * start the stop from the market.
   */
  public static TwsOrder trailingAmount(
      String action, BigDecimal quantity, double trailingAmount, double initialStop) {
    return basic(action, quantity, "TRAIL", UNSET, trailingAmount, UNSET, initialStop);
  }

  /** A DAY trailing stop that trails by a percentage of the price (10.0 = 10 %). */
  public static TwsOrder trailingPercent(
      String action, BigDecimal quantity, double percent, double initialStop) {
    return basic(action, quantity, "TRAIL", UNSET, UNSET, percent, initialStop);
  }

  /** This order with another time in force. */
  public TwsOrder withTif(String newTif) {
    Copy c = new Copy(this);
    c.tif = newTif;
    return c.build();
  }

  /** This order with another order reference. */
  public TwsOrder withOrderRef(String newOrderRef) {
    Copy c = new Copy(this);
    c.orderRef = newOrderRef;
    return c.build();
  }

  /** This order for another account. */
  public TwsOrder withAccount(String newAccount) {
    Copy c = new Copy(this);
    c.account = newAccount;
    return c.build();
  }

  /** This order transmitted, or staged in TWS without sending (a bracket parent). */
  public TwsOrder withTransmit(boolean newTransmit) {
    Copy c = new Copy(this);
    c.transmit = newTransmit;
    return c.build();
  }

  /** This order allowed, or not, to trigger or fill outside regular trading hours. */
  public TwsOrder withOutsideRth(boolean newOutsideRth) {
    Copy c = new Copy(this);
    c.outsideRth = newOutsideRth;
    return c.build();
  }

  /** This order as the child of {@code newParentId} (0 for none). */
  public TwsOrder withParentId(int newParentId) {
    Copy c = new Copy(this);
    c.parentId = newParentId;
    return c.build();
  }

  /** This order as a what-if preview (margin and commission only) or a real order. */
  public TwsOrder withWhatIf(boolean newWhatIf) {
    Copy c = new Copy(this);
    c.whatIf = newWhatIf;
    return c.build();
  }

  /** This BAG order with per-leg prices and smart-combo routing parameters. */
  public TwsOrder withCombo(List<Double> legPrices, List<TagValue> routingParams) {
    Copy c = new Copy(this);
    c.orderComboLegPrices = legPrices;
    c.smartComboRoutingParams = routingParams;
    return c.build();
  }

  /** A field-by-field copy, so each {@code with…} names only the field it changes. */
  private static final class Copy {
    private final TwsOrder from;
    String tif;
    String orderRef;
    String account;
    boolean transmit;
    boolean outsideRth;
    int parentId;
    boolean whatIf;
    List<Double> orderComboLegPrices;
    List<TagValue> smartComboRoutingParams;

    Copy(TwsOrder from) {
      this.from = from;
      tif = from.tif;
      orderRef = from.orderRef;
      account = from.account;
      transmit = from.transmit;
      outsideRth = from.outsideRth;
      parentId = from.parentId;
      whatIf = from.whatIf;
      orderComboLegPrices = from.orderComboLegPrices;
      smartComboRoutingParams = from.smartComboRoutingParams;
    }

    TwsOrder build() {
      return new TwsOrder(
          from.action,
          from.totalQuantity,
          from.orderType,
          from.lmtPrice,
          from.auxPrice,
          from.trailingPercent,
          from.trailStopPrice,
          tif,
          orderRef,
          account,
          transmit,
          outsideRth,
          parentId,
          whatIf,
          orderComboLegPrices,
          smartComboRoutingParams);
    }
  }

  private static TwsOrder basic(
      String action,
      BigDecimal quantity,
      String orderType,
      double lmtPrice,
      double auxPrice,
      double trailingPercent,
      double trailStopPrice) {
    return new TwsOrder(
        action,
        quantity,
        orderType,
        lmtPrice,
        auxPrice,
        trailingPercent,
        trailStopPrice,
        "DAY",
        "",
        "",
        true,
        false,
        0,
        false,
        List.of(),
        List.of());
  }
}
