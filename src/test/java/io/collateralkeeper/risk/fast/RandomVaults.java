package io.collateralkeeper.risk.fast;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultPrices;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Seeded generator of vault configurations, prices and accounts for property tests: mostly realistic values, plus
 * zeros, shorts, negative cash, decimals 0..24 (sometimes up to 36), prices at the edges of the 64-bit fast range,
 * invalid prices and values far beyond 128 bits that force the BigInteger path.
 */
final class RandomVaults {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private final SplittableRandom r;

  RandomVaults(long seed) {
    r = new SplittableRandom(seed);
  }

  VaultConfig config() {
    int nc = r.nextInt(1, 5);
    int nm = r.nextInt(0, 4);
    List<VaultCollateral> cs = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      int decimals = r.nextInt(10) == 0 ? r.nextInt(25, 37) : r.nextInt(0, 25);
      cs.add(new VaultCollateral(i, decimals, r.nextInt(4) == 0 ? 0 : r.nextInt(0, 10_000)));
    }
    List<VaultMarket> ms = new ArrayList<>();
    for (int i = 0; i < nm; i++) {
      int mm = switch (r.nextInt(6)) {
        case 0 -> 0;
        case 1 -> r.nextInt(10_000, 1_000_000);
        default -> r.nextInt(1, 10_000);
      };
      ms.add(new VaultMarket(i, mm * 2, mm, r.nextInt(0, 1_000)));
    }
    return new VaultConfig(cs, ms, 3600);
  }

  VaultPrices prices(VaultConfig config) {
    List<BigInteger> c = new ArrayList<>();
    for (VaultCollateral col : config.collaterals()) c.add(price(10_000 - col.haircutBps()));
    List<BigInteger> m = new ArrayList<>();
    for (VaultMarket mk : config.markets()) m.add(price(mk.maintenanceMarginBps()));
    return new VaultPrices(c, m);
  }

  /** A price; {@code factor} is what the fast path multiplies it by, to aim at the edge of its range. */
  BigInteger price(long factor) {
    int k = r.nextInt(40);
    if (k == 0) return BigInteger.ZERO;
    if (k == 1) return BigInteger.valueOf(-r.nextLong(1, 1_000_000_000L));
    if (k == 2) return BigInteger.ONE;
    if (k == 3 && factor > 0) return LONG_MAX.divide(BigInteger.valueOf(factor)).add(BigInteger.valueOf(r.nextInt(-2, 3))).max(BigInteger.ONE);
    if (k == 4) return LONG_MAX.add(BigInteger.valueOf(r.nextInt(-2, 3)));
    if (k == 5) return new BigInteger(r.nextInt(64, 100), new Random(r.nextLong())).add(BigInteger.ONE);
    return BigInteger.valueOf(r.nextLong(1, 200_000_00000000L)); // up to $200k
  }

  VaultAccount account(VaultConfig config, VaultPrices prices) {
    List<BigInteger> balances = new ArrayList<>();
    for (VaultCollateral c : config.collaterals()) balances.add(balance(c.decimals()));
    List<BigInteger> sizes = new ArrayList<>();
    List<BigInteger> entries = new ArrayList<>();
    for (VaultMarket m : config.markets()) {
      BigInteger size = size();
      sizes.add(size);
      entries.add(size.signum() == 0 && r.nextBoolean() ? BigInteger.ZERO : entry(prices.market().get(m.id())));
    }
    return new VaultAccount(balances, cash(), sizes, entries);
  }

  private BigInteger balance(int decimals) {
    int k = r.nextInt(20);
    if (k < 5) return BigInteger.ZERO;
    if (k == 5) return big(r.nextInt(90, 200)); // beyond the fast range
    if (k == 6) return big(r.nextInt(1, 20)); // dust
    if (k == 7) { // q right at 2^63 (d >= 6) or bal x 10^(6-d) at 2^63
      BigInteger unit = BigInteger.TEN.pow(Math.abs(decimals - 6));
      BigInteger edge = decimals >= 6 ? LONG_MAX.multiply(unit) : LONG_MAX.divide(unit);
      return edge.add(BigInteger.valueOf(r.nextInt(-3, 4)).multiply(decimals >= 6 ? unit : BigInteger.ONE)).max(BigInteger.ONE);
    }
    // 0.001 .. 10^7 whole tokens, arbitrary wei
    return BigInteger.valueOf(r.nextLong(1, 10_000_000_000L)).multiply(BigInteger.TEN.pow(decimals))
        .divide(BigInteger.valueOf(1_000)).add(BigInteger.valueOf(r.nextLong(0, 1_000_000)));
  }

  private BigInteger cash() {
    int k = r.nextInt(10);
    BigInteger v = switch (k) {
      case 0 -> BigInteger.ZERO;
      case 1 -> big(r.nextInt(120, 140)); // around the signed 128-bit edge
      default -> big(r.nextInt(1, 90));
    };
    return r.nextBoolean() ? v.negate() : v;
  }

  private BigInteger size() {
    int k = r.nextInt(10);
    BigInteger v = switch (k) {
      case 0, 1, 2 -> BigInteger.ZERO;
      case 3 -> big(r.nextInt(88, 130)); // around |size| / 1e8 = 2^63, and beyond
      case 4 -> big(r.nextInt(1, 40));
      default -> BigInteger.valueOf(r.nextLong(1, 1_000_000_000_000L)).multiply(BigInteger.TEN.pow(r.nextInt(0, 10)))
          .add(BigInteger.valueOf(r.nextLong(0, 1_000_000)));
    };
    return r.nextBoolean() ? v.negate() : v;
  }

  private BigInteger entry(BigInteger price) {
    int k = r.nextInt(12);
    if (k == 0) return BigInteger.ZERO;
    if (k == 1) return big(r.nextInt(63, 70)); // beyond 2^63
    if (k == 2) return LONG_MAX.subtract(BigInteger.valueOf(r.nextInt(3)));
    if (k == 3) return price.abs(); // no PnL
    BigInteger base = price.signum() > 0 && price.bitLength() < 62 ? price : BigInteger.valueOf(3_000_00000000L);
    // within +-50% of the price
    return base.multiply(BigInteger.valueOf(r.nextLong(50, 151))).divide(BigInteger.valueOf(100)).max(BigInteger.ZERO);
  }

  Address address(int i) {
    return Address.of(String.format("0x%040x", i + 1));
  }

  SplittableRandom random() {
    return r;
  }

  private BigInteger big(int bits) {
    return new BigInteger(bits, new Random(r.nextLong())).setBit(bits - 1);
  }
}
