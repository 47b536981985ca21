package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.alert.Alert;
import dev.thetaflow.core.alert.Severity;
import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.command.Command;
import dev.thetaflow.core.command.CommandAction;
import dev.thetaflow.core.command.CommandException;
import dev.thetaflow.core.decision.Decision;
import dev.thetaflow.core.instrument.Leg;
import dev.thetaflow.core.order.OrderAction;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.rules.PortfolioLimits;
import dev.thetaflow.core.rules.RuleParams;
import dev.thetaflow.core.rules.RulesSpec;
import dev.thetaflow.ib.client.ConnectionOptions;
import dev.thetaflow.ib.source.IbSource;
import dev.thetaflow.ib.source.IbSourceSettings;
import dev.thetaflow.jobs.commands.CommandRows;
import dev.thetaflow.jobs.commands.CommandsTable;
import dev.thetaflow.jobs.commands.StoredCommand;
import dev.thetaflow.jobs.decision.Confirmations;
import dev.thetaflow.jobs.wire.BrokerEventSerializer;
import dev.thetaflow.sinks.delta.DeltaSink;
import dev.thetaflow.sinks.delta.DeltaSinkSettings;
import dev.thetaflow.sinks.delta.DeltaTableSpec;
import dev.thetaflow.sinks.delta.RowConverter;
import dev.thetaflow.sinks.order.OrderSink;
import dev.thetaflow.sinks.tables.Tables;
import dev.thetaflow.sinks.tail.StartingPosition;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trading job's topology as far as it is built: broker events and commands in; strategies
 * resolved, routed their legs' quotes and their fills, opened and closed; orders out through the
 * order sink; the kill switch straight to it. Every stateful operator has a stable uid.
 */
public final class TradingTopology {
  private static final Logger LOG = LoggerFactory.getLogger(TradingTopology.class);

  private TradingTopology() {}

  /**
   * @param source the IB source (master client id)
   * @param orders the order sink's connection
   * @param lookup the contract lookup's connection
   * @param account the account strategies trade in
   * @param dataRoot where the Delta tables are (the commands table is followed)
   * @param commandsFrom where a start without state begins reading commands
   * @param lineage the Delta sinks' transaction-id lineage: the same across restores of one job
   *     (checkpoints, savepoints), a new one for a job started fresh over the same tables
   * @param strategies how strategies are marked and analysed
   * @param maxContractsPerOrder the risk gate's limit on any one leg of one order
   * @param decisions the exit and risk rules, their confirmations and the portfolio limits
   */
  public record Settings(
      IbSourceSettings source,
      ConnectionOptions orders,
      ConnectionOptions lookup,
      String account,
      String dataRoot,
      StartingPosition commandsFrom,
      String lineage,
      StrategyOperator.Settings strategies,
      int maxContractsPerOrder,
      DecisionSettings decisions)
      implements Serializable {}

  private static final OutputTag<CommandAction.OpenStrategy> OPENS =
      new OutputTag<>("opens", TypeInformation.of(CommandAction.OpenStrategy.class));
  private static final OutputTag<Alert> ACKNOWLEDGEMENTS =
      new OutputTag<>("acknowledgements", TypeInformation.of(Alert.class));
  private static final OutputTag<CommandAction.ReleaseStrategy> RELEASED =
      new OutputTag<>("released", TypeInformation.of(CommandAction.ReleaseStrategy.class));
  private static final OutputTag<Control> GATE =
      new OutputTag<>("gate-controls", TypeInformation.of(Control.class));

