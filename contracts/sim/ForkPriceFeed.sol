// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.24;

/// @title ForkPriceFeed
/// @notice Installed by `keeper simulate` over a price feed's address on a local fork (anvil_setCode) to shock its
///         price. It has no setter: its one round lives in fixed storage slots that the fork's anvil_setStorageAt
///         writes (slot 0 roundId, 1 answer, 2 startedAt, 3 updatedAt, 4 decimals), so nothing on chain can change it.
///         Serves Chainlink's AggregatorV3Interface and the legacy latestAnswer / latestTimestamp / latestRound that
///         Aave V3's AaveOracle reads.
contract ForkPriceFeed {
    uint256 private roundId_;
    int256 private answer_;
    uint256 private startedAt_;
    uint256 private updatedAt_;
    uint256 private decimals_;

    error NoSuchRound(uint80 roundId);

    function decimals() external view returns (uint8) {
        return uint8(decimals_);
    }

    function description() external pure returns (string memory) {
        return "keeper simulate: shocked price";
    }

    function version() external pure returns (uint256) {
        return 4;
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (uint80(roundId_), answer_, startedAt_, updatedAt_, uint80(roundId_));
    }

    /// @notice Only the shocked round exists.
    function getRoundData(uint80 roundId) external view returns (uint80, int256, uint256, uint256, uint80) {
        if (roundId != roundId_) revert NoSuchRound(roundId);
        return (roundId, answer_, startedAt_, updatedAt_, roundId);
    }

    function latestAnswer() external view returns (int256) {
        return answer_;
    }

    function latestTimestamp() external view returns (uint256) {
        return updatedAt_;
    }

    function latestRound() external view returns (uint256) {
        return roundId_;
    }
}
