package io.collateralkeeper.protocol.aave;

import static org.assertj.core.api.Assertions.assertThat;

import io.collateralkeeper.domain.Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;

class AavePoolEventsTest {
  private static final Address POOL = Address.of("0x87870bca3f3fd6335c3f4ce8392d69350b4fa4e2");
  private static final String RESERVE = word("a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48");
  private static final String USER = word("1111111111111111111111111111111111111111");
  private static final String OTHER = word("2222222222222222222222222222222222222222");

  private static String word(String hex40) {
    return "0x000000000000000000000000" + hex40;
  }

  private static Log log(Address from, String... topics) {
    Log l = new Log();
    l.setAddress(from.hex());
    l.setTopics(List.of(topics));
    l.setData("0x");
    return l;
  }

  @Test
  void signatureHashesAreThoseOfTheDeployedPool() {
    // topic0 values as they appear in Ethereum mainnet Aave V3 Pool logs
    assertThat(EventEncoder.encode(AavePoolEvents.SUPPLY))
        .isEqualTo("0x2b627736bca15cd5381dcf80b0bf11fd197d01a037c52b927a881a10fb73ba61");
    assertThat(EventEncoder.encode(AavePoolEvents.BORROW))
        .isEqualTo("0xb3d084820fb1a9decffb176436bd02558d15fac9b0ddfed8c465bc7359d7dce0");
    assertThat(AavePoolEvents.LIQUIDATION_CALL_TOPIC)
        .isEqualTo("0xe413a321e8681d831f4dbccbca790d2952b56f977908e45be37335533e005286");
  }

  @Test
  void takesTheUserFromTheTopicThatNamesIt() {
    String supply = EventEncoder.encode(AavePoolEvents.SUPPLY);
    String liquidation = AavePoolEvents.LIQUIDATION_CALL_TOPIC;
    String emode = EventEncoder.encode(AavePoolEvents.USER_EMODE_SET);
    var users =
        AavePoolEvents.usersIn(
            List.of(
                log(POOL, supply, RESERVE, USER, word("0".repeat(40))),
                log(POOL, liquidation, RESERVE, RESERVE, OTHER),
                log(POOL, emode, word("3333333333333333333333333333333333333333"))),
            POOL);
    assertThat(users)
        .containsExactly(
            Address.fromWord(USER), Address.fromWord(OTHER), Address.of("0x3333333333333333333333333333333333333333"));
  }

  @Test
  void ignoresOtherContractsUnknownEventsAndRemovedLogs() {
    String supply = EventEncoder.encode(AavePoolEvents.SUPPLY);
    Log removed = log(POOL, supply, RESERVE, USER, word("0".repeat(40)));
    removed.setRemoved(true);
    var users =
        AavePoolEvents.usersIn(
            List.of(
                log(Address.of("0x0000000000000000000000000000000000000001"), supply, RESERVE, USER, RESERVE),
                log(POOL, "0x" + "ab".repeat(32), RESERVE, USER),
                removed,
                log(POOL, supply, RESERVE)),
            POOL);
    assertThat(users).isEmpty();
  }
}
