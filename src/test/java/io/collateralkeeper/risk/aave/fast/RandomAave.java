package io.collateralkeeper.risk.aave.fast;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.aave.AaveMarket;
import io.collateralkeeper.risk.aave.AavePosition;
import io.collateralkeeper.risk.aave.AaveReserve;
import io.collateralkeeper.risk.aave.EModeCategory;
import io.collateralkeeper.risk.aave.ReserveConfig;
import io.collateralkeeper.risk.aave.UserConfig;
import io.collateralkeeper.risk.aave.UserReserve;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random Aave markets and positions for property tests, biased towards the cases the math distinguishes:
 * dropped reserves (id gaps), zero-LTV and zero-threshold reserves, 0-27 decimals, e-mode categories with and
 * without a price source (and with a source that has no price or a zero price), stable debt, prices of zero or of
 * 2^63 and more, missing prices, indexes that accrue or whose last update lies in the future, and balances from a
 * few wei to beyond 2^128.
 */
final class RandomAave {
  static final long T = 1_700_000_000L;
  static final BigInteger RAY = BigInteger.TEN.pow(27);
  static final Address USD = addr(0xFEED);
  static final Address NO_PRICE = addr(0xDEAD);
  private final SplittableRandom r;
  private final boolean hostile;

  /**
   * @param hostile true to include inputs that force the BigInteger fallback or make AaveMath throw; false for
   *     realistic ones only
   */
  RandomAave(long seed, boolean hostile) {
    r = new SplittableRandom(seed);
    this.hostile = hostile;
  }

  static Address addr(int n) {
    return Address.of(String.format("0x%040x", n));
  }

  static Address asset(int id) {
    return addr(0x100 + id);
  }

  AaveMarket market() {
    int listed = 1 + r.nextInt(8);
    Map<Integer, AaveReserve> reserves = new HashMap<>();
    Map<Address, BigInteger> prices = new HashMap<>();
    int id = 0;
    for (int n = 0; n < listed; n++) {
      id += chance(8) ? 2 : 1; // an id gap is a dropped reserve
      reserves.put(id, reserve(id));
      if (!(hostile && chance(60))) prices.put(asset(id), price());
    }
    prices.put(USD, BigInteger.valueOf(100_000_000L));
    if (chance(4)) prices.put(USD, BigInteger.ZERO);
    Map<Integer, EModeCategory> eModes = new HashMap<>();
    for (int c = 1; c <= 3; c++) {
      if (hostile && chance(10)) continue; // a category the market lacks
      int threshold = r.nextInt(5_000, 10_000);
      Address source =
          switch (r.nextInt(hostile ? 5 : 4)) {
            case 0 -> USD;
            case 1 -> asset(1 + r.nextInt(listed));
            case 4 -> NO_PRICE;
            default -> Address.ZERO;
          };
      eModes.put(c, new EModeCategory(c, r.nextInt(0, threshold), threshold, 10_100, source, "c" + c));
    }
    return new AaveMarket(reserves, prices, eModes, T);
  }

  private AaveReserve reserve(int id) {
    int ltv = chance(6) ? 0 : r.nextInt(1, 9_000);
    int threshold = chance(8) ? 0 : r.nextInt(Math.max(ltv, 1), 10_000);
    if (hostile && chance(30)) threshold = r.nextInt(10_000, 65_536); // beyond 100%: only a bitmap can say so
    int[] usual = {0, 2, 6, 8, 18, 18, 18, 6};
    int decimals = hostile && chance(20) ? r.nextInt(19, 28) : usual[r.nextInt(usual.length)];
    int eMode = chance(2) ? 1 + r.nextInt(3) : 0;
    BigInteger bitmap =
        BigInteger.valueOf(ltv)
            .or(BigInteger.valueOf(threshold).shiftLeft(16))
            .or(BigInteger.valueOf(10_500).shiftLeft(32))
            .or(BigInteger.valueOf(decimals).shiftLeft(48))
            .setBit(56)
            .setBit(58)
            .or(BigInteger.valueOf(eMode).shiftLeft(168));
    long lastUpdate = T - (chance(4) ? 0 : r.nextLong(1, 3 * 365 * 86_400L));
    if (hostile && chance(40)) lastUpdate = T + 1; // accrual reverts
    BigInteger liquidityIndex = index();
    BigInteger borrowIndex = index();
    if (chance(5)) {
      // indexes of an odd number of half rays, not accruing: rayMul of an odd balance lands exactly on a half
      lastUpdate = T;
      liquidityIndex = RAY.multiply(BigInteger.valueOf(2 * r.nextInt(1, 4) + 1)).shiftRight(1);
      borrowIndex = RAY.multiply(BigInteger.valueOf(2 * r.nextInt(1, 4) + 1)).shiftRight(1);
    }
    return new AaveReserve(
        asset(id), id, ReserveConfig.decode(bitmap), liquidityIndex, rate(), borrowIndex, rate(), rate(), lastUpdate,
        addr(0x200 + id), addr(0x300 + id), addr(0x400 + id));
  }

