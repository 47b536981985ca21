package dev.thetaflow.core.config;

/**
 * Portfolio limits the risk gate enforces before every order. All are required: a limit on real
 * money should be a decision written down, not a default nobody read. Money is in the account's
 * currency.
 *
 * @param maxOpenStrategies most strategies open at once, 1 to 1000
 * @param maxLossPerDay realised plus unrealised loss in one trading day after which entries stop,
 *     greater than 0 and up to 1,000,000,000
 * @param maxPortfolioDeltaPer100k largest absolute portfolio delta (in shares of the underlying)
 *     per 100,000 of net liquidation value, greater than 0 and up to 100,000
 * @param maxContractsPerOrder most contracts in a single order (per leg), 1 to 10,000
 */
public record RiskConfig(
    int maxOpenStrategies,
    double maxLossPerDay,
    double maxPortfolioDeltaPer100k,
    int maxContractsPerOrder) {

  static final IntegerRange OPEN_STRATEGIES = new IntegerRange(1, 1_000);
  static final DecimalRange LOSS_PER_DAY = DecimalRange.positiveUpTo(1e9);
  static final DecimalRange DELTA_PER_100K = DecimalRange.positiveUpTo(100_000);
  static final IntegerRange CONTRACTS_PER_ORDER = new IntegerRange(1, 10_000);

  public RiskConfig {
    OPEN_STRATEGIES.require("maxOpenStrategies", maxOpenStrategies);
    LOSS_PER_DAY.require("maxLossPerDay", maxLossPerDay);
    DELTA_PER_100K.require("maxPortfolioDeltaPer100k", maxPortfolioDeltaPer100k);
    CONTRACTS_PER_ORDER.require("maxContractsPerOrder", maxContractsPerOrder);
  }

  static RiskConfig read(ConfigSection s) {
    int openStrategies = s.integer("maxOpenStrategies", OPEN_STRATEGIES);
    double lossPerDay = s.decimal("maxLossPerDay", LOSS_PER_DAY);
    double deltaPer100k = s.decimal("maxPortfolioDeltaPer100k", DELTA_PER_100K);
    int contractsPerOrder = s.integer("maxContractsPerOrder", CONTRACTS_PER_ORDER);
    return s.build(
        () -> new RiskConfig(openStrategies, lossPerDay, deltaPer100k, contractsPerOrder));
  }
}
