package io.collateralkeeper.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API keys in RPC URLs never reach messages or metric labels. */
class EndpointRedactorTest {
  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8545, http://127.0.0.1:8545",
    "http://127.0.0.1:8545/, http://127.0.0.1:8545/",
    "https://eth-mainnet.g.alchemy.com/v2/aB3dEfGhIjKlMnOpQrStUv, https://eth-mainnet.g.alchemy.com/v2/***",
    "https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef, https://mainnet.infura.io/v3/***",
    "https://user:hunter2@node.example:8545/rpc, https://***@node.example:8545/rpc",
    "https://rpc.example/eth?apikey=s3cr3t&x=1, https://rpc.example/eth?apikey=***&x=***",
    "https://rpc.ankr.com/eth, https://rpc.ankr.com/eth",
    "not a url, ***",
  })
  void shouldRemoveKeysButKeepHostAndPath(String url, String expected) {
    assertThat(EndpointRedactor.redact(url)).isEqualTo(expected);
  }
}
