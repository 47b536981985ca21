package dev.thetaflow.jobs.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.thetaflow.core.analytics.IvStatus;
import dev.thetaflow.core.analytics.OptionType;
import dev.thetaflow.core.broker.BrokerEvent;
import dev.thetaflow.core.broker.BrokerEvent.FillEvent;
import dev.thetaflow.core.broker.BrokerEvent.ModelGreeksEvent;
import dev.thetaflow.core.broker.BrokerEvent.QuoteEvent;
import dev.thetaflow.core.instrument.Contract;
import dev.thetaflow.core.market.MarketDataKind;
import dev.thetaflow.core.market.ModelGreeks;
import dev.thetaflow.core.market.ModelTickSource;
import dev.thetaflow.core.market.Quote;
import dev.thetaflow.core.order.Fill;
import dev.thetaflow.core.order.OrderRef;
import dev.thetaflow.core.risk.LegGreeks;
import dev.thetaflow.core.value.Money;
import dev.thetaflow.core.value.Side;
import dev.thetaflow.jobs.topology.Control;
import dev.thetaflow.jobs.topology.GreeksInput;
import dev.thetaflow.jobs.topology.GreeksInputSerializer;
import dev.thetaflow.jobs.topology.StrategyBroadcast;
import dev.thetaflow.jobs.topology.StrategyBroadcastSerializer;
import dev.thetaflow.jobs.topology.StrategyInput;
import dev.thetaflow.jobs.topology.StrategyInputSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Every kind of record survives the wire, by hand or by Kryo, value for value. */
class WireSerializersTest {
  private static final Instant T = Instant.parse("2026-11-24T14:30:07.123456789Z");
  private static final QuoteEvent QUOTE =
      new QuoteEvent(
          new Quote(700001019, 1.82, 1.87, Double.NaN, 12, 40, 0, T), MarketDataKind.DELAYED);
  private static final ModelGreeksEvent MODEL =
      new ModelGreeksEvent(
          new ModelGreeks(
              700001019, ModelTickSource.MODEL, 0.21, -0.3, 0.01, 0.2, -0.05, 1.85, 600.5, T),
          MarketDataKind.REAL_TIME);
  private static final Fill FILL =
      new Fill(
          "0001f4e8.01",
          OrderRef.parse("pv-1:ENTRY:1"),
          7,
          "DU1",
          700001019,
          Side.SELL,
          1,
          new BigDecimal("1.85"),
          Money.of(0.65, "USD"),
          T);

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(value, out);
    byte[] bytes = out.getCopyOfBuffer();
    T back = serializer.duplicate().deserialize(new DataInputDeserializer(bytes));
    // and through the snapshot, as a restored job would build it
    TypeSerializer<T> restored = serializer.snapshotConfiguration().restoreSerializer();
    assertThat(restored.deserialize(new DataInputDeserializer(bytes))).isEqualTo(back);
    return back;
  }

  @Test
  void brokerEventsRoundTrip() throws Exception {
    TypeSerializer<BrokerEvent> s = BrokerEventSerializer.TYPE.createSerializer(null);
    for (BrokerEvent e :
        List.of(
            QUOTE,
            MODEL,
            new FillEvent(FILL, "SPY", 42L),
            new BrokerEvent.DividendEvent(756733, 1.82, java.time.LocalDate.of(2026, 12, 19), T),
            BrokerEvent.DividendEvent.none(756733, T))) {
      assertThat(roundTrip(s, e)).isEqualTo(e);
    }
  }

  @Test
  void strategyInputsRoundTripAndFlinkPicksTheSerializerFromTheAnnotation() throws Exception {
    TypeInformation<StrategyInput> info = TypeInformation.of(StrategyInput.class);
    TypeSerializer<StrategyInput> s = info.createSerializer(null);
    assertThat(s).isInstanceOf(StrategyInputSerializer.class);
    for (StrategyInput in :
        List.of(
            new StrategyInput.Mark("pv-1", QUOTE),
            new StrategyInput.Solved(
                "pv-1",
                List.of(
                    new LegGreeks(7, 0.21, IvStatus.OK, -0.3, 0.01, 0.5, -12, -0.1, 1.05, 600, T),
                    new LegGreeks(
                        8,
                        Double.NaN,
                        IvStatus.BELOW_INTRINSIC,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        0.01,
                        600,
                        T))),
            new StrategyInput.Filled("pv-1", FILL),
            new StrategyInput.Close("pv-1", "test", T),
            new StrategyInput.Dividend(
                "pv-1",
                new BrokerEvent.DividendEvent(
                    756733, 1.82, java.time.LocalDate.of(2026, 12, 19), T)),
            new StrategyInput.OrderChanged(
                "pv-1", OrderRef.parse("pv-1:EXIT:2"), "CANCELLED", 0, T))) {
      assertThat(roundTrip(s, in)).isEqualTo(in);
    }
  }

  @Test
  void greeksInputsRoundTripAndFlinkPicksTheSerializerFromTheAnnotation() throws Exception {
    TypeInformation<GreeksInput> info = TypeInformation.of(GreeksInput.class);
    TypeSerializer<GreeksInput> s = info.createSerializer(null);
    assertThat(s).isInstanceOf(GreeksInputSerializer.class);
    for (GreeksInput in :
        List.of(
            new GreeksInput.Market(756733, QUOTE),
            new GreeksInput.Market(756733, MODEL),
            new GreeksInput.Holding(
                756733,
                "pv-1",
                List.of(
                    Contract.equityOption(
                        700001019,
                        "SPY",
                        LocalDate.of(2026, 12, 18),
                        590,
                        OptionType.PUT,
                        new BigDecimal("0.01")))))) {
      assertThat(roundTrip(s, in)).isEqualTo(in);
    }
  }

  @Test
  void strategyBroadcastsRoundTripAndFlinkPicksTheSerializerFromTheAnnotation() throws Exception {
    TypeInformation<StrategyBroadcast> info = TypeInformation.of(StrategyBroadcast.class);
    TypeSerializer<StrategyBroadcast> s = info.createSerializer(null);
    assertThat(s).isInstanceOf(StrategyBroadcastSerializer.class);
    for (StrategyBroadcast b :
        List.of(
            new StrategyBroadcast.Quoted(QUOTE, List.of("pv-1")),
            new StrategyBroadcast.Quoted(QUOTE, List.of("pv-1", "ic-2", "bench-000042")),
            new StrategyBroadcast.Controlled(Control.vix(23.5, T)),
            new StrategyBroadcast.Controlled(new Control(Control.Kind.KILL, "test", T)))) {
      assertThat(roundTrip(s, b)).isEqualTo(b);
    }
  }

  @Test
  void idsRoundTripAsAsciiBytesAndAnythingElseAsUtf() throws Exception {
    String longest = "a".repeat(63) + "Z";
    for (String id : List.of("pv-1", "x", longest, "bench-000042", "", "été-1", "a".repeat(300))) {
      DataOutputSerializer out = new DataOutputSerializer(16);
      WireFields.writeId(id, out);
      byte[] bytes = out.getCopyOfBuffer();
      DataInputDeserializer in = new DataInputDeserializer(bytes);
      assertThat(WireFields.readId(in)).isEqualTo(id);
      assertThat(in.available()).as("all of %s read", id).isZero();
      if (id.length() < 255 && id.chars().allMatch(c -> c < 0x80)) {
        assertThat(bytes).as("ASCII: a length byte and the characters").hasSize(1 + id.length());
      }
    }
  }
}
