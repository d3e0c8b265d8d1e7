package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The worst-case base fee n blocks ahead: ceil(base x 1.125^n), never below the EIP-1559 recurrence. */
class BaseFeeBoundTest {

  @Test
  void shouldReturnTheBaseFeeForZeroBlocks() {
    assertThat(BaseFeeBound.after(gwei(20), 0)).isEqualTo(gwei(20));
  }

  @Test
  void shouldGrowByAnEighthPerBlockRoundedUp() {
    assertThat(BaseFeeBound.after(BigInteger.valueOf(800), 1)).isEqualTo(BigInteger.valueOf(900));
    // 100 x 1.125 = 112.5 -> 113 (the protocol itself would reach 112)
    assertThat(BaseFeeBound.after(BigInteger.valueOf(100), 1)).isEqualTo(BigInteger.valueOf(113));
    // 20 gwei x 1.125^3 = 28.4765625 gwei exactly
    assertThat(BaseFeeBound.after(gwei(20), 3)).isEqualTo(BigInteger.valueOf(28_476_562_500L));
  }

  @Test
  void shouldCoverTheOneWeiMinimumStepOfTinyBaseFees() {
    // EIP-1559 raises a rising base fee by at least 1 wei: 0 -> 1 -> 2 -> 3; 1 -> 2 -> 3 -> 4
    assertThat(BaseFeeBound.after(BigInteger.ZERO, 3)).isEqualTo(BigInteger.valueOf(3));
    assertThat(BaseFeeBound.after(BigInteger.ONE, 3)).isEqualTo(BigInteger.valueOf(4));
    // ceil(7 x 1.125^2) = ceil(8.859) = 9 = 7 -> 8 -> 9
    assertThat(BaseFeeBound.after(BigInteger.valueOf(7), 2)).isEqualTo(BigInteger.valueOf(9));
  }

  @Test
  void shouldNeverBeBelowTheFullBlocksProtocolPathAndEqualTheFormulaFrom8Wei() {
    Random rnd = new Random(1559);
    for (int i = 0; i < 5_000; i++) {
      BigInteger base = new BigInteger(1 + rnd.nextInt(60), rnd);
      int n = rnd.nextInt(20);
      BigInteger bound = BaseFeeBound.after(base, n);
      assertThat(bound).isGreaterThanOrEqualTo(protocolAfterFullBlocks(base, n));
      if (base.compareTo(BigInteger.valueOf(8)) >= 0) assertThat(bound).isEqualTo(ceilFormula(base, n));
    }
  }

  @Test
  void shouldRejectNegativeInputs() {
    assertThatThrownBy(() -> BaseFeeBound.after(BigInteger.valueOf(-1), 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BaseFeeBound.after(BigInteger.ONE, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** go-ethereum's CalcBaseFee for a parent block that used all its gas (twice the target), n times. */
  private static BigInteger protocolAfterFullBlocks(BigInteger base, int n) {
    BigInteger target = BigInteger.valueOf(15_000_000);
    BigInteger used = target.shiftLeft(1);
    BigInteger b = base;
    for (int i = 0; i < n; i++) {
      BigInteger delta = b.multiply(used.subtract(target)).divide(target).divide(BigInteger.valueOf(8));
      b = b.add(delta.max(BigInteger.ONE));
    }
    return b;
  }

  private static BigInteger ceilFormula(BigInteger base, int n) {
    BigInteger num = base.multiply(BigInteger.valueOf(9).pow(n));
    BigInteger den = BigInteger.valueOf(8).pow(n);
    BigInteger[] qr = num.divideAndRemainder(den);
    return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
  }

  private static BigInteger gwei(long n) {
    return BigInteger.valueOf(n).multiply(BigInteger.TEN.pow(9));
  }
}
