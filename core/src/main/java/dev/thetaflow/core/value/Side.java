package dev.thetaflow.core.value;

/** Direction of an order or fill. */
public enum Side {
  BUY(1),
  SELL(-1);

  private final int sign;

  Side(int sign) {
    this.sign = sign;
  }

  /** +1 for BUY, −1 for SELL: the change in a signed position per unit. */
  public int sign() {
    return sign;
  }

  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }

  /** Rounding that never makes the price worse for this side: down for buys, up for sells. */
  public TickRounding passiveRounding() {
    return this == BUY ? TickRounding.DOWN : TickRounding.UP;
  }

  /** BUY for a positive signed amount, SELL for a negative one. */
  public static Side ofSign(long signed) {
    if (signed == 0) {
      throw new IllegalArgumentException("a side needs a non-zero signed amount");
    }
    return signed > 0 ? BUY : SELL;
  }
}
