package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.ProtectOption;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The journal's {@code action} text of a protect intent: {@code kind:token:amount} (e.g. {@code
 * top-up:0xe7f1...:23979592}) or {@code reduce:market-0:size}. Spending is read back from it, so the day's total
 * survives restarts with no other table: the intent and its first transaction are one durable commit.
 *
 * @param kind the action
 * @param token the token moved, if any
 * @param amount token units, or the size closed (wad) for a reduction
 */
record IntentAction(ActionKind kind, Optional<Address> token, BigInteger amount) {
  /** Protocol prefix of protect intents in the journal: {@code protect-<adapter name>}. */
  static String protocol(String adapterName) {
    return "protect-" + adapterName;
  }

  static IntentAction of(ProtectOption o) {
    return new IntentAction(o.kind(), o.token(), o.amount());
  }

  String text(int slot) {
    return kind.key() + ":" + token.map(Address::hex).orElse("market-" + slot) + ":" + amount;
  }

  /** Parses an action text; empty for other intents (e.g. approvals). */
  static Optional<IntentAction> parse(String action) {
    String[] p = action.split(":");
    if (p.length != 3) return Optional.empty();
    Optional<ActionKind> kind = ActionKind.fromKey(p[0]);
    if (kind.isEmpty()) return Optional.empty();
    try {
      Optional<Address> token = p[1].startsWith("0x") ? Optional.of(Address.of(p[1])) : Optional.empty();
      return Optional.of(new IntentAction(kind.get(), token, new BigInteger(p[2])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Token units this action takes out of the wallet (0 unless it is a top-up or repayment). */
  BigInteger spend() {
    return kind.spends() ? amount : BigInteger.ZERO;
  }
}
