package io.collateralkeeper.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import org.junit.jupiter.api.Test;

class LandedAheadTest {
  private static final Address A = Address.of("0x00000000000000000000000000000000000000a1");
  private static final Address B = Address.of("0x00000000000000000000000000000000000000b2");

  @Test
  void anAccountIsLeftAloneUntilAHeadThatShowsItsInclusion() {
    LandedAhead ahead = new LandedAhead();
    ahead.landed(A, 12);
    ahead.landed(B, 10);

    assertThat(ahead.aheadOf(9)).containsExactlyInAnyOrder(A, B);
    assertThat(ahead.aheadOf(10)).containsExactly(A);
    assertThat(ahead.aheadOf(11)).containsExactly(A);
    assertThat(ahead.aheadOf(12)).isEmpty();
    assertThat(ahead.aheadOf(9)).as("forgotten once a head showed it").isEmpty();
  }

  @Test
  void theLatestInclusionOfAnAccountCounts() {
    LandedAhead ahead = new LandedAhead();
    ahead.landed(A, 15);
    ahead.landed(A, 13);

    assertThat(ahead.aheadOf(14)).containsExactly(A);
  }
}
