// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";

/// @title CrossMarginVault
/// @notice The reference cross-margin derivatives vault: multi-asset collateral with haircuts, perpetual markets,
///         one margin pool per account, and permissionless partial liquidation.
///
/// Units: prices are the feeds' 8-decimal USD answers; position sizes are signed base-asset amounts in wad (1e18 =
/// one unit); every USD value (equity, requirements, cash, fees) is a wad (1e18 = 1 USD); ratios are basis points.
///
/// The math below is mirrored to the wei by the keeper (io.collateralkeeper.risk.VaultMath). Every division rounds
/// toward zero, in the order written here; change one and the keeper's parity test fails.
contract CrossMarginVault is Ownable, ReentrancyGuard, Multicall {
    using SafeERC20 for IERC20;

    uint256 public constant BPS = 10_000;
    uint256 public constant WAD = 1e18;
    /// @dev 1e8: the scale of a feed answer; also turns size(wad) x price(1e8) into a USD wad.
    uint256 public constant PRICE_UNIT = 1e8;
    uint256 private constant PRICE_TO_WAD = 1e10;

    struct Collateral {
        IERC20 token;
        AggregatorV3Interface feed;
        uint8 decimals;
        uint16 haircutBps;
    }

    struct Market {
        AggregatorV3Interface feed;
        uint16 initialMarginBps;
        uint16 maintenanceMarginBps;
        uint16 liquidationFeeBps;
    }

    struct Position {
        int256 size;
        uint256 entryPrice;
    }

    Collateral[] public collaterals;
    Market[] public markets;
    /// @notice Maximum age in seconds of a feed answer before state-changing calls that price it revert.
    uint256 public heartbeat;

    mapping(address => mapping(uint256 => uint256)) internal balances;
    mapping(address => int256) internal cash;
    mapping(address => mapping(uint256 => Position)) internal positions;

    event CollateralListed(uint256 indexed collateralId, address token, address feed, uint8 decimals, uint16 haircutBps);
    event MarketListed(
        uint256 indexed marketId, address feed, uint16 initialMarginBps, uint16 maintenanceMarginBps, uint16 liquidationFeeBps
    );
    event HeartbeatSet(uint256 heartbeat);
    event Deposited(address indexed account, uint256 indexed collateralId, uint256 amount);
    event Withdrawn(address indexed account, uint256 indexed collateralId, uint256 amount);
    event PositionChanged(
        address indexed account,
        uint256 indexed marketId,
        int256 sizeDelta,
        int256 newSize,
        uint256 entryPrice,
        uint256 price,
        int256 realizedPnl
    );
    event Liquidated(
        address indexed account,
        uint256 indexed marketId,
        address indexed liquidator,
        uint256 closedSize,
        uint256 price,
        int256 realizedPnl,
        uint256 fee,
        uint256 feePaid
    );
    event CollateralSeized(address indexed account, address indexed liquidator, uint256 indexed collateralId, uint256 amount);

    error UnknownCollateral(uint256 collateralId);
    error UnknownMarket(uint256 marketId);
    error InvalidParameter();
    error InvalidPrice(address feed, int256 answer);
    error StalePrice(address feed, uint256 updatedAt);
    error InsufficientBalance(uint256 collateralId, uint256 balance, uint256 amount);
    error InsufficientMargin(int256 equity, uint256 initialRequirement);
    error AccountHealthy(uint256 healthFactor);
    error NoPosition(uint256 marketId);

    constructor(uint256 heartbeat_) Ownable(msg.sender) {
        heartbeat = heartbeat_;
        emit HeartbeatSet(heartbeat_);
    }

    // ------------------------------------------------------------------ administration

    function listCollateral(address token, address feed, uint16 haircutBps) external onlyOwner returns (uint256 id) {
        if (haircutBps >= BPS || token == address(0) || feed == address(0)) revert InvalidParameter();
        id = collaterals.length;
        uint8 dec = IERC20Metadata(token).decimals();
        collaterals.push(Collateral(IERC20(token), AggregatorV3Interface(feed), dec, haircutBps));
        emit CollateralListed(id, token, feed, dec, haircutBps);
    }

    function listMarket(address feed, uint16 initialMarginBps, uint16 maintenanceMarginBps, uint16 liquidationFeeBps)
        external
        onlyOwner
        returns (uint256 id)
    {
        if (
            feed == address(0) || maintenanceMarginBps == 0 || initialMarginBps < maintenanceMarginBps
                || initialMarginBps > BPS || liquidationFeeBps >= maintenanceMarginBps
        ) revert InvalidParameter();
        id = markets.length;
        markets.push(Market(AggregatorV3Interface(feed), initialMarginBps, maintenanceMarginBps, liquidationFeeBps));
        emit MarketListed(id, feed, initialMarginBps, maintenanceMarginBps, liquidationFeeBps);
    }

    function setHeartbeat(uint256 heartbeat_) external onlyOwner {
        heartbeat = heartbeat_;
        emit HeartbeatSet(heartbeat_);
    }

    // ------------------------------------------------------------------ user actions

    function deposit(uint256 collateralId, uint256 amount) external nonReentrant {
        Collateral memory c = _collateral(collateralId);
        c.token.safeTransferFrom(msg.sender, address(this), amount);
        balances[msg.sender][collateralId] += amount;
        emit Deposited(msg.sender, collateralId, amount);
    }

    /// @notice Withdraws collateral; with open positions the account must still meet its initial margin.
    function withdraw(uint256 collateralId, uint256 amount) external nonReentrant {
        Collateral memory c = _collateral(collateralId);
        uint256 bal = balances[msg.sender][collateralId];
        if (bal < amount) revert InsufficientBalance(collateralId, bal, amount);
        balances[msg.sender][collateralId] = bal - amount;
        _requireInitialMargin(msg.sender);
        c.token.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, collateralId, amount);
    }

    /// @notice Trades sizeDelta (wad, signed: positive buys) of a market at its mark price. A trade that grows the
    ///         position must leave the account at or above its initial margin.
    function trade(uint256 marketId, int256 sizeDelta) external nonReentrant {
        Market memory m = _market(marketId);
        if (sizeDelta == 0) revert InvalidParameter();
        uint256 price = _freshPrice(m.feed);
        Position storage p = positions[msg.sender][marketId];
        int256 oldSize = p.size;
        int256 newSize = oldSize + sizeDelta;
        int256 realized;
        if (oldSize == 0 || (oldSize > 0) == (sizeDelta > 0)) {
            // Growing (or opening): volume-weighted entry price.
            uint256 oldAbs = _abs(oldSize);
            uint256 addAbs = _abs(sizeDelta);
            p.entryPrice = (oldAbs * p.entryPrice + addAbs * price) / (oldAbs + addAbs);
        } else {
            // Reducing, closing or flipping: realize the PnL of the closed part.
            uint256 closedAbs = _min(_abs(sizeDelta), _abs(oldSize));
            int256 closed = oldSize > 0 ? int256(closedAbs) : -int256(closedAbs);
            realized = _pnl(closed, price, p.entryPrice);
            cash[msg.sender] += realized;
            if (newSize == 0) p.entryPrice = 0;
            else if ((newSize > 0) != (oldSize > 0)) p.entryPrice = price;
        }
        p.size = newSize;
        if (_abs(newSize) > _abs(oldSize)) _requireInitialMargin(msg.sender);
        emit PositionChanged(msg.sender, marketId, sizeDelta, newSize, p.entryPrice, price, realized);
    }

    // ------------------------------------------------------------------ liquidation

    /// @notice Closes up to `size` (wad, unsigned) of `account`'s position in `marketId` at the mark price, when the
    ///         account's health factor is below 1. The caller receives the market's liquidation fee on the closed
    ///         notional, paid out of the account's collateral (collateral order, oracle price, no haircut), capped
    ///         by what the collateral is worth. Reverts on healthy accounts and on stale prices.
    function liquidate(address account, uint256 marketId, uint256 size) external nonReentrant returns (uint256 feePaid) {
        Market memory m = _market(marketId);
        if (size == 0) revert InvalidParameter();
        (int256 equity, uint256 maintenance,) = _accountValue(account, true);
        uint256 hf = _health(equity, maintenance);
        if (hf >= WAD) revert AccountHealthy(hf);
        (uint256 closedAbs, uint256 price, int256 realized) = _closeForLiquidation(account, marketId, m.feed, size);
        uint256 fee = closedAbs * price * m.liquidationFeeBps / (PRICE_UNIT * BPS);
        feePaid = _seize(account, msg.sender, fee);
        emit Liquidated(account, marketId, msg.sender, closedAbs, price, realized, fee, feePaid);
    }

    function _closeForLiquidation(address account, uint256 marketId, AggregatorV3Interface feed, uint256 size)
        internal
        returns (uint256 closedAbs, uint256 price, int256 realized)
    {
        Position storage p = positions[account][marketId];
        if (p.size == 0) revert NoPosition(marketId);
        price = _freshPrice(feed);
        closedAbs = _min(size, _abs(p.size));
        int256 closed = p.size > 0 ? int256(closedAbs) : -int256(closedAbs);
        realized = _pnl(closed, price, p.entryPrice);
        cash[account] += realized;
        p.size -= closed;
        if (p.size == 0) p.entryPrice = 0;
        emit PositionChanged(account, marketId, -closed, p.size, p.entryPrice, price, realized);
    }

    // ------------------------------------------------------------------ views

    function collateralCount() external view returns (uint256) {
        return collaterals.length;
    }

    function marketCount() external view returns (uint256) {
        return markets.length;
    }

    /// @notice The whole state of one account: collateral balances (token units, by collateral id), cash (USD wad,
    ///         realized PnL), position sizes (wad, by market id) and entry prices (8 decimals, by market id).
    function getAccount(address account)
        external
        view
        returns (uint256[] memory collateralBalances, int256 cashBalance, int256[] memory sizes, uint256[] memory entryPrices)
    {
        uint256 nc = collaterals.length;
        uint256 nm = markets.length;
        collateralBalances = new uint256[](nc);
        sizes = new int256[](nm);
        entryPrices = new uint256[](nm);
        for (uint256 i = 0; i < nc; i++) {
            collateralBalances[i] = balances[account][i];
        }
        for (uint256 j = 0; j < nm; j++) {
            Position memory p = positions[account][j];
            sizes[j] = p.size;
            entryPrices[j] = p.entryPrice;
        }
        cashBalance = cash[account];
    }

    /// @notice Equity (USD wad, haircut collateral + cash + unrealized PnL), maintenance and initial requirements
    ///         (USD wad), at the feeds' latest answers whatever their age.
    function accountValue(address account)
        external
        view
        returns (int256 equity, uint256 maintenanceRequirement, uint256 initialRequirement)
    {
        return _accountValue(account, false);
    }

    /// @notice Health factor (wad): equity / maintenance requirement; 0 when equity <= 0; uint256 max without
    ///         positions. The account is liquidatable below 1e18.
    function healthFactor(address account) external view returns (uint256) {
        (int256 equity, uint256 maintenance,) = _accountValue(account, false);
        return _health(equity, maintenance);
    }

    // ------------------------------------------------------------------ internals

    function _accountValue(address account, bool requireFresh)
        internal
        view
        returns (int256 equity, uint256 maintenance, uint256 initial)
    {
        uint256 nc = collaterals.length;
        for (uint256 i = 0; i < nc; i++) {
            uint256 bal = balances[account][i];
            if (bal == 0) continue;
            Collateral memory c = collaterals[i];
            uint256 price = _price(c.feed, requireFresh);
            equity += int256(bal * price * (BPS - c.haircutBps) * PRICE_TO_WAD / (10 ** c.decimals * BPS));
        }
        equity += cash[account];
        uint256 nm = markets.length;
        for (uint256 j = 0; j < nm; j++) {
            Position memory p = positions[account][j];
            if (p.size == 0) continue;
            Market memory m = markets[j];
            uint256 price = _price(m.feed, requireFresh);
            equity += _pnl(p.size, price, p.entryPrice);
            uint256 notional = _abs(p.size) * price;
            maintenance += notional * m.maintenanceMarginBps / (PRICE_UNIT * BPS);
            initial += notional * m.initialMarginBps / (PRICE_UNIT * BPS);
        }
    }

    function _health(int256 equity, uint256 maintenance) internal pure returns (uint256) {
        if (maintenance == 0) return type(uint256).max;
        if (equity <= 0) return 0;
        return uint256(equity) * WAD / maintenance;
    }

    function _requireInitialMargin(address account) internal view {
        (int256 equity,, uint256 initial) = _accountValue(account, true);
        if (initial > 0 && equity < int256(initial)) revert InsufficientMargin(equity, initial);
    }

    /// @dev Pays `fee` (USD wad) from the account's collateral in id order at oracle prices; returns what was paid.
    function _seize(address account, address to, uint256 fee) internal returns (uint256 paid) {
        uint256 nc = collaterals.length;
        for (uint256 i = 0; i < nc && paid < fee; i++) {
            uint256 bal = balances[account][i];
            if (bal == 0) continue;
            Collateral memory c = collaterals[i];
            uint256 price = _price(c.feed, true);
            uint256 unit = 10 ** c.decimals;
            uint256 value = bal * price * PRICE_TO_WAD / unit;
            uint256 amount = bal;
            if (value > fee - paid) {
                amount = (fee - paid) * unit / (price * PRICE_TO_WAD);
                value = amount * price * PRICE_TO_WAD / unit;
            }
            if (amount == 0) continue;
            balances[account][i] = bal - amount;
            paid += value;
            c.token.safeTransfer(to, amount);
            emit CollateralSeized(account, to, i, amount);
        }
    }

    function _pnl(int256 size, uint256 price, uint256 entryPrice) internal pure returns (int256) {
        return size * (int256(price) - int256(entryPrice)) / int256(PRICE_UNIT);
    }

    function _freshPrice(AggregatorV3Interface feed) internal view returns (uint256) {
        return _price(feed, true);
    }

    function _price(AggregatorV3Interface feed, bool requireFresh) internal view returns (uint256) {
        (, int256 answer,, uint256 updatedAt,) = feed.latestRoundData();
        if (answer <= 0) revert InvalidPrice(address(feed), answer);
        if (requireFresh && updatedAt + heartbeat < block.timestamp) revert StalePrice(address(feed), updatedAt);
        return uint256(answer);
    }

    function _collateral(uint256 id) internal view returns (Collateral memory) {
        if (id >= collaterals.length) revert UnknownCollateral(id);
        return collaterals[id];
    }

    function _market(uint256 id) internal view returns (Market memory) {
        if (id >= markets.length) revert UnknownMarket(id);
        return markets[id];
    }

    function _abs(int256 x) internal pure returns (uint256) {
        return x >= 0 ? uint256(x) : uint256(-x);
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }
}
