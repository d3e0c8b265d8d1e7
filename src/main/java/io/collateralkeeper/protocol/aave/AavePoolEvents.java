package io.collateralkeeper.protocol.aave;

import io.collateralkeeper.domain.Address;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The Aave V3 Pool events that reveal or change a user's position, and which indexed topic names the user. Mirrors
 * the event declarations of {@code IPool.sol} (v3.0.x): signatures, and the position of the user among the indexed
 * arguments (topic 1 is the first indexed argument).
 *
 * <ul>
 *   <li>{@code Supply(reserve*, user, onBehalfOf*, amount, referralCode*)}: onBehalfOf, topic 2
 *   <li>{@code Borrow(reserve*, user, onBehalfOf*, amount, interestRateMode, borrowRate, referralCode*)}: topic 2
 *   <li>{@code Repay(reserve*, user*, repayer*, amount, useATokens)}: user, topic 2
 *   <li>{@code Withdraw(reserve*, user*, to*, amount)}: user, topic 2
 *   <li>{@code LiquidationCall(collateralAsset*, debtAsset*, user*, debtToCover, liquidatedCollateralAmount,
 *       liquidator, receiveAToken)}: user, topic 3
 *   <li>{@code ReserveUsedAsCollateralEnabled(reserve*, user*)} and {@code ...Disabled}: user, topic 2
 *   <li>{@code UserEModeSet(user*, categoryId)}: user, topic 1
 *   <li>{@code SwapBorrowRateMode(reserve*, user*, interestRateMode)}, {@code RebalanceStableBorrowRate(reserve*,
 *       user*)}: user, topic 2
 * </ul>
 */
public final class AavePoolEvents {
  private static final TypeReference<org.web3j.abi.datatypes.Address> ADDR_I = new TypeReference<>(true) {};
  private static final TypeReference<org.web3j.abi.datatypes.Address> ADDR = new TypeReference<>() {};
  private static final TypeReference<Uint256> U256 = new TypeReference<>() {};
  private static final TypeReference<Uint8> U8 = new TypeReference<>() {};
  private static final TypeReference<Uint16> U16_I = new TypeReference<>(true) {};
  private static final TypeReference<Bool> BOOL = new TypeReference<>() {};

  public static final Event SUPPLY = new Event("Supply", List.of(ADDR_I, ADDR, ADDR_I, U256, U16_I));
  public static final Event BORROW = new Event("Borrow", List.of(ADDR_I, ADDR, ADDR_I, U256, U8, U256, U16_I));
  public static final Event REPAY = new Event("Repay", List.of(ADDR_I, ADDR_I, ADDR_I, U256, BOOL));
  public static final Event WITHDRAW = new Event("Withdraw", List.of(ADDR_I, ADDR_I, ADDR_I, U256));
  public static final Event LIQUIDATION_CALL =
      new Event("LiquidationCall", List.of(ADDR_I, ADDR_I, ADDR_I, U256, U256, ADDR, BOOL));
  public static final Event COLLATERAL_ENABLED = new Event("ReserveUsedAsCollateralEnabled", List.of(ADDR_I, ADDR_I));
  public static final Event COLLATERAL_DISABLED =
      new Event("ReserveUsedAsCollateralDisabled", List.of(ADDR_I, ADDR_I));
  public static final Event USER_EMODE_SET = new Event("UserEModeSet", List.of(ADDR_I, U8));
  public static final Event SWAP_BORROW_RATE_MODE =
      new Event("SwapBorrowRateMode", List.of(ADDR_I, ADDR_I, U8));
  public static final Event REBALANCE_STABLE_BORROW_RATE =
      new Event("RebalanceStableBorrowRate", List.of(ADDR_I, ADDR_I));

  /** topic0 (event signature hash, lowercase 0x-hex) to the index of the topic holding the user. */
  private static final Map<String, Integer> USER_TOPIC =
      Map.of(
          EventEncoder.encode(SUPPLY), 2,
          EventEncoder.encode(BORROW), 2,
          EventEncoder.encode(REPAY), 2,
          EventEncoder.encode(WITHDRAW), 2,
          EventEncoder.encode(LIQUIDATION_CALL), 3,
          EventEncoder.encode(COLLATERAL_ENABLED), 2,
          EventEncoder.encode(COLLATERAL_DISABLED), 2,
          EventEncoder.encode(USER_EMODE_SET), 1,
          EventEncoder.encode(SWAP_BORROW_RATE_MODE), 2,
          EventEncoder.encode(REBALANCE_STABLE_BORROW_RATE), 2);

  /** Topic hash of {@code LiquidationCall}. */
  public static final String LIQUIDATION_CALL_TOPIC = EventEncoder.encode(LIQUIDATION_CALL);

  private AavePoolEvents() {}

  /**
   * Users named by position-changing events among {@code logs} emitted by {@code pool}; other logs are ignored.
   *
   * @param pool the Pool proxy address (logs from other contracts are skipped)
   */
  public static Set<Address> usersIn(List<Log> logs, Address pool) {
    Set<Address> users = new LinkedHashSet<>();
    for (Log log : logs) {
      if (log.getTopics() == null || log.getTopics().isEmpty() || log.isRemoved()) continue;
      if (!pool.equals(Address.of(log.getAddress()))) continue;
      Integer topic = USER_TOPIC.get(log.getTopics().get(0).toLowerCase(java.util.Locale.ROOT));
      if (topic == null || log.getTopics().size() <= topic) continue;
      users.add(Address.fromWord(log.getTopics().get(topic)));
    }
    return users;
  }
}
