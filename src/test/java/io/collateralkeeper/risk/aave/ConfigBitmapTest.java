package io.collateralkeeper.risk.aave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** ReserveConfiguration.sol and UserConfiguration.sol bitmaps decoded from hand-assembled words. */
class ConfigBitmapTest {

  @Test
  void decodesAWethLikeReserveConfiguration() {
    // bits 0-15 ltv 8000 = 0x1F40; 16-31 threshold 8250 = 0x203A; 32-47 bonus 10500 = 0x2904; 48-55 decimals 18 =
    // 0x12; 56-63 flags 0x85 = active (56) + borrowing (58) + flash loans (63); 64-79 reserve factor 1000 = 0x03E8;
    // 80-151 caps 0 (18 hex digits); 152-167 protocol fee 1000 = 0x03E8; 168-175 e-mode 1.
    BigInteger data = new BigInteger("0103E8" + "000000000000000000" + "03E8" + "85122904203A1F40", 16);

    ReserveConfig c = ReserveConfig.decode(data);

    assertThat(c.ltv()).isEqualTo(8000);
    assertThat(c.liquidationThreshold()).isEqualTo(8250);
    assertThat(c.liquidationBonus()).isEqualTo(10500);
    assertThat(c.decimals()).isEqualTo(18);
    assertThat(c.active()).isTrue();
    assertThat(c.frozen()).isFalse();
    assertThat(c.borrowingEnabled()).isTrue();
    assertThat(c.stableBorrowingEnabled()).isFalse();
    assertThat(c.paused()).isFalse();
    assertThat(c.borrowableInIsolation()).isFalse();
    assertThat(c.siloedBorrowing()).isFalse();
    assertThat(c.flashLoanEnabled()).isTrue();
    assertThat(c.reserveFactor()).isEqualTo(1000);
    assertThat(c.borrowCap()).isZero();
    assertThat(c.supplyCap()).isZero();
    assertThat(c.liquidationProtocolFee()).isEqualTo(1000);
    assertThat(c.eModeCategory()).isEqualTo(1);
    assertThat(c.unbackedMintCap()).isZero();
    assertThat(c.debtCeiling()).isZero();
    assertThat(c.isolated()).isFalse();
    assertThat(c.unit()).isEqualTo(BigInteger.TEN.pow(18));
  }

  @Test
  void decodesCapsCeilingAndTheOtherFlags() {
    BigInteger maxCap = BigInteger.valueOf(68_719_476_735L); // 2^36 - 1, MAX_VALID_BORROW_CAP
    BigInteger data =
        BigInteger.ZERO
            .setBit(57) // frozen
            .setBit(59) // stable borrowing
            .setBit(60) // paused
            .setBit(61) // borrowable in isolation
            .setBit(62) // siloed
            .or(maxCap.shiftLeft(80)) // borrow cap, all 36 bits
            .or(BigInteger.valueOf(2_000_000).shiftLeft(116)) // supply cap
            .or(BigInteger.valueOf(12_345).shiftLeft(176)) // unbacked mint cap
            .or(BigInteger.valueOf(1_099_511_627_775L).shiftLeft(212)); // debt ceiling, all 40 bits

    ReserveConfig c = ReserveConfig.decode(data);

    assertThat(c.active()).isFalse();
    assertThat(c.frozen()).isTrue();
    assertThat(c.borrowingEnabled()).isFalse();
    assertThat(c.stableBorrowingEnabled()).isTrue();
    assertThat(c.paused()).isTrue();
    assertThat(c.borrowableInIsolation()).isTrue();
    assertThat(c.siloedBorrowing()).isTrue();
    assertThat(c.flashLoanEnabled()).isFalse();
    assertThat(c.borrowCap()).isEqualTo(68_719_476_735L);
    assertThat(c.supplyCap()).isEqualTo(2_000_000L);
    assertThat(c.unbackedMintCap()).isEqualTo(12_345L);
    assertThat(c.debtCeiling()).isEqualTo(1_099_511_627_775L);
    assertThat(c.isolated()).isTrue();
    assertThat(c.ltv()).isZero();
    assertThat(c.liquidationProtocolFee()).isZero();
  }

  @Test
  void userConfigurationHasABorrowBitAndACollateralBitPerReserve() {
    // 0b1110: reserve 0 collateral (bit 1); reserve 1 borrowed (bit 2) and collateral (bit 3)
    UserConfig u = new UserConfig(BigInteger.valueOf(0b1110));

    assertThat(u.isBorrowing(0)).isFalse();
    assertThat(u.isUsingAsCollateral(0)).isTrue();
    assertThat(u.isBorrowing(1)).isTrue();
    assertThat(u.isUsingAsCollateral(1)).isTrue();
    assertThat(u.isUsingAsCollateralOrBorrowing(2)).isFalse();
    assertThat(u.reserveIdBound()).isEqualTo(2);
    assertThat(u.isEmpty()).isFalse();
    assertThat(UserConfig.EMPTY.reserveIdBound()).isZero();
  }

  @Test
  void userConfigurationBitsCanBeSetAndCleared() {
    UserConfig u = UserConfig.EMPTY.withBorrowing(5, true).withCollateral(127, true);

    // reserve 5 borrowing = bit 10; reserve 127 collateral = bit 255
    assertThat(u.data()).isEqualTo(BigInteger.ONE.shiftLeft(10).or(BigInteger.ONE.shiftLeft(255)));
    assertThat(u.reserveIdBound()).isEqualTo(128);
    assertThat(u.withBorrowing(5, false).withCollateral(127, false).isEmpty()).isTrue();
    assertThatThrownBy(() -> u.isBorrowing(128)).isInstanceOf(IllegalArgumentException.class);
  }
}
