package io.collateralkeeper.journal;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An opportunity the keeper intends to act on, before it is journaled.
 *
 * @param protocol protocol name, e.g. {@code reference-vault}
 * @param account the account acted on
 * @param action what is done, e.g. {@code liquidate} or {@code liquidate:ETH-PERP}
 * @param expectedProfitUsdWad expected profit after gas, USD wad (1e18 = $1)
 */
public record IntentSpec(String protocol, Address account, String action, BigInteger expectedProfitUsdWad) {
  public IntentSpec {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(expectedProfitUsdWad, "expectedProfitUsdWad");
    if (protocol == null || protocol.isBlank()) throw new IllegalArgumentException("protocol is blank");
    if (action == null || action.isBlank()) throw new IllegalArgumentException("action is blank");
  }

  /**
   * The stable key {@code protocol:account:action}: while an intent with this key is open (per chain), no other may
   * be opened, so the same opportunity is never acted on twice.
   */
  public String key() {
    return protocol + ":" + account.hex() + ":" + action;
  }
}
