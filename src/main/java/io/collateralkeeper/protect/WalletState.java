package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;
import java.util.Map;

/**
 * The wallet's balances at a block.
 *
 * @param nativeWei native coin, wei
 * @param tokens ERC-20 balances, token units
 */
record WalletState(BigInteger nativeWei, Map<Address, BigInteger> tokens) {
  WalletState {
    tokens = Map.copyOf(tokens);
  }

  BigInteger balance(Address token) {
    return tokens.getOrDefault(token, BigInteger.ZERO);
  }

  /** The same wallet with {@code amount} of a token committed to a transaction. */
  WalletState minus(Address token, BigInteger amount) {
    java.util.Map<Address, BigInteger> t = new java.util.HashMap<>(tokens);
    t.merge(token, amount.negate(), BigInteger::add);
    return new WalletState(nativeWei, t);
  }
}
