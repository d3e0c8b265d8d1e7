package io.collateralkeeper.protocol.vault;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.PriceSnapshot;
import io.collateralkeeper.protocol.ProtectRequest;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.risk.VaultUserOps;
import io.collateralkeeper.risk.var.Exposure;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.ProtectOption;
import io.collateralkeeper.strategy.protect.Sizer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Protect-mode sizing and encoding on the reference vault, from a layout, one account's state and the prices: top-ups
 * ({@code deposit}), reductions ({@code trade} toward zero) and surplus withdrawals ({@code withdraw}, which the vault
 * checks against the initial margin), each sized with {@link VaultMath} and {@link VaultUserOps}. The vault only
 * lets an account act on itself, so every action requires the account to be the wallet's own. No I/O.
 */
final class VaultProtection {
  /** The prices a vault action was sized with. */
  record Snapshot(VaultPrices prices) implements PriceSnapshot {}

  private VaultProtection() {}

  static List<ProtectOption> size(VaultLayout layout, VaultAccount account, VaultPrices prices, ProtectRequest r) {
    if (!r.ownAccount()) return List.of();
    BigInteger now = VaultMath.healthFactor(layout.config(), account, prices);
    return switch (r.kind()) {
      case TOP_UP -> topUps(layout, account, prices, r, now);
      case REDUCE -> reductions(layout, account, prices, r, now);
      case WITHDRAW -> withdrawals(layout, account, prices, r, now);
      case REPAY -> List.of();
    };
  }

  private static List<ProtectOption> topUps(
      VaultLayout layout, VaultAccount account, VaultPrices prices, ProtectRequest r, BigInteger now) {
    List<ProtectOption> out = new ArrayList<>();
    for (Address token : r.tokens()) {
      int c = layout.tokens().indexOf(token);
      if (c < 0) continue;
      Function<BigInteger, BigInteger> health =
          d -> VaultMath.healthFactor(layout.config(), VaultUserOps.deposit(account, c, d), prices);
      out.add(Sizer.raise(ActionKind.TOP_UP, c, Optional.of(token), "collateral " + c, health, now, r.targetWad(),
          Sizer.UNBOUNDED, r.allowance(token)));
    }
    return out;
  }

  private static List<ProtectOption> reductions(
      VaultLayout layout, VaultAccount account, VaultPrices prices, ProtectRequest r, BigInteger now) {
    List<ProtectOption> out = new ArrayList<>();
    for (VaultMarket m : layout.config().markets()) {
      BigInteger size = account.sizes().get(m.id()).abs();
      if (size.signum() == 0) continue;
      Function<BigInteger, BigInteger> health =
          x -> VaultMath.healthFactor(layout.config(), VaultUserOps.reduce(account, prices, m.id(), x), prices);
      out.add(Sizer.raise(ActionKind.REDUCE, m.id(), Optional.empty(), "market " + m.id(), health, now, r.targetWad(),
          size, size));
    }
    // reaching the target first, then the smallest notional closed
    out.sort(Comparator.comparing((ProtectOption o) -> !o.reachesTarget())
        .thenComparing(o -> o.amount().multiply(prices.market().get(o.slot()))));
    return out;
  }

  private static List<ProtectOption> withdrawals(
      VaultLayout layout, VaultAccount account, VaultPrices prices, ProtectRequest r, BigInteger now) {
    List<ProtectOption> out = new ArrayList<>();
    for (Address token : r.tokens()) {
      int c = layout.tokens().indexOf(token);
      if (c < 0 || account.balances().get(c).signum() == 0) continue;
      Function<BigInteger, BigInteger> health =
          w -> VaultMath.healthFactor(layout.config(), VaultUserOps.withdraw(account, c, w), prices);
      out.add(Sizer.withdraw(c, token, "collateral " + c, health,
          w -> health.apply(w).compareTo(r.targetWad()) >= 0
              && VaultUserOps.meetsInitialMargin(layout.config(), VaultUserOps.withdraw(account, c, w), prices),
          now, r.targetWad(), account.balances().get(c)));
    }
    return out;
  }

  static TxCall encode(VaultLayout layout, VaultAbi abi, Address vault, VaultAccount account, ProtectOption o) {
    return switch (o.kind()) {
      case TOP_UP -> TxCall.of(vault, abi.deposit(o.slot(), o.amount()));
      case WITHDRAW -> TxCall.of(vault, abi.withdraw(o.slot(), o.amount()));
      case REDUCE -> {
        BigInteger size = account.sizes().get(o.slot());
        yield TxCall.of(vault, abi.trade(o.slot(), size.signum() > 0 ? o.amount().negate() : o.amount()));
      }
      case REPAY -> throw new IllegalArgumentException("the vault has no debt to repay");
    };
  }

  /**
   * dS / d(ln p) per feed with S = equity - floor x maintenance: collateral at its haircut value, each perp at its
   * signed notional minus floor x its maintenance requirement.
   */
  static Optional<Exposure> exposure(VaultLayout layout, VaultAccount account, VaultPrices prices, BigInteger floorWad) {
    AccountValue v = VaultMath.value(layout.config(), account, prices);
    if (v.maintenance().signum() == 0) return Optional.empty();
    Map<Address, BigInteger> deltas = new HashMap<>();
    BigInteger priceToWad = BigInteger.TEN.pow(10);
    for (VaultCollateral c : layout.config().collaterals()) {
      BigInteger bal = account.balances().get(c.id());
      if (bal.signum() == 0) continue;
      BigInteger value = bal.multiply(prices.collateral().get(c.id())).multiply(priceToWad)
          .multiply(Units.BPS.subtract(BigInteger.valueOf(c.haircutBps()))).divide(c.unit().multiply(Units.BPS));
      deltas.merge(layout.collateralFeeds().get(c.id()), value, BigInteger::add);
    }
    for (VaultMarket m : layout.config().markets()) {
      BigInteger size = account.sizes().get(m.id());
      if (size.signum() == 0) continue;
      BigInteger price = prices.market().get(m.id());
      BigInteger notional = size.multiply(price).divide(Units.PRICE_UNIT);
      BigInteger maintenance = size.abs().multiply(price).multiply(BigInteger.valueOf(m.maintenanceMarginBps()))
          .divide(Units.PRICE_UNIT.multiply(Units.BPS));
      BigInteger delta = notional.subtract(maintenance.multiply(floorWad).divide(Units.WAD));
      deltas.merge(layout.marketFeeds().get(m.id()), delta, BigInteger::add);
    }
    return Optional.of(new Exposure(v.healthFactor(), v.maintenance(), deltas));
  }
}
