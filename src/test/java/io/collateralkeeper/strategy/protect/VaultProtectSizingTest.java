package io.collateralkeeper.strategy.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.Units;
import io.collateralkeeper.risk.VaultAccount;
import io.collateralkeeper.risk.VaultCollateral;
import io.collateralkeeper.risk.VaultConfig;
import io.collateralkeeper.risk.VaultMarket;
import io.collateralkeeper.risk.VaultMath;
import io.collateralkeeper.risk.VaultPrices;
import io.collateralkeeper.risk.VaultUserOps;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sizing top-ups, reductions and withdrawals on the vault with its exact math, against hand computations.
 *
 * <p>The account: 300 USDC (6 decimals, haircut 2%) and 1 ETH long of ETH-PERP (initial 10%, maintenance 5%) opened at
 * $3,000; the mark is $2,900. Equity = 300 x 0.98 + 1 x (2,900 - 3,000) = 294 - 100 = $194; maintenance = 2,900 x 5% =
 * $145; health = 194 / 145 = 1.3379.
 */
class VaultProtectSizingTest {
  private static final Address USDC_TOKEN = Address.of("0x00000000000000000000000000000000000000c0");
  private static final VaultConfig CONFIG =
      new VaultConfig(List.of(new VaultCollateral(0, 6, 200)), List.of(new VaultMarket(0, 1_000, 500, 100)), 86_400);
  private static final VaultPrices MARK = new VaultPrices(List.of(usd8(1)), List.of(usd8(2_900)));
  private static final VaultAccount ACCOUNT =
      new VaultAccount(List.of(BigInteger.valueOf(300_000_000)), BigInteger.ZERO, List.of(Units.WAD), List.of(usd8(3_000)));
  private static final BigInteger TARGET = new BigInteger("1500000000000000000");

  @Test
  void healthIsAsWorkedByHand() {
    assertThat(VaultMath.healthFactor(CONFIG, ACCOUNT, MARK)).isEqualTo(new BigInteger("1337931034482758620"));
  }

  /*
   * Health 1.5 needs equity >= 1.5 x 145 = $217.5, i.e. $23.5 more. One USDC unit (1e-6) adds
   * 1 x 1e8 x 9,800 x 1e10 / (1e6 x 1e4) = 9.8e11 wei of equity, so d >= 23.5e18 / 9.8e11 = 23,979,591.84: 23.979592 USDC.
   */
  @Test
  void topUpIsTheSmallestDepositReachingTheTarget() {
    Function<BigInteger, BigInteger> h = d -> VaultMath.healthFactor(CONFIG, VaultUserOps.deposit(ACCOUNT, 0, d), MARK);
    ProtectOption o = Sizer.raise(ActionKind.TOP_UP, 0, Optional.of(USDC_TOKEN), "USDC", h, health(), TARGET,
        Sizer.UNBOUNDED, BigInteger.valueOf(1_000_000_000));

    assertThat(o.amount()).isEqualTo(BigInteger.valueOf(23_979_592));
    assertThat(o.spend()).isEqualTo(o.amount());
    assertThat(o.reachesTarget()).isTrue();
    assertThat(o.healthAfter()).isGreaterThanOrEqualTo(TARGET);
    assertThat(h.apply(o.amount().subtract(BigInteger.ONE))).isLessThan(TARGET);
  }

  @Test
  void aCappedTopUpFallsShortAndSaysHowMuchWasNeeded() {
    Function<BigInteger, BigInteger> h = d -> VaultMath.healthFactor(CONFIG, VaultUserOps.deposit(ACCOUNT, 0, d), MARK);
    ProtectOption o = Sizer.raise(ActionKind.TOP_UP, 0, Optional.of(USDC_TOKEN), "USDC", h, health(), TARGET,
        Sizer.UNBOUNDED, BigInteger.valueOf(10_000_000));

    assertThat(o.amount()).isEqualTo(BigInteger.valueOf(10_000_000));
    assertThat(o.needed()).contains(BigInteger.valueOf(23_979_592));
    assertThat(o.reachesTarget()).isFalse();
    assertThat(o.improves()).isTrue();
  }

