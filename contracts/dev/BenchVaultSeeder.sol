// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.24;

import {CrossMarginVault} from "../CrossMarginVault.sol";

/// @title BenchVaultSeeder
/// @notice Development chains only: writes many accounts into a CrossMarginVault's storage at once, for benchmarks.
///         Its runtime code is put at a deployed vault's address (anvil_setCode) while seeding and the vault's own
///         code is put back afterwards: inheriting the vault gives the same storage layout, and the vault has no
///         immutables. Each write emits the event the vault's own function emits (Deposited for a deposit,
///         PositionChanged for a trade), so a keeper indexing the vault's history finds the accounts.
///         It moves no tokens: whoever seeds mints the totals to the vault so liquidations can pay out.
contract BenchVaultSeeder is CrossMarginVault {
    /// @notice One account to write. balances: token units by collateral id; sizes: signed wad by market id;
    ///         entryPrices: 8 decimals by market id (the price the PositionChanged event reports the trade at).
    struct SeedAccount {
        address account;
        uint256[] balances;
        int256[] sizes;
        uint256[] entryPrices;
    }

    constructor() CrossMarginVault(0) {}

    /// @notice Adds each account's balances (as deposits) and opens its positions (as trades from zero at the entry
    ///         price). Only the vault's owner may call it.
    function seed(SeedAccount[] calldata accounts) external onlyOwner {
        uint256 nc = collaterals.length;
        uint256 nm = markets.length;
        for (uint256 k = 0; k < accounts.length; k++) {
            SeedAccount calldata a = accounts[k];
            if (a.balances.length != nc || a.sizes.length != nm || a.entryPrices.length != nm) revert InvalidParameter();
            for (uint256 i = 0; i < nc; i++) {
                uint256 amount = a.balances[i];
                if (amount == 0) continue;
                balances[a.account][i] += amount;
                emit Deposited(a.account, i, amount);
            }
            for (uint256 j = 0; j < nm; j++) {
                int256 size = a.sizes[j];
                if (size == 0) continue;
                Position storage p = positions[a.account][j];
                if (p.size != 0) revert InvalidParameter();
                p.size = size;
                p.entryPrice = a.entryPrices[j];
                emit PositionChanged(a.account, j, size, size, a.entryPrices[j], a.entryPrices[j], 0);
            }
        }
    }

    /// @notice Adds `amount` (token units) of collateral `collateralId` to each account, as a deposit would. Only the
    ///         vault's owner may call it.
    function bump(address[] calldata accounts, uint256 collateralId, uint256 amount) external onlyOwner {
        if (collateralId >= collaterals.length || amount == 0) revert InvalidParameter();
        for (uint256 k = 0; k < accounts.length; k++) {
            balances[accounts[k]][collateralId] += amount;
            emit Deposited(accounts[k], collateralId, amount);
        }
    }
}
