package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.execution.FeePolicy;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.AssetLimits;
import io.collateralkeeper.strategy.protect.AutoSettings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * Protect mode's resolved settings.
 *
 * @param chainId the chain id
 * @param accounts the protected accounts and their bands
 * @param order actions to try below a band, in order
 * @param assets the tokens the wallet may spend, in order of preference, with their limits (token units)
 * @param auto how {@code target: auto} is computed
 * @param minNativeWei native balance (wei) the wallet keeps: an action whose worst-case gas would dip below it is not
 *     sent
 * @param fees fee policy; its cap is the gas price cap
 * @param stuckBlocks blocks before a pending transaction is replaced with higher fees
 * @param gasLimitBufferBps margin over the simulated gas, bps
 * @param nativeUsdFeed feed pricing the native coin (8 decimals), to value gas
 * @param pollInterval head polling interval
 * @param alertRepeatBlocks a lasting condition is alerted again every this many blocks
 */
public record ProtectSettings(
    long chainId,
    List<ProtectedAccount> accounts,
    List<ActionKind> order,
    List<AssetLimits> assets,
    AutoSettings auto,
    BigInteger minNativeWei,
    FeePolicy fees,
    long stuckBlocks,
    long gasLimitBufferBps,
    Address nativeUsdFeed,
    Duration pollInterval,
    long alertRepeatBlocks) {
  public ProtectSettings {
    accounts = List.copyOf(accounts);
    order = List.copyOf(order);
    assets = List.copyOf(assets);
  }

  /** The spendable tokens, in order. */
  public List<Address> tokens() {
    return assets.stream().map(AssetLimits::token).toList();
  }

  /** The limits of a token, if it is configured. */
  public java.util.Optional<AssetLimits> limits(Address token) {
    return assets.stream().filter(a -> a.token().equals(token)).findFirst();
  }
}
