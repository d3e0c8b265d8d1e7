package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.chain.CallRequest;
import io.collateralkeeper.chain.ChainClient;
import io.collateralkeeper.chain.Wrappers;
import io.collateralkeeper.contracts.aave.AaveOracle;
import io.collateralkeeper.contracts.aave.Pool;
import io.collateralkeeper.domain.Address;
import io.collateralkeeper.protocol.PriceSnapshot;
import io.collateralkeeper.protocol.ProtectRequest;
import io.collateralkeeper.protocol.TxCall;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.aave.AaveAccountData;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AaveMath;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.AaveUserOps;
import io.collateralkeeper.risk.aave.ReserveConfig;
import io.collateralkeeper.risk.aave.UserConfig;
import io.collateralkeeper.risk.aave.UserReserve;
import io.collateralkeeper.risk.var.Exposure;
import io.collateralkeeper.strategy.protect.ActionKind;
import io.collateralkeeper.strategy.protect.ProtectOption;
import io.collateralkeeper.strategy.protect.Sizer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Protect-mode sizing and encoding on an Aave V3 (v3.0.x) Pool: supply collateral on the account's behalf, repay its
 * variable debt on its behalf, or (for the wallet's own account) withdraw surplus collateral, each sized with {@link
 * AaveUserOps} and {@link AaveMath}. Sizes are computed at the block timestamp plus {@link #LEAD_SECONDS}: interest
 * accrues until the transaction lands, and an earlier inclusion only leaves health a little higher.
 */
final class AaveProtection {
  /** Seconds of interest accrual the sizing assumes before inclusion. */
  static final long LEAD_SECONDS = 120;
  private static final BigInteger BASE_TO_WAD = BigInteger.TEN.pow(10);

  /** The market an Aave action was sized with. */
  record Snapshot(AaveMarket market) implements PriceSnapshot {}

  private final ChainClient chain;
  private final AaveContracts contracts;
  private final Map<Address, Address> feeds = new HashMap<>();

  AaveProtection(ChainClient chain, AaveContracts contracts) {
    this.chain = chain;
    this.contracts = contracts;
  }

  List<ProtectOption> size(AavePosition p, AaveMarket now, ProtectRequest r) {
    AaveMarket m = now.at(now.timestamp() + LEAD_SECONDS);
    BigInteger before = AaveMath.accountData(p, m).healthFactor();
    List<ProtectOption> out = new ArrayList<>();
    for (Address token : r.tokens()) {
      Optional<AaveReserve> found = m.findReserve(token);
      if (found.isEmpty() || !usable(found.get().config(), r.kind())) continue;
      AaveReserve reserve = found.get();
      UserReserve u = p.reserve(reserve.id());
      switch (r.kind()) {
        case TOP_UP -> {
          if (!countsAsCollateral(p, m, reserve, u)) continue;
          Function<BigInteger, BigInteger> h = a -> AaveMath.accountData(AaveUserOps.supply(p, m, token, a), m).healthFactor();
          out.add(Sizer.raise(ActionKind.TOP_UP, reserve.id(), Optional.of(token), label(token), h, before, r.targetWad(),
              Sizer.UNBOUNDED, r.allowance(token)));
        }
        case REPAY -> {
          BigInteger debt = u.variableDebt(reserve.normalizedDebt(m.timestamp()));
          if (debt.compareTo(BigInteger.ONE) <= 0) continue;
          Function<BigInteger, BigInteger> h =
              a -> AaveMath.accountData(AaveUserOps.repayVariable(p, m, token, a), m).healthFactor();
          // all but one wei: rounding may make burning the last scaled unit underflow in the debt token
          out.add(Sizer.raise(ActionKind.REPAY, reserve.id(), Optional.of(token), label(token), h, before, r.targetWad(),
              debt.subtract(BigInteger.ONE), r.allowance(token)));
        }
        case WITHDRAW -> {
          BigInteger balance = u.aTokenBalance(reserve.normalizedIncome(m.timestamp()));
          if (!r.ownAccount() || balance.signum() == 0 || !p.config().isUsingAsCollateral(reserve.id())) continue;
          Function<BigInteger, BigInteger> h = w -> AaveMath.accountData(AaveUserOps.withdraw(p, m, token, w), m).healthFactor();
          out.add(Sizer.withdraw(reserve.id(), token, label(token), h, w -> h.apply(w).compareTo(r.targetWad()) >= 0,
              before, r.targetWad(), balance));
        }
        case REDUCE -> { }
      }
    }
    return out;
  }

  TxCall encode(Address account, Address wallet, ProtectOption o) {
    Pool pool = Wrappers.at(contracts.pool(), Pool::load);
    String asset = o.token().orElseThrow().hex();
    String data = switch (o.kind()) {
      case TOP_UP -> pool.supply(asset, o.amount(), account.hex(), BigInteger.ZERO).encodeFunctionCall();
      case REPAY -> pool.repay(asset, o.amount(), BigInteger.TWO, account.hex()).encodeFunctionCall();
      case WITHDRAW -> pool.withdraw(asset, o.amount(), wallet.hex()).encodeFunctionCall();
      case REDUCE -> throw new IllegalArgumentException("Aave has no position to reduce");
    };
    return TxCall.of(contracts.pool(), data);
  }

  BigInteger healthAt(AavePosition p, PriceSnapshot snapshot) {
    return AaveMath.accountData(p, ((Snapshot) snapshot).market()).healthFactor();
  }

  /**
   * dS / d(ln p) per price feed with S = threshold-weighted collateral - floor x debt (base currency turned into USD
   * wad); the feeds are the AaveOracle's sources of each asset.
   */
  Optional<Exposure> exposure(AavePosition p, AaveMarket m, BigInteger floorWad, long block) {
    AaveAccountData d = AaveMath.accountData(p, m);
    if (d.totalDebtBase().signum() == 0) return Optional.empty();
    UserConfig c = p.config();
    Map<Address, BigInteger> deltas = new HashMap<>();
    for (int i = 0; i < c.reserveIdBound(); i++) {
      AaveReserve r = m.reserve(i);
      if (r == null || !c.isUsingAsCollateralOrBorrowing(i)) continue;
      BigInteger price = m.price(r.asset());
      UserReserve u = p.reserve(i);
      Address feed = feed(r.asset(), block);
      if (c.isUsingAsCollateral(i) && r.config().liquidationThreshold() != 0) {
        BigInteger value = u.aTokenBalance(r.normalizedIncome(m.timestamp())).multiply(price).divide(r.config().unit());
        int threshold = inEMode(p, r) ? m.eMode(p.eModeCategory()).liquidationThreshold() : r.config().liquidationThreshold();
        deltas.merge(feed, value.multiply(BASE_TO_WAD).multiply(BigInteger.valueOf(threshold)).divide(Units.BPS), BigInteger::add);
      }
      if (c.isBorrowing(i)) {
        BigInteger debt = u.variableDebt(r.normalizedDebt(m.timestamp())).add(u.stableDebt(m.timestamp()));
        BigInteger value = debt.multiply(price).divide(r.config().unit()).multiply(BASE_TO_WAD);
        deltas.merge(feed, value.multiply(floorWad).divide(Units.WAD).negate(), BigInteger::add);
      }
    }
    return Optional.of(new Exposure(d.healthFactor(), d.totalDebtBase().multiply(BASE_TO_WAD), deltas));
  }

  BigInteger healthOnChain(Address account, long block) {
    String hex = chain.call(new CallRequest(contracts.pool(), AaveAbi.getUserAccountData(account)), block);
    return AaveAbi.decodeUserAccountData(hex).healthFactor();
  }

  /** {@code AaveOracle.getSourceOfAsset}: the Chainlink aggregator pricing an asset (read once). */
  private Address feed(Address asset, long block) {
    return feeds.computeIfAbsent(asset, a -> {
      AaveOracle oracle = Wrappers.at(contracts.oracle(), AaveOracle::load);
      return Address.of((String) Wrappers.read(chain, contracts.oracle(), oracle.getSourceOfAsset(a.hex()), block).get(0).getValue());
    });
  }

  /** A supply raises health only when the asset is (or becomes) collateral. */
  private static boolean countsAsCollateral(AavePosition p, AaveMarket m, AaveReserve r, UserReserve u) {
    if (r.config().liquidationThreshold() == 0) return false;
    if (p.config().isUsingAsCollateral(r.id())) return true;
    return u.scaledATokenBalance().signum() == 0 && AaveUserOps.enablesCollateralOnFirstSupply(p, m, r);
  }

  /** {@code ValidationLogic}: every action needs an active, unpaused reserve; a supply also an unfrozen one. */
  private static boolean usable(ReserveConfig c, ActionKind kind) {
    return c.active() && !c.paused() && !(kind == ActionKind.TOP_UP && c.frozen());
  }

  private static boolean inEMode(AavePosition p, AaveReserve r) {
    return p.eModeCategory() != 0 && p.eModeCategory() == r.config().eModeCategory();
  }

  private static String label(Address token) {
    return token.hex().substring(0, 8);
  }
}
