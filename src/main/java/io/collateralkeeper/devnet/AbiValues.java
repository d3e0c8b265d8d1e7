package io.collateralkeeper.devnet;

import io.collateralkeeper.domain.Address;
import java.util.List;
import org.web3j.abi.datatypes.DynamicArray;

/** Our domain values as web3j ABI types, for constructor arguments. */
public final class AbiValues {
  private AbiValues() {}

  /** An {@code address}. */
  public static org.web3j.abi.datatypes.Address address(Address a) {
    return new org.web3j.abi.datatypes.Address(a.hex());
  }

  /** An {@code address[]}. */
  public static DynamicArray<org.web3j.abi.datatypes.Address> addresses(List<Address> list) {
    return new DynamicArray<>(org.web3j.abi.datatypes.Address.class, list.stream().map(AbiValues::address).toList());
  }
}
