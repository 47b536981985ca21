package dev.thetaflow.ib.codec;

/**
 * A decoded server → client message, TWS-shaped: TWS ids, tick types and sentinels as sent. Mapping
 * to {@code dev.thetaflow.core} types happens outside the codec.
 */
public sealed interface IncomingMessage
    permits NextValidId,
        ManagedAccounts,
        ErrorMessage,
        TickPrice,
        TickSize,
        TickOptionComputation,
        TickSnapshotEnd,
        TickGeneric,
        TickString,
        MarketDataType,
        TickReqParams,
        CurrentTime,
        OrderStatus,
        OpenOrder,
        CompletedOrder,
        ExecutionDetails,
        CommissionReport,
        Position,
        AccountSummary,
        SecDefOptParameter,
        RequestEnd,
        ContractDetails,
        AccountValue,
        PortfolioValue,
        AccountUpdateTime,
        AccountDownloadEnd,
        HistoricalData,
        UnhandledMessage {}
