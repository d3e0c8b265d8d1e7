package io.collateralkeeper.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collateralkeeper.domain.Address;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Nonce bookkeeping: seeding, reuse of dropped nonces, gaps, re-sync. */
class NonceManagerTest {
  static final Address SIGNER = Address.of("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  @Test
  void shouldSeedFromTheHigherOfThePendingCountAndTheJournal() {
    assertThat(NonceManager.seed(SIGNER, 5, 7, OptionalLong.empty()).peekNext()).isEqualTo(7);
    assertThat(NonceManager.seed(SIGNER, 5, 7, OptionalLong.of(9)).peekNext()).isEqualTo(10);
    assertThat(NonceManager.seed(SIGNER, 5, 5, OptionalLong.of(3)).peekNext()).isEqualTo(5);

    NonceManager m = NonceManager.seed(SIGNER, 5, 7, OptionalLong.of(9));
    assertThat(m.inFlight()).containsExactly(5L, 6L, 7L, 8L, 9L);
    assertThat(m.state(4)).contains(NonceState.INCLUDED);
    assertThat(m.state(10)).isEmpty();
  }

  @Test
  void shouldHandOutConsecutiveNoncesAndTrackTheirStates() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());

    assertThat(m.next()).isZero();
    assertThat(m.next()).isEqualTo(1);
    assertThat(m.next()).isEqualTo(2);
    m.markReplaced(1);
    m.markIncluded(0);

    assertThat(m.state(1)).contains(NonceState.REPLACED);
    assertThat(m.inFlight()).containsExactly(1L, 2L);
    assertThat(m.floor()).isEqualTo(1);
  }

  @Test
  void shouldAdvanceTheFloorOnlyOverContiguousInclusions() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    for (int i = 0; i < 3; i++) m.next();

    m.markIncluded(1);
    assertThat(m.floor()).isZero();
    m.markIncluded(0);
    assertThat(m.floor()).isEqualTo(2);
    assertThat(m.state(1)).contains(NonceState.INCLUDED);
  }

  @Test
  void shouldReleaseADroppedNonceAtTheTop() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    m.next();
    m.next();

    m.markDropped(1);

    assertThat(m.peekNext()).isEqualTo(1);
    assertThat(m.gaps()).isEmpty();
    assertThat(m.next()).isEqualTo(1);
  }

  @Test
  void shouldReuseADroppedNonceBelowOnesInFlightBeforeAFreshOne() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    for (int i = 0; i < 3; i++) m.next();

    m.markDropped(1);

    assertThat(m.gaps()).containsExactly(1L);
    assertThat(m.inFlight()).containsExactly(0L, 2L);
    assertThat(m.next()).isEqualTo(1);
    assertThat(m.gaps()).isEmpty();
    assertThat(m.next()).isEqualTo(3);
  }

  @Test
  void shouldResyncAfterNonceTooLow() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    for (int i = 0; i < 3; i++) m.next();
    m.markDropped(1);

    // the node says latest 4, pending 6: nonces 1 and 3 were consumed by another sender, 4 and 5 are pending for it
    m.resync(4, 6);

    assertThat(m.state(1)).contains(NonceState.INCLUDED);
    assertThat(m.gaps()).isEmpty();
    assertThat(m.peekNext()).isEqualTo(6);
    // 0 and 2 wait for their receipts; 3 was consumed by the other sender; 4 and 5 are its pending ones
    assertThat(m.state(3)).contains(NonceState.INCLUDED);
    assertThat(m.inFlight()).containsExactly(0L, 2L, 4L, 5L);
    assertThat(m.next()).isEqualTo(6);
  }

  @Test
  void shouldTreatADroppedNonceTheNodeHasPendingAsTakenNotAsAGap() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    for (int i = 0; i < 3; i++) m.next();
    m.markDropped(1);

    // latest 0, pending 3: something not ours sits at nonce 1 in the node's pool
    m.resync(0, 3);

    assertThat(m.gaps()).isEmpty();
    assertThat(m.state(1)).contains(NonceState.IN_FLIGHT);
    assertThat(m.next()).isEqualTo(3);
  }

  @Test
  void shouldKeepAGapTheNodeDoesNotHavePending() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    for (int i = 0; i < 3; i++) m.next();
    m.markDropped(1);

    // pending stops at the hole
    m.resync(0, 1);

    assertThat(m.gaps()).containsExactly(1L);
  }

  @Test
  void shouldRefuseToTrackANonceItNeverHandedOut() {
    NonceManager m = NonceManager.seed(SIGNER, 3, 3, OptionalLong.empty());

    assertThatThrownBy(() -> m.markReplaced(3)).isInstanceOf(IllegalStateException.class);
    m.markIncluded(2); // below the floor: already known consumed
    assertThat(m.state(2)).contains(NonceState.INCLUDED);
  }

  @Test
  void shouldPutNoncesWhoseInclusionLeftTheChainInFlightAgainAndTheOthersAsGaps() {
    NonceManager m = NonceManager.seed(SIGNER, 0, 0, OptionalLong.empty());
    for (int i = 0; i < 4; i++) m.next();
    for (long n = 0; n < 4; n++) m.markIncluded(n);
    assertThat(m.floor()).isEqualTo(4);

    m.rewind(1, java.util.Set.of(1L, 3L)); // nonce 2 was consumed by a transaction not ours, now gone too
    assertThat(m.floor()).isEqualTo(1);
    assertThat(m.inFlight()).containsExactly(1L, 3L);
    assertThat(m.gaps()).containsExactly(2L);
    assertThat(m.state(0)).hasValue(NonceState.INCLUDED);
    assertThat(m.next()).isEqualTo(2); // the gap is filled first
    assertThat(m.peekNext()).isEqualTo(4);
  }
}
