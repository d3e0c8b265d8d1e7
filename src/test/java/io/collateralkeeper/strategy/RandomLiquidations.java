package io.collateralkeeper.strategy;

import io.collateralkeeper.risk.AccountValue;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeded generator of liquidation cases for the planner's property tests: vault parameters, prices, an account whose
 * cash is set so that its health lands at a drawn value (mostly below 1, some at or above 1, some with negative
 * equity), a minimum revenue and a target health. Mostly realistic values (6/8/18-decimal collaterals, ETH/BTC-like
 * prices, positions of $10-$10M) plus edges: dust positions of a few wei, zero fees and haircuts, one collateral worth
 * less than the fee, many collaterals, shorts, entry prices equal to the price, and values beyond 128 bits or 63-bit
 * ratio terms that force the BigInteger path.
 */
final class RandomLiquidations {
  private static final int[] DECIMALS = {6, 8, 18};
  private static final int[] ODD_DECIMALS = {0, 2, 12, 24, 30, 36};
  private final SplittableRandom r;

  /** One case: the planner's inputs. */
  record Case(VaultConfig config, VaultAccount account, VaultPrices prices, BigInteger minRevenue, BigInteger target) {}

  RandomLiquidations(long seed) {
    r = new SplittableRandom(seed);
  }

  Case next() {
    VaultConfig config = config();
    VaultPrices prices = prices(config);
    VaultAccount account = account(config, prices);
    BigInteger target = target();
    return new Case(config, account, prices, minRevenue(config, account, prices, target), target);
  }

