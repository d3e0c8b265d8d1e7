package io.collateralkeeper.protocol;

import io.collateralkeeper.domain.Address;
import java.math.BigInteger;

/**
 * A contract call to send as a transaction.
 *
 * @param to the contract
 * @param data ABI-encoded calldata, 0x-hex
 * @param value native value to send, wei
 */
public record TxCall(Address to, String data, BigInteger value) {
  public static TxCall of(Address to, String data) {
    return new TxCall(to, data, BigInteger.ZERO);
  }
}
