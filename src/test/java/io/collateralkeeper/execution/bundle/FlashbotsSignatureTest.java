package io.collateralkeeper.execution.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * X-Flashbots-Signature, checked against published vectors that cast, ethers.js and Flashbots' go-utils agree on
 * (github.com/flashbots/go-utils, signature/signature_test.go): the signed message is "0x" + hex keccak256(body).
 */
class FlashbotsSignatureTest {
  // The go-ethereum book's throwaway key, used by go-utils' test; the address and signature come from cast and ethers.
  private static final ECKeyPair BOOK_KEY =
      ECKeyPair.create(Numeric.toBigInt("0xfad9c8855b740a0b7ed4c221dbad0f33a83a49cad6b3fe8d5817ac83d38b6a19"));
  private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldSignExactlyAsCastAndEthersDo() {
    assertThat(FlashbotsSignature.header(HELLO, BOOK_KEY))
        .isEqualTo(
            "0x96216849c49358B10257cb55b28eA603c874b05E:0x1446053488f02d460c012c84c4091cd5054d98c6cfca01b65f6c1a72773e80e60b8a4931aeee7ed18ce3adb45b2107e8c59e25556c1f871a8334e30e5bddbed21c");
  }

  @Test
  void shouldVerifySignaturesMadeByMetaMaskAndCast() {
    String metamask =
        "0x4bE0Cd2553356b4ABb8b6a1882325dAbC8d3013D:0xbf36915334f8fa93894cd54d491c31a89dbf917e9a4402b2779b73d21ecf46e36ff07db2bef6d10e92c99a02c1c5ea700b0b674dfa5d3ce9220822a7ebcc17101b";
    String cast =
        "0x2485Aaa7C5453e04658378358f5E028150Dc7606:0xff2aa92eb8d8c2ca04f1755a4ddbff4bda6a5c9cefc8b706d5d8a21d3aa6fe7a20d3ec062fb5a4c1656fd2c14a8b33ca378b830d9b6168589bfee658e83745cc1b";
    assertThat(FlashbotsSignature.verify(metamask, HELLO)).contains(Address.of("0x4bE0Cd2553356b4ABb8b6a1882325dAbC8d3013D"));
    assertThat(FlashbotsSignature.verify(cast, HELLO)).contains(Address.of("0x2485Aaa7C5453e04658378358f5E028150Dc7606"));
  }

  @Test
  void shouldRejectAnyChangeToTheBody() {
    byte[] body = "{\"jsonrpc\":\"2.0\",\"method\":\"eth_sendBundle\",\"params\":[],\"id\":1}".getBytes(StandardCharsets.UTF_8);
    String header = FlashbotsSignature.header(body, BOOK_KEY);
    assertThat(FlashbotsSignature.verify(header, body)).isPresent();

    assertThat(FlashbotsSignature.verify(header, new byte[0])).isEmpty();
    assertThat(FlashbotsSignature.verify(header, "{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    byte[] extraSpace = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    assertThat(FlashbotsSignature.verify(header, extraSpace)).isEmpty();
  }

  @Test
  void shouldRejectASignatureClaimedForAnotherAddress() {
    String sig = FlashbotsSignature.header(HELLO, BOOK_KEY).split(":")[1];
    assertThat(FlashbotsSignature.verify("0x2485Aaa7C5453e04658378358f5E028150Dc7606:" + sig, HELLO)).isEmpty();
  }

  @Test
  void shouldRejectMalformedHeaders() {
    String header = FlashbotsSignature.header(HELLO, BOOK_KEY);
    assertThat(FlashbotsSignature.verify(null, HELLO)).isEmpty();
    assertThat(FlashbotsSignature.verify("", HELLO)).isEmpty();
    assertThat(FlashbotsSignature.verify("invalid", HELLO)).isEmpty();
    assertThat(FlashbotsSignature.verify(header + "deadbeef", HELLO)).isEmpty();
    assertThat(FlashbotsSignature.verify(header.substring(0, header.length() - 8), HELLO)).isEmpty();
    assertThat(FlashbotsSignature.verify("0x1234:" + header.split(":")[1], HELLO)).isEmpty();
    assertThat(FlashbotsSignature.verify(header.replace(":0x", ":0xzz"), HELLO)).isEmpty();
  }

  @Test
  void shouldAcceptARecoveryIdOf0Or1AndRejectOthers() {
    String header = FlashbotsSignature.header(HELLO, BOOK_KEY); // ends in 1c (v = 28)
    String v1 = header.substring(0, header.length() - 2) + "01";
    String v5 = header.substring(0, header.length() - 2) + "05";
    assertThat(FlashbotsSignature.verify(v1, HELLO)).isPresent();
    assertThat(FlashbotsSignature.verify(v5, HELLO)).isEmpty();
  }
}
