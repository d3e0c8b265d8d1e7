package io.collateralkeeper.protect;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.strategy.protect.ActionKind;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What an included protect transaction did, checked against its plan.
 *
 * @param account the account
 * @param kind the action
 * @param block the block it was included in
 * @param success receipt status
 * @param plannedSpend token units the plan took out of the wallet (0 for reduce and withdrawal)
 * @param actualSpend token units the receipt's ERC-20 transfers took out of the wallet
 * @param plannedHealth the health the plan expected, wad (empty after a restart: plans live in memory)
 * @param landedHealth the account's health after inclusion re-evaluated at the prices it was sized with, wad
 * @param onChainHealth the protocol's own view of the account's health at the inclusion block, wad
 * @param ok true when it landed at or above the planned health without spending more than planned
 */
public record Landing(
    Address account,
    ActionKind kind,
    long block,
    boolean success,
    BigInteger plannedSpend,
    BigInteger actualSpend,
    Optional<BigInteger> plannedHealth,
    Optional<BigInteger> landedHealth,
    BigInteger onChainHealth,
    boolean ok) {}
