package io.collateralkeeper.wallet;

import java.math.BigInteger;
import java.util.List;
import org.web3j.utils.Numeric;

/** Test helper: the textual forms a leaked private key could take. */
final class KeyMaterial {

  /** Private key of Anvil/Hardhat dev account #1, the account in the shipped example keystore. */
  static final String DEV_ACCOUNT_1_KEY =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  /** Address of Anvil/Hardhat dev account #0. */
  static final String DEV_ACCOUNT_0_ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

  /** Address of Anvil/Hardhat dev account #1. */
  static final String DEV_ACCOUNT_1_ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

  private KeyMaterial() {}

  /**
   * Returns the forms in which a signer's private key could leak: zero-padded hex, unpadded hex
   * and decimal.
   *
   * @param signer the signer whose key to render
   * @return strings none of which may appear in any output
   */
  static List<String> renderings(Signer signer) {
    BigInteger key = signer.credentials().getEcKeyPair().getPrivateKey();
    return List.of(
        Numeric.toHexStringNoPrefixZeroPadded(key, 64), key.toString(16), key.toString());
  }
}