  /** Builds the topology; returns the strategies' snapshots. */
  public static DataStream<StrategySnapshot> build(StreamExecutionEnvironment env, Settings s) {
    // Every record type that flows here is immutable, and no function keeps or changes what it
    // receives, so chained operators may share objects: copying each snapshot into the next
    // operator was a third of the strategies operator's time (pipeline benchmark).
    env.getConfig().enableObjectReuse();
    DataStream<BrokerEvent> broker =
        env.fromSource(
                new IbSource(s.source()),
                WatermarkStrategy.noWatermarks(),
                "IB broker events",
                BrokerEventSerializer.TYPE)
            .uid("ib-source")
            .setParallelism(1);
    DataStream<StoredCommand> stored =
        env.fromSource(
                CommandsTable.source(s.dataRoot(), s.commandsFrom(), Duration.ofMillis(500)),
                WatermarkStrategy.noWatermarks(),
                "commands")
            .uid("commands-source")
            .setParallelism(1);

    SingleOutputStreamOperator<StrategyInput> closes =
        stored.process(new SplitCommands()).uid("split-commands").name("Split commands");
    DataStream<StrategyInput> opened =
        AsyncDataStream.unorderedWait(
                closes.getSideOutput(OPENS),
                new ResolveStrategy(s.lookup(), s.account(), s.strategies().market()),
                60,
                TimeUnit.SECONDS,
                10)
            .uid("resolve-strategies")
            .name("Resolve strategies");

    DataStream<Control> controls = closes.getSideOutput(GATE);
    DataStream<OrderUpdate> brokerOrders =
        beside(broker, OrderTracker::tracked, "Order statuses and fills")
            .keyBy(OrderTracker::permIdOf)
            .process(new OrderTracker())
            .uid("order-tracker")
            .name("Orders as the broker reports them");
    long vixConId = s.decisions().vixConId();
    DataStream<Control> vix =
        beside(
                broker,
                e -> e instanceof BrokerEvent.QuoteEvent q && q.quote().conId() == vixConId,
                "VIX quotes")
            .map(e -> vixLevel(((BrokerEvent.QuoteEvent) e).quote()))
            .returns(Control.class)
            .setParallelism(broker.getParallelism())
            .filter(c -> c.value() > 0)
            .setParallelism(broker.getParallelism())
            .name("VIX");
    Strategies keyed =
        strategies(
            broker,
            opened,
            closes,
            controls.union(vix),
            brokerOrders,
            closes.getSideOutput(RELEASED),
            new StrategyOperator(
                s.strategies(),
                s.maxContractsPerOrder(),
                s.decisions().rules(),
                s.decisions().nearTrigger()));
    SingleOutputStreamOperator<StrategySnapshot> strategies = keyed.snapshots();
    DataStream<Decision> portfolioDecisions = null;
    if (s.decisions().portfolioLimits() != null) {
      RulesSpec.Entry limits = s.decisions().portfolioLimits();
      // recorded snapshots only (each change of state or fill, marks at most every 5 s): limits on
      // a whole portfolio do not need every tick, and one task hears every strategy
      SingleOutputStreamOperator<PortfolioRisk> risk =
          PortfolioOperator.attach(
              strategies.filter(StrategySnapshot::recorded).name("Recorded for the portfolio"),
              broker,
              PortfolioLimits.from(new RuleParams(limits.path(), limits.params())),
              Duration.ofSeconds(1),
              Duration.ofSeconds(30));
      table(risk, s, Tables.PORTFOLIO_RISK, new PortfolioRiskRows(s.lineage()));
      portfolioDecisions = risk.getSideOutput(PortfolioOperator.DECISIONS);
    }
    SingleOutputStreamOperator<DecisionEvent> decided =
        decisions(
            strategies,
            opened,
            controls,
            portfolioDecisions,
            s.maxContractsPerOrder(),
            s.decisions());
    table(decided, s, Tables.DECISIONS, new DecisionRows(s.lineage()));
    // a roll's reopening goes round through the commands table: opening is upstream of here
    // and a closed strategy's release of its instruments: the router is upstream too
    table(
        decided
            .getSideOutput(DecisionExecutor.ROLLS)
            .union(strategies.getSideOutput(StrategyOperator.RELEASES)),
        s,
        Tables.COMMANDS,
        new CommandRows(s.lineage()));

    table(
        strategies.filter(StrategySnapshot::recorded).name("Recorded snapshots"),
        s,
        Tables.STRATEGIES,
        new StrategyRows(s.lineage()));
    table(
        keyed
            .marketData()
            .keyBy(MarketSnapshot::conId)
            .process(new MarketDataThrottle(s.strategies().greeksInterval()))
            .uid("market-data-throttle")
            .name("One market row per instrument and interval"),
        s,
        Tables.MARKET_DATA,
        new MarketDataRows(s.lineage()));
    table(only(broker, FillEvent.class), s, Tables.TRADES, new TradeRows(s.lineage()));
    table(
        only(broker, BrokerEvent.PositionEvent.class),
        s,
        Tables.POSITIONS,
        new TableRows.Positions(s.lineage()));
    table(
        only(broker, BrokerEvent.AccountValueEvent.class),
        s,
        Tables.ACCOUNT,
        new TableRows.Account(s.lineage()));

    SingleOutputStreamOperator<OrderAction> gated =
        strategies
            .getSideOutput(StrategyOperator.ORDERS)
            .union(decided.getSideOutput(StrategyOperator.ORDERS))
            .connect(controls)
            .process(new RiskGate(s.maxContractsPerOrder()))
            .uid("risk-gate")
            .name("Risk gate")
            .setParallelism(1);
    gated
        .sinkTo(new OrderSink(s.orders(), Duration.ofSeconds(20)))
        .uid("order-sink")
        .name("Order sink")
        .setParallelism(1);
    DataStream<Alert> alerts =
        strategies
            .getSideOutput(StrategyOperator.ALERTS)
            .union(
                decided.getSideOutput(DecisionExecutor.ALERTS),
                gated
                    .getSideOutput(RiskGate.DECISIONS)
                    .union(strategies.getSideOutput(StrategyOperator.REFUSALS))
                    .flatMap(
                        (OrderUpdate u, Collector<Alert> out) -> {
                          Alert a = Alerts.refused(u);
                          if (a != null) {
                            out.collect(a);
                          }
                        })
                    .returns(Alert.class)
                    .name("Refusal alerts"),
                only(broker, BrokerEvent.ConnectionEvent.class)
                    .map(Alerts::connection)
                    .returns(Alert.class)
                    .name("Connection alerts"));
    // acknowledgements are rows of the table, not news to send
    table(
        alerts.union(closes.getSideOutput(ACKNOWLEDGEMENTS)),
        s,
        Tables.ALERTS,
        new AlertRows(s.lineage()));
    if (s.decisions().notifications() != null) {
      alerts
          .sinkTo(s.decisions().notifications())
          .uid("notifications")
          .name("Notifications")
          .setParallelism(1); // one writer: deduplication and the rate limit are its own
    }
    table(
        gated
            .getSideOutput(RiskGate.DECISIONS)
            .union(
                strategies.getSideOutput(StrategyOperator.REFUSALS),
                decided.getSideOutput(StrategyOperator.REFUSALS),
                brokerOrders),
        s,
        Tables.ORDERS,
        new OrderRows(s.lineage()));
    return strategies;
  }

