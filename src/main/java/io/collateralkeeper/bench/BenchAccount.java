package io.collateralkeeper.bench;

import io.collateralkeeper.domain.Address;
import io.collateralkeeper.risk.VaultAccount;

/**
 * One account of the benchmark book, as it is written into the vault.
 *
 * @param address the account
 * @param state its balances (token units), cash (0), position sizes (signed wad) and entry prices (USD 8 decimals)
 */
public record BenchAccount(Address address, VaultAccount state) {}