  /*
   * Closing x ETH keeps equity at $194 (the PnL moves from unrealized to cash) and lowers maintenance to
   * 145 x (1 - x). Health 1.5 needs 145 (1 - x) <= 194 / 1.5 = 129.333..., so x >= 1 - 0.8919540 = 0.1080460 ETH.
   */
  @Test
  void reductionClosesJustEnough() {
    Function<BigInteger, BigInteger> h =
        x -> VaultMath.healthFactor(CONFIG, VaultUserOps.reduce(ACCOUNT, MARK, 0, x), MARK);
    ProtectOption o = Sizer.raise(ActionKind.REDUCE, 0, Optional.empty(), "market 0", h, health(), TARGET, Units.WAD,
        Units.WAD);

    assertThat(o.reachesTarget()).isTrue();
    assertThat(o.spend()).isZero();
    assertThat(o.amount()).isBetween(new BigInteger("108045977000000000"), new BigInteger("108045978000000000"));
    assertThat(h.apply(o.amount().subtract(BigInteger.ONE))).isLessThan(TARGET);
  }

  /*
   * With 1,000 USDC more (equity $1,174, health 8.10), withdrawing down to health 2.0 leaves equity >= $290, so up to
   * 884 / 0.98 = 902.0408 USDC; the initial margin ($290 at 10%) is met there too.
   */
  @Test
  void withdrawalTakesTheSurplusDownToTheTarget() {
    VaultAccount rich = VaultUserOps.deposit(ACCOUNT, 0, BigInteger.valueOf(1_000_000_000));
    BigInteger two = Units.WAD.shiftLeft(1);
    Function<BigInteger, BigInteger> h = w -> VaultMath.healthFactor(CONFIG, VaultUserOps.withdraw(rich, 0, w), MARK);
    ProtectOption o = Sizer.withdraw(0, USDC_TOKEN, "USDC", h,
        w -> h.apply(w).compareTo(two) >= 0 && VaultUserOps.meetsInitialMargin(CONFIG, VaultUserOps.withdraw(rich, 0, w), MARK),
        VaultMath.healthFactor(CONFIG, rich, MARK), two, rich.balances().get(0));

    assertThat(o.amount()).isEqualTo(BigInteger.valueOf(902_040_816));
    assertThat(o.healthAfter()).isGreaterThanOrEqualTo(two);
    assertThat(h.apply(o.amount().add(BigInteger.ONE))).isLessThan(two);
  }

  @Test
  void initialMarginBindsAWithdrawalBeforeHealthDoes() {
    // target 1.2 would allow equity down to $174, but the vault's withdraw needs equity >= initial = $290
    VaultAccount rich = VaultUserOps.deposit(ACCOUNT, 0, BigInteger.valueOf(1_000_000_000));
    BigInteger target = new BigInteger("1200000000000000000");
    Function<BigInteger, BigInteger> h = w -> VaultMath.healthFactor(CONFIG, VaultUserOps.withdraw(rich, 0, w), MARK);
    ProtectOption o = Sizer.withdraw(0, USDC_TOKEN, "USDC", h,
        w -> h.apply(w).compareTo(target) >= 0 && VaultUserOps.meetsInitialMargin(CONFIG, VaultUserOps.withdraw(rich, 0, w), MARK),
        VaultMath.healthFactor(CONFIG, rich, MARK), target, rich.balances().get(0));
    assertThat(VaultUserOps.meetsInitialMargin(CONFIG, VaultUserOps.withdraw(rich, 0, o.amount()), MARK)).isTrue();
    assertThat(VaultUserOps.meetsInitialMargin(CONFIG, VaultUserOps.withdraw(rich, 0, o.amount().add(BigInteger.ONE)), MARK)).isFalse();
    assertThat(o.healthAfter()).isGreaterThan(target);
  }

  private static BigInteger health() {
    return VaultMath.healthFactor(CONFIG, ACCOUNT, MARK);
  }

  private static BigInteger usd8(long dollars) {
    return BigInteger.valueOf(dollars).multiply(Units.PRICE_UNIT);
  }
}