  /**
   * Where each strategy's decisions become orders ({@link DecisionExecutor}, keyed by strategy):
   * its rules' and a person's decisions and its status from the strategies' operator, and the
   * trailing stop's and stop loss's breaches once the CEP stage confirmed them ({@link
   * Confirmations}), and the portfolio limits' reductions (null: none). Orders leave on {@link
   * StrategyOperator#ORDERS}, refusals on {@link StrategyOperator#REFUSALS}, alerts on {@link
   * DecisionExecutor#ALERTS}; the main output is what was done, for the decisions table.
   */
  public static SingleOutputStreamOperator<DecisionEvent> decisions(
      SingleOutputStreamOperator<StrategySnapshot> strategies,
      DataStream<Control> controls,
      DataStream<Decision> portfolioDecisions,
      int maxContractsPerOrder,
      DecisionSettings settings) {
    return decisions(
        strategies, null, controls, portfolioDecisions, maxContractsPerOrder, settings);
  }

  /**
   * As above, and the resolved strategies ({@code opened}, null: none), whose structure a roll
   * reopens at a later expiry ({@link DecisionExecutor#ROLLS}); without them a roll only closes.
   */
  public static SingleOutputStreamOperator<DecisionEvent> decisions(
      SingleOutputStreamOperator<StrategySnapshot> strategies,
      DataStream<StrategyInput> opened,
      DataStream<Control> controls,
      DataStream<Decision> portfolioDecisions,
      int maxContractsPerOrder,
      DecisionSettings settings) {
    DataStream<Decision> confirmed =
        Confirmations.confirm(
            strategies.getSideOutput(StrategyOperator.SIGNALS), settings.confirmations());
    if (portfolioDecisions != null) {
      confirmed = confirmed.union(portfolioDecisions);
    }
    DataStream<ExecutorInput> decided =
        confirmed
            .map(d -> (ExecutorInput) new ExecutorInput.Decided(d))
            .returns(ExecutorInput.class)
            .name("Confirmed and portfolio decisions");
    if (opened != null) {
      decided =
          decided.union(
              opened
                  .map(
                      in ->
                          (ExecutorInput)
                              new ExecutorInput.Opened(((StrategyInput.Open) in).strategy()))
                  .returns(ExecutorInput.class)
                  .name("Strategies opened"));
    }
    return strategies
        .getSideOutput(StrategyOperator.EXECUTOR)
        .union(decided)
        .keyBy(ExecutorInput::strategyId)
        .connect(controls.broadcast(StrategyOperator.SWITCHES))
        .process(new DecisionExecutor(maxContractsPerOrder, ACK_TIMEOUT))
        .uid("decision-executor")
        .name("Decision executor");
  }