  private BigInteger index() {
    if (hostile && chance(50)) return BigInteger.ONE.shiftLeft(120 + r.nextInt(12)); // 2^120-2^131
    return RAY.add(RAY.multiply(BigInteger.valueOf(r.nextLong(0, 2_000_000_000L))).divide(BigInteger.TEN.pow(9)));
  }

  /** Yearly, ray: 0 to 300%. */
  private BigInteger rate() {
    if (chance(5)) return BigInteger.ZERO;
    return RAY.multiply(BigInteger.valueOf(r.nextLong(0, 3_000_000_000L))).divide(BigInteger.TEN.pow(9));
  }

  BigInteger price() {
    int kind = r.nextInt(hostile ? 12 : 10);
    return switch (kind) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.valueOf(r.nextLong(1, 1_000));
      case 2 -> BigInteger.TEN.pow(r.nextInt(4, 12)); // round prices: more exact ties
      case 10 -> BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(r.nextLong(0, 1_000)));
      case 11 -> BigInteger.ONE.shiftLeft(64 + r.nextInt(60));
      default -> BigInteger.valueOf(r.nextLong(1, 100_000_000_000_000L)); // up to $1M at 8 decimals
    };
  }

  AavePosition position(AaveMarket market, int n) {
    int bound = market.reserves().keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 2;
    UserConfig config = UserConfig.EMPTY;
    Map<Integer, UserReserve> balances = new HashMap<>();
    int marked = chance(20) ? 0 : 1 + r.nextInt(4);
    for (int k = 0; k < marked; k++) {
      int id = r.nextInt(bound + 1); // sometimes an unlisted id
      boolean collateral = r.nextBoolean() || k == 0;
      boolean borrow = !collateral || chance(3);
      if (collateral) config = config.withCollateral(id, true);
      if (borrow) config = config.withBorrowing(id, true);
      BigInteger stablePrincipal = borrow && chance(5) ? amount(market, id) : BigInteger.ZERO;
      BigInteger stableRate = stablePrincipal.signum() == 0 ? BigInteger.ZERO : rate();
      long stableUpdated = stablePrincipal.signum() == 0 ? 0 : T - r.nextLong(0, 2 * 365 * 86_400L);
      if (hostile && stablePrincipal.signum() != 0 && chance(20)) stableUpdated = T + 5;
      balances.put(
          id,
          new UserReserve(
              collateral || chance(4) ? amount(market, id) : BigInteger.ZERO,
              borrow && !chance(6) ? amount(market, id) : BigInteger.ZERO,
              stablePrincipal, stableRate, stableUpdated));
    }
    int eMode = chance(3) ? 1 + r.nextInt(3) : 0;
    return new AavePosition(addr(0x10_0000 + n), config, eMode, balances);
  }

  /**
   * A balance: realistic ones are worth up to about a billion dollars (up to 2^63 base units of 8 decimals) at the
   * reserve's price, or a few wei; hostile ones also range freely up to 2^100 and at or beyond 2^128.
   */
  private BigInteger amount(AaveMarket market, int id) {
    if (chance(6)) return BigInteger.valueOf(r.nextLong(0, 40)); // a few wei: ties in every half-up rounding
    if (!hostile) {
      AaveReserve reserve = market.reserve(id);
      BigInteger price = reserve == null ? null : market.prices().get(reserve.asset());
      if (price == null || price.signum() == 0) return BigInteger.valueOf(r.nextLong(0, 1_000_000L));
      BigInteger usd8 = BigInteger.valueOf(r.nextLong(1, 100_000_000_000_000_000L >> r.nextInt(40)));
      return usd8.multiply(reserve.config().unit()).divide(price).add(BigInteger.valueOf(r.nextLong(0, 1_000)));
    }
    int kind = r.nextInt(12);
    return switch (kind) {
      case 0 -> BigInteger.valueOf(r.nextLong(0, 10));
      case 1 -> BigInteger.valueOf(r.nextLong(0, Long.MAX_VALUE));
      case 10 -> BigInteger.ONE.shiftLeft(127).add(new BigInteger(127, new java.util.Random(r.nextLong())));
      case 11 -> new BigInteger(128 + r.nextInt(120), new java.util.Random(r.nextLong())).setBit(128);
      default -> new BigInteger(40 + r.nextInt(61), new java.util.Random(r.nextLong()));
    };
  }

  private boolean chance(int oneIn) {
    return r.nextInt(oneIn) == 0;
  }
}
