package io.collateralkeeper.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.collateralkeeper.KeeperException;
import io.collateralkeeper.config.StrategyConfig;
import io.collateralkeeper.domain.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which address a dry run acts as, without any key: {@code --keeper}, else the {@code address} field of the
 * strategy's keystore (a V3 keystore stores it unencrypted; no password is read), else {@link #DEFAULT}.
 */
public final class KeeperAddress {
  /** Anvil's dev account 1: the keeper of the demo and of the example strategy. */
  public static final Address DEFAULT = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  private KeeperAddress() {}

  /**
   * Resolves the keeper address.
   *
   * @param explicit {@code --keeper}, or null
   * @param config the strategy
   * @param base directory relative keystore paths are resolved against
   * @throws KeeperException when the keystore cannot be read or has no address
   */
  public static Address resolve(Address explicit, StrategyConfig config, Path base) {
    if (explicit != null) return explicit;
    if (config.wallet() == null || config.wallet().keystore() == null) return DEFAULT;
    Path ks = base.resolve(config.wallet().keystore());
    JsonNode json;
    try {
      json = new ObjectMapper().readTree(Files.readString(ks));
    } catch (IOException e) {
      throw new KeeperException("cannot read keystore " + ks + " for the keeper address: " + e.getMessage() + " (or pass --keeper ADDRESS)");
    }
    JsonNode address = json == null ? null : json.get("address");
    if (address == null || !address.isTextual()) {
      throw new KeeperException("keystore " + ks + " has no address field: pass --keeper ADDRESS");
    }
    try {
      return Address.of(address.asText());
    } catch (IllegalArgumentException e) {
      throw new KeeperException("keystore " + ks + " has an invalid address field: pass --keeper ADDRESS");
    }
  }
}