  /** An order the broker has not reported in this long is sent again (same reference). */
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The strategies' operator (its snapshots, with its side outputs) and the options' solved market
   * for the market_data table.
   */
  public record Strategies(
      SingleOutputStreamOperator<StrategySnapshot> snapshots,
      DataStream<MarketSnapshot> marketData) {}

  /**
   * The keyed heart of the job, without its sources and sinks: each resolved strategy registers its
   * legs with the router, which sends it its legs' quotes, and its options with the Greeks
   * operator, which sends it their Greeks (solved once per option for all holders); fills and its
   * orders' fates come to it by their order reference; commands close it; controls (kill switch,
   * paused entries, close all) are broadcast to every strategy. Orders leave on {@link
   * StrategyOperator#ORDERS}. The pipeline benchmark drives exactly this.
   *
   * @param broker the broker's events (quotes and fills are used here)
   * @param opened resolved strategies to open
   * @param closes strategies to close
   * @param controls commands to every strategy
   * @param brokerOrders the strategies' orders as the broker reports them
   */
  public static Strategies strategies(
      DataStream<BrokerEvent> broker,
      DataStream<StrategyInput> opened,
      DataStream<StrategyInput> closes,
      DataStream<Control> controls,
      DataStream<OrderUpdate> brokerOrders,
      StrategyOperator operator) {
    return strategies(broker, opened, closes, controls, brokerOrders, null, operator);
  }