  private VaultConfig config() {
    int nc = r.nextInt(10) == 0 ? r.nextInt(3, 6) : r.nextInt(1, 4);
    List<VaultCollateral> cs = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      int haircut = switch (r.nextInt(5)) {
        case 0 -> 0;
        case 1 -> 9_999;
        default -> r.nextInt(0, 5_000);
      };
      int decimals = r.nextInt(12) == 0 ? ODD_DECIMALS[r.nextInt(ODD_DECIMALS.length)] : DECIMALS[r.nextInt(DECIMALS.length)];
      cs.add(new VaultCollateral(i, decimals, haircut));
    }
    int nm = r.nextInt(6) == 0 ? r.nextInt(3, 5) : r.nextInt(1, 3);
    List<VaultMarket> ms = new ArrayList<>();
    for (int i = 0; i < nm; i++) {
      int mm = r.nextInt(8) == 0 ? 10_000 : r.nextInt(1, 3_000);
      int fee = switch (r.nextInt(8)) {
        case 0 -> 0;
        case 1 -> mm - 1;
        case 2 -> r.nextInt(0, 20_000); // not listable on chain, still planned the same way
        default -> r.nextInt(0, mm);
      };
      ms.add(new VaultMarket(i, Math.min(2 * mm, 10_000), mm, fee));
    }
    return new VaultConfig(cs, ms, 3600);
  }

  private VaultPrices prices(VaultConfig config) {
    List<BigInteger> c = new ArrayList<>();
    for (int i = 0; i < config.collaterals().size(); i++) c.add(price());
    List<BigInteger> m = new ArrayList<>();
    for (int i = 0; i < config.markets().size(); i++) m.add(price());
    return new VaultPrices(c, m);
  }

  private BigInteger price() {
    return switch (r.nextInt(60)) {
      case 0, 30 -> BigInteger.ONE;
      case 1 -> big(r.nextInt(63, 90)); // ratio terms beyond 63 bits
      case 2 -> BigInteger.valueOf(r.nextLong(1, 1_000_000)); // below a cent
      case 3, 4, 5, 6 -> BigInteger.valueOf(1_00000000L + r.nextLong(-100_000, 100_000)); // a stablecoin
      case 7, 8, 9 -> BigInteger.valueOf(3_000_00000000L);
      case 10, 11, 12 -> BigInteger.valueOf(60_000_00000000L);
      default -> BigInteger.valueOf(r.nextLong(1, 200_000_00000000L));
    };
  }

  private VaultAccount account(VaultConfig config, VaultPrices prices) {
    List<BigInteger> sizes = new ArrayList<>();
    List<BigInteger> entries = new ArrayList<>();
    boolean anyPosition = false;
    for (int i = 0; i < config.markets().size(); i++) {
      BigInteger size = size(prices.market().get(i));
      anyPosition |= size.signum() != 0;
      sizes.add(size);
      entries.add(size.signum() == 0 ? BigInteger.ZERO : entry(prices.market().get(i)));
    }
    if (!anyPosition && r.nextInt(20) != 0) {
      int i = r.nextInt(sizes.size());
      sizes.set(i, BigInteger.valueOf(r.nextLong(1, 1_000_000)).multiply(BigInteger.TEN.pow(15)));
      entries.set(i, entry(prices.market().get(i)));
    }
    List<BigInteger> balances = new ArrayList<>();
    for (VaultCollateral c : config.collaterals()) balances.add(balance(c, prices.collateral().get(c.id())));
    VaultAccount noCash = new VaultAccount(balances, BigInteger.ZERO, sizes, entries);
    AccountValue v = VaultMath.value(config, noCash, prices);
    BigInteger cash;
    if (v.maintenance().signum() == 0 || r.nextInt(25) == 0) {
      cash = big(r.nextInt(1, 80));
      if (r.nextBoolean()) cash = cash.negate();
    } else {
      // equity = health x maintenance
      BigInteger health = switch (r.nextInt(12)) {
        case 0 -> BigInteger.valueOf(r.nextLong(-1_000, 0)).multiply(BigInteger.TEN.pow(15)); // negative equity
        case 1 -> Units.WAD.add(BigInteger.valueOf(r.nextLong(0, 1_000_000_000_000_000L))); // healthy
        case 2 -> Units.WAD.subtract(BigInteger.valueOf(r.nextLong(1, 1_000))); // just below 1
        default -> BigInteger.valueOf(r.nextLong(0, 1_000_000_000_000_000_000L));
      };
      cash = health.multiply(v.maintenance()).divide(Units.WAD).subtract(v.equity());
    }
    return new VaultAccount(balances, cash, sizes, entries);
  }

  private BigInteger size(BigInteger price) {
    BigInteger v = switch (r.nextInt(40)) {
      case 0, 1, 2, 3, 4, 5 -> BigInteger.ZERO;
      case 6, 7 -> BigInteger.valueOf(r.nextLong(1, 8)); // a few wei
      case 8, 9 -> big(r.nextInt(1, 50));
      case 10 -> big(r.nextInt(120, 140)); // beyond the 128-bit path
      default -> {
        // $10 .. $10M of notional, arbitrary wei: size = usd x 1e26 / price
        long usd = (long) Math.pow(10, 1 + r.nextDouble() * 6);
        yield BigInteger.valueOf(usd).multiply(Units.WAD).multiply(Units.PRICE_UNIT).divide(price)
            .add(BigInteger.valueOf(r.nextLong(0, 1_000_000_000L)));
      }
    };
    return r.nextInt(3) == 0 ? v.negate() : v;
  }

  private BigInteger entry(BigInteger price) {
    return switch (r.nextInt(20)) {
      case 0, 10 -> price; // no PnL
      case 1 -> BigInteger.ZERO;
      case 2, 12 -> price.add(BigInteger.valueOf(r.nextLong(-1_000, 1_000)).multiply(Units.PRICE_UNIT)).max(BigInteger.ZERO);
      case 3 -> big(r.nextInt(64, 80)); // a PnL ratio beyond 63 bits
      default -> price.multiply(BigInteger.valueOf(r.nextLong(50_000, 150_001))).divide(BigInteger.valueOf(100_000));
    };
  }

  private BigInteger balance(VaultCollateral c, BigInteger price) {
    BigInteger unit = c.unit();
    return switch (r.nextInt(40)) {
      case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 -> BigInteger.ZERO;
      case 10, 11, 12 -> BigInteger.valueOf(r.nextLong(1, 1_000)); // dust: worth less than most fees
      case 13 -> big(r.nextInt(125, 140)); // beyond 128 bits
      case 14 -> r.nextInt(5) == 0 ? BigInteger.valueOf(-r.nextLong(1, 1_000_000)) : BigInteger.ONE;
      default -> {
        // $1 .. $1M worth, arbitrary units
        long usd = (long) Math.pow(10, r.nextDouble() * 6);
        yield BigInteger.valueOf(usd).multiply(unit).multiply(Units.PRICE_UNIT).divide(price)
            .add(BigInteger.valueOf(r.nextLong(0, 1_000)));
      }
    };
  }

  private BigInteger minRevenue(VaultConfig config, VaultAccount account, VaultPrices prices, BigInteger target) {
    return switch (r.nextInt(10)) {
      case 0, 1 -> BigInteger.ZERO;
      case 2, 3 -> {
        // above what the health-restoring close pays, mostly below half the whole position's fee: forces growth
        Optional<VaultLiquidationPlan> bare = new ReferenceVaultLiquidationPlanner(target).plan(config, account, prices);
        if (bare.isEmpty()) yield BigInteger.ONE;
        BigInteger paid = bare.get().revenueUsdWad();
        BigInteger half = fee(config, account, prices, bare.get().marketId()).shiftRight(1);
        BigInteger span = half.subtract(paid).max(BigInteger.TEN);
        yield paid.add(BigInteger.ONE).add(span.multiply(BigInteger.valueOf(r.nextLong(0, 1_000))).divide(BigInteger.valueOf(1_000)));
      }
      case 4 -> BigInteger.valueOf(r.nextLong(1, 10)).multiply(Units.WAD); // a few dollars
      case 5 -> r.nextBoolean() ? big(r.nextInt(1, 150)) : BigInteger.valueOf(-r.nextLong(1, 1_000));
      default -> {
        // a fraction (0 .. 1.5) of the fee of closing a whole position: forces growth or dust closing
        BigInteger fee = fee(config, account, prices, r.nextInt(config.markets().size()));
        yield fee.multiply(BigInteger.valueOf(r.nextLong(0, 1_500))).divide(BigInteger.valueOf(1_000));
      }
    };
  }

  /** The fee of closing the whole position in market {@code m}, USD wad. */
  private static BigInteger fee(VaultConfig config, VaultAccount account, VaultPrices prices, int m) {
    return account.sizes().get(m).abs().multiply(prices.market().get(m))
        .multiply(BigInteger.valueOf(config.markets().get(m).liquidationFeeBps())).divide(BigInteger.TEN.pow(12));
  }

  private BigInteger target() {
    return switch (r.nextInt(20)) {
      case 0, 1 -> Units.WAD;
      case 2, 3, 4, 5, 6, 7 -> Units.WAD.add(BigInteger.valueOf(20_000_000_000_000_000L)); // 1.02
      case 8 -> BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(r.nextLong(-2, 3))); // around the 63-bit edge
      case 9 -> big(r.nextInt(64, 300)).max(Units.WAD);
      default -> Units.WAD.add(BigInteger.valueOf(r.nextLong(0, 2_000_000_000_000_000_000L)));
    };
  }

  private BigInteger big(int bits) {
    return new BigInteger(bits, new Random(r.nextLong())).setBit(bits - 1);
  }
}
