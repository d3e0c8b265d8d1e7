package io.collateralkeeper.protocol;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.strategy.protect.ActionKind;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to size: one kind of protect action on one account.
 *
 * @param kind the action
 * @param targetWad the health to reach (top-up, repay, reduce) or to come down to (withdrawal), wad
 * @param tokens the tokens the strategy names, in the user's order of preference
 * @param allowances token units the wallet may spend now per token (limits and balance applied); only top-up and
 *     repay spend
 * @param ownAccount true when the account is the wallet's own address (needed to withdraw, and for the vault to
 *     deposit or trade at all)
 */
public record ProtectRequest(
    ActionKind kind, BigInteger targetWad, List<Address> tokens, Map<Address, BigInteger> allowances, boolean ownAccount) {
  public ProtectRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(targetWad, "targetWad");
    tokens = List.copyOf(tokens);
    allowances = Map.copyOf(allowances);
  }

  /** What may be spent of a token now, token units (0 when it is not allowed). */
  public BigInteger allowance(Address token) {
    return allowances.getOrDefault(token, BigInteger.ZERO);
  }
}