  /**
   * As above, and closed strategies' releases read back from the commands table ({@code released},
   * null: none): the router and the Greeks operator stop sending them their instruments' market.
   */
  public static Strategies strategies(
      DataStream<BrokerEvent> broker,
      DataStream<StrategyInput> opened,
      DataStream<StrategyInput> closes,
      DataStream<Control> controls,
      DataStream<OrderUpdate> brokerOrders,
      DataStream<CommandAction.ReleaseStrategy> released,
      StrategyOperator operator) {
    DataStream<LegRouter.Registration> registrations =
        opened
            .flatMap(
                (StrategyInput in, Collector<LegRouter.Registration> out) -> {
                  StrategyInput.Open open = (StrategyInput.Open) in;
                  long underlying = open.underlyingConId();
                  out.collect(
                      new LegRouter.Registration(underlying, underlying, open.strategyId(), true));
                  for (Leg leg : open.strategy().legs()) {
                    out.collect(
                        new LegRouter.Registration(
                            leg.contract().conId(), underlying, open.strategyId(), true));
                  }
                })
            .returns(LegRouter.Registration.class)
            .name("Leg registrations");
    if (released != null) {
      registrations =
          registrations.union(
              released
                  .flatMap(
                      (CommandAction.ReleaseStrategy r, Collector<LegRouter.Registration> out) -> {
                        long underlying = r.underlyingConId();
                        out.collect(
                            new LegRouter.Registration(
                                underlying, underlying, r.strategyId(), false));
                        for (long conId : r.conIds()) {
                          out.collect(
                              new LegRouter.Registration(conId, underlying, r.strategyId(), false));
                        }
                      })
                  .returns(LegRouter.Registration.class)
                  .name("Leg releases"));
    }
    SingleOutputStreamOperator<LegRouter.Routed> routed =
        registrations
            .keyBy(LegRouter.Registration::conId)
            .connect(beside(broker, LegRouter::routed, "Quotes").keyBy(LegRouter::conIdOf))
            .process(new LegRouter())
            .uid("leg-router")
            .name("Route leg quotes");
    DataStream<StrategyInput> marks =
        routed.map(LegRouter.Routed::toInput).returns(StrategyInput.class);
    DataStream<GreeksInput> holdings =
        opened
            .map(
                in -> {
                  StrategyInput.Open open = (StrategyInput.Open) in;
                  return (GreeksInput)
                      new GreeksInput.Holding(
                          open.underlyingConId(),
                          open.strategyId(),
                          open.strategy().legs().stream()
                              .map(Leg::contract)
                              .filter(c -> c.isOption())
                              .toList());
                })
            .returns(GreeksInput.class)
            .name("Options held");
    if (released != null) {
      holdings =
          holdings.union(
              released
                  .map(
                      r ->
                          (GreeksInput)
                              new GreeksInput.Released(r.underlyingConId(), r.strategyId()))
                  .returns(GreeksInput.class)
                  .name("Options released"));
    }
    SingleOutputStreamOperator<StrategyInput> solved =
        routed
            .getSideOutput(LegRouter.GREEKS)
            .union(holdings)
            .keyBy(GreeksInput::underlyingConId)
            .process(new GreeksOperator(operator.settings()))
            .uid("option-greeks")
            .name("Option Greeks");
    DataStream<StrategyInput> fills =
        beside(
                broker,
                e -> e instanceof FillEvent f && f.fill().orderRef() != null,
                "Strategies' fills")
            .map(
                e -> {
                  FillEvent f = (FillEvent) e;
                  return (StrategyInput)
                      new StrategyInput.Filled(f.fill().orderRef().strategyId(), f.fill());
                })
            .returns(StrategyInput.class)
            .setParallelism(broker.getParallelism());

    DataStream<StrategyInput> orderChanges =
        brokerOrders
            .map(
                u ->
                    (StrategyInput)
                        new StrategyInput.OrderChanged(
                            u.strategyId(),
                            OrderRef.parse(u.orderRef()),
                            u.status(),
                            u.contractsFilled(),
                            u.time()))
            .returns(StrategyInput.class)
            .name("Order changes")
            // chained to whatever reports them: a rebalance between would let one order's
            // SUBMITTED overtake its CANCELLED (the keyBy after it keeps each subtask's order)
            .setParallelism(brokerOrders.getParallelism());
    DataStream<StrategyBroadcast> broadcasts =
        routed
            .getSideOutput(LegRouter.HOLDERS)
            .union(
                controls
                    .map(c -> (StrategyBroadcast) new StrategyBroadcast.Controlled(c))
                    .returns(StrategyBroadcast.class)
                    .name("Controls for every strategy"));
    SingleOutputStreamOperator<StrategySnapshot> snapshots =
        opened
            .union(closes, marks, fills, orderChanges, solved)
            .keyBy(StrategyInput::strategyId)
            .connect(broadcasts.broadcast())
            .transform(
                "Strategies",
                TypeInformation.of(StrategySnapshot.class),
                new StrategiesOperator(operator))
            .uid("strategies")
            .name("Strategies");
    return new Strategies(snapshots, solved.getSideOutput(GreeksOperator.MARKET_DATA));
  }

  /**
   * VIX's level from a quote: the mid when two-sided, else the last value (an index has no book).
   */
  private static Control vixLevel(dev.thetaflow.core.market.Quote q) {
    double level = q.isTwoSided() && q.bid() > 0 && q.ask() >= q.bid() ? q.mid() : q.last();
    return Control.vix(Double.isNaN(level) ? 0 : level, q.time());
  }

