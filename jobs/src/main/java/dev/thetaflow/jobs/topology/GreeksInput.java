package dev.thetaflow.jobs.topology;

import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.instrument.Contract;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What reaches {@link GreeksOperator}, keyed by the underlying's conId; on the wire as {@link
 * GreeksInputSerializer}.
 */
@TypeInfo(GreeksInputSerializer.Factory.class)
public sealed interface GreeksInput {

  /** The underlying whose options (and own quotes) this is about: the key. */
  long underlyingConId();

  /**
   * A quote of the underlying or of an option on it that some strategy holds, or IB's model Greeks
   * of such an option, as the router forwards them.
   */
  record Market(long underlyingConId, BrokerEvent event) implements GreeksInput {}

  /**
   * A strategy holds these options on the underlying: their Greeks go to it from now on.
   *
   * @param options the option contracts of its legs (other legs need no Greeks)
   */
  record Holding(long underlyingConId, String strategyId, List<Contract> options)
      implements GreeksInput {
    public Holding {
      options = List.copyOf(options);
    }
  }

  /**
   * A strategy closed: its options' Greeks go to it no more (nor are solved, once nobody holds
   * one).
   */
  record Released(long underlyingConId, String strategyId) implements GreeksInput {}
}
