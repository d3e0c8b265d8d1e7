// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {AggregatorV3Interface} from "../interfaces/AggregatorV3Interface.sol";

/// @title MockAggregator
/// @notice A settable Chainlink-compatible price feed for development chains. Every update opens a new round and
///         keeps the old ones, so getRoundData serves the whole history (used for volatility estimates).
contract MockAggregator is AggregatorV3Interface, Ownable {
    struct Round {
        int256 answer;
        uint64 startedAt;
        uint64 updatedAt;
    }

    uint8 public immutable override decimals;
    string public override description;
    uint80 public latestRound;
    mapping(uint80 => Round) private rounds;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);

    error NoSuchRound(uint80 roundId);

    constructor(uint8 decimals_, string memory description_, int256 initialAnswer) Ownable(msg.sender) {
        decimals = decimals_;
        description = description_;
        _push(initialAnswer, block.timestamp);
    }

    function version() external pure override returns (uint256) {
        return 4;
    }

    /// @notice Publishes a new answer, timestamped with the current block.
    function setAnswer(int256 answer) external onlyOwner {
        _push(answer, block.timestamp);
    }

    /// @notice Publishes a new answer with an explicit updatedAt (to model stale or delayed feeds in tests).
    function setAnswerAt(int256 answer, uint256 updatedAt) external onlyOwner {
        _push(answer, updatedAt);
    }

    function getRoundData(uint80 roundId)
        external
        view
        override
        returns (uint80, int256, uint256, uint256, uint80)
    {
        if (roundId == 0 || roundId > latestRound) revert NoSuchRound(roundId);
        Round memory r = rounds[roundId];
        return (roundId, r.answer, r.startedAt, r.updatedAt, roundId);
    }

    function latestRoundData() external view override returns (uint80, int256, uint256, uint256, uint80) {
        Round memory r = rounds[latestRound];
        return (latestRound, r.answer, r.startedAt, r.updatedAt, latestRound);
    }

    /// @notice The latest answer through Chainlink's legacy AggregatorInterface, which Aave V3's AaveOracle reads.
    function latestAnswer() external view returns (int256) {
        return rounds[latestRound].answer;
    }

    /// @notice The latest answer's updatedAt through Chainlink's legacy AggregatorInterface.
    function latestTimestamp() external view returns (uint256) {
        return rounds[latestRound].updatedAt;
    }

    function _push(int256 answer, uint256 updatedAt) private {
        uint80 id = latestRound + 1;
        latestRound = id;
        rounds[id] = Round(answer, uint64(block.timestamp), uint64(updatedAt));
        emit NewRound(id, msg.sender, block.timestamp);
        emit AnswerUpdated(answer, id, updatedAt);
    }
}