  /** Broker events of one kind. */
  private static <T extends BrokerEvent> DataStream<T> only(
      DataStream<BrokerEvent> broker, Class<T> kind) {
    return beside(broker, kind::isInstance, kind.getSimpleName() + "s")
        .map(kind::cast)
        .returns(kind)
        .name(kind.getSimpleName() + "s")
        .setParallelism(broker.getParallelism());
  }

  /**
   * The broker events that pass {@code filter}, filtered in the source's task (same parallelism, so
   * chained): each consumer of the broker's stream sees all of it, and a filter at the job's
   * parallelism would take every quote across the network only to drop it.
   */
  static SingleOutputStreamOperator<BrokerEvent> beside(
      DataStream<BrokerEvent> broker, FilterFunction<BrokerEvent> filter, String name) {
    return broker.filter(filter).name(name).setParallelism(broker.getParallelism());
  }

  /**
   * Writes {@code rows} into {@code table} under the data root, exactly once, one writer: the uid
   * is the table's name, so it stays stable across upgrades.
   */
  private static <T> void table(
      DataStream<T> rows, Settings s, DeltaTableSpec table, RowConverter<T> converter) {
    rows.sinkTo(
            new DeltaSink<>(
                new DeltaSinkSettings<>(
                    root(s.dataRoot()) + table.name(),
                    table,
                    converter,
                    table.name() + "-" + s.lineage(),
                    10_000)))
        .uid(table.name() + "-table")
        .name("Delta " + table.name())
        .setParallelism(1);
  }

  private static String root(String dataRoot) {
    return dataRoot.endsWith("/") ? dataRoot : dataRoot + "/";
  }

  /** Parsed commands: opens to resolution, closes to the strategies, the kill switch to orders. */
  private static final class SplitCommands extends ProcessFunction<StoredCommand, StrategyInput> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StoredCommand stored, Context ctx, Collector<StrategyInput> out) {
      Command command;
      try {
        command = stored.parse();
      } catch (CommandException e) {
        LOG.error("command {} refused: {}", stored.commandId(), e.getMessage());
        return;
      }
      CommandAction a = command.action();
      if (a instanceof CommandAction.OpenStrategy open) {
        ctx.output(OPENS, open);
      } else if (a instanceof CommandAction.CloseStrategy close) {
        out.collect(
            new StrategyInput.Close(close.strategyId(), close.reason(), command.issuedAt()));
      } else if (a instanceof CommandAction.KillSwitch kill) {
        ctx.output(GATE, new Control(Control.Kind.KILL, kill.reason(), command.issuedAt()));
      } else if (a instanceof CommandAction.ReleaseKillSwitch release) {
        ctx.output(GATE, new Control(Control.Kind.RELEASE, release.reason(), command.issuedAt()));
      } else if (a instanceof CommandAction.CloseAll all) {
        ctx.output(GATE, new Control(Control.Kind.CLOSE_ALL, all.reason(), command.issuedAt()));
      } else if (a instanceof CommandAction.PauseEntries pause) {
        ctx.output(
            GATE, new Control(Control.Kind.PAUSE_ENTRIES, pause.reason(), command.issuedAt()));
      } else if (a instanceof CommandAction.ResumeEntries resume) {
        ctx.output(
            GATE, new Control(Control.Kind.RESUME_ENTRIES, resume.reason(), command.issuedAt()));
      } else if (a instanceof CommandAction.ReleaseStrategy release) {
        ctx.output(RELEASED, release);
      } else if (a instanceof CommandAction.AcknowledgeAlert ack) {
        ctx.output(
            ACKNOWLEDGEMENTS,
            new Alert(
                ack.alertId(),
                command.issuedAt(),
                Severity.INFO,
                "command " + command.commandId(),
                AlertRows.ACKNOWLEDGED,
                ack.note() == null || ack.note().isBlank() ? "acknowledged" : ack.note(),
                null));
      } else {
        LOG.info("command {} ({}) is not handled by this job yet", command.commandId(), a.type());
      }
    }
  }
}
