package io.collateralkeeper.strategy.protect;

import java.util.Arrays;
import java.util.Optional;

/** What protect mode can do to an account, by its strategy-file name. */
public enum ActionKind {
  /** Move collateral from the wallet into the account (vault {@code deposit}, Aave {@code supply}). */
  TOP_UP("top-up"),
  /** Pay back debt from the wallet (Aave {@code repay}). */
  REPAY("repay"),
  /** Shrink a position toward zero (vault {@code trade} against the position): lowers the requirement. */
  REDUCE("reduce"),
  /** Take surplus collateral back to the wallet when health is above the band's max. */
  WITHDRAW("withdraw-surplus");

  private final String key;

  ActionKind(String key) {
    this.key = key;
  }

  /** The name used in strategy files and logs. */
  public String key() {
    return key;
  }

  /** True when the action moves tokens out of the wallet (counted against the spend limits). */
  public boolean spends() {
    return this == TOP_UP || this == REPAY;
  }

  /** The action with this strategy-file name. */
  public static Optional<ActionKind> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
