package dev.thetaflow.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GreeksCommandTest {

  private static final String HEADER = "id,style,type,spot,strike,years,rate,div_yield,vol,price";

  @TempDir Path dir;

  private record Run(int exitCode, List<String> out, String err) {}

  private Run run(String csv) throws IOException {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, csv, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Tradectl.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("greeks", "--input", input.toString());
    return new Run(code, out.toString().lines().toList(), err.toString());
  }

  private static String[] fields(String line) {
    return CsvLine.split(line).toArray(String[]::new);
  }

  @Test
  void pricesTheTextbookCallAndPut() throws IOException {
    // S=100 K=100 T=1 r=5% q=0 vol=20%: call 10.450583572185565, put 5.573526022256971 (Hull).
    Run r =
        run(
            HEADER
                + "\nc,european,call,100,100,1,0.05,0,0.2,\np,european,put,100,100,1,0.05,0,0.2,\n");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().get(0)).isEqualTo(GreeksCsv.OUTPUT_HEADER);
    String[] call = fields(r.out().get(1));
    String[] put = fields(r.out().get(2));
    assertThat(call[0]).isEqualTo("c");
    assertThat(Double.parseDouble(call[1])).isCloseTo(10.450583572185565, within(1e-12));
    assertThat(Double.parseDouble(put[1])).isCloseTo(5.573526022256971, within(1e-12));
    // Closed forms at d1 = 0.35: N(d1) = 0.636830651175619, phi(d1) = 0.3752403469169379.
    assertThat(Double.parseDouble(call[2])).isCloseTo(0.636830651175619, within(1e-12));
    assertThat(Double.parseDouble(put[2])).isCloseTo(0.636830651175619 - 1, within(1e-12));
    assertThat(Double.parseDouble(call[4])).isCloseTo(100 * 0.3752403469169379, within(1e-9));
    assertThat(call[7]).isEmpty();
    assertThat(call[8]).isEqualTo(GreeksCsv.NO_PRICE);
  }

  @Test
  void solvesImpliedVolatilityAndPricesAtItWhenVolIsEmpty() throws IOException {
    Run r =
        run(
            HEADER
                + "\nwith-vol,european,call,100,100,1,0.05,0,0.3,10.450583572185565"
                + "\nno-vol,european,call,100,100,1,0.05,0,,10.450583572185565\n");
    assertThat(r.exitCode()).isZero();
    String[] withVol = fields(r.out().get(1));
    String[] noVol = fields(r.out().get(2));
    assertThat(Double.parseDouble(withVol[7])).isCloseTo(0.2, within(1e-12));
    assertThat(withVol[8]).isEqualTo("ok");
    // Greeks at the vol given (0.3), not at the implied one.
    assertThat(Double.parseDouble(withVol[1])).isGreaterThan(14.0);
    assertThat(Double.parseDouble(noVol[1])).isCloseTo(10.450583572185565, within(1e-9));
    assertThat(Double.parseDouble(noVol[7])).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void saysWhyNoVolatilityReproducesThePrice() throws IOException {
    Run r =
        run(
            HEADER
                + "\nlow,european,call,100,80,1,0.05,0,0.2,1.0"
                + "\nhigh,european,call,100,80,1,0.05,0,0.2,100.5"
                + "\nexpired,american,put,100,110,0,0.05,0,0.2,10\n");
    assertThat(r.exitCode()).isZero();
    assertThat(fields(r.out().get(1))[8]).isEqualTo("below_intrinsic");
    assertThat(fields(r.out().get(2))[8]).isEqualTo("above_upper_bound");
    assertThat(fields(r.out().get(3))[8]).isEqualTo("expired");
    assertThat(fields(r.out().get(1))[7]).isEmpty();
  }

  @Test
  void americanPutIsWorthAtLeastTheEuropeanAndItsIntrinsic() throws IOException {
    Run r =
        run(
            HEADER
                + "\neu,european,put,100,120,1,0.08,0,0.25,"
                + "\nam,american,put,100,120,1,0.08,0,0.25,\n");
    double european = Double.parseDouble(fields(r.out().get(1))[1]);
    double american = Double.parseDouble(fields(r.out().get(2))[1]);
    assertThat(american).isGreaterThan(european).isGreaterThanOrEqualTo(20.0);
  }

  @Test
  void malformedRowsAreReportedAndTheOthersAnswered() throws IOException {
    Run r =
        run(
            HEADER
                + "\nok1,european,call,100,100,1,0.05,0,0.2,"
                + "\nbad-style,bermudan,call,100,100,1,0.05,0,0.2,"
                + "\nbad-spot,european,call,abc,100,1,0.05,0,0.2,"
                + "\nneg-strike,european,put,100,-5,1,0.05,0,0.2,"
                + "\nshort,european,put,100"
                + "\nno-vol,european,put,100,100,1,0.05,0,,"
                + "\n\"unclosed,european,put,100,100,1,0.05,0,0.2,"
                + "\nok2,american,put,100,100,1,0.05,0,0.2,\n");
    assertThat(r.exitCode()).isEqualTo(GreeksCommand.SOME_ROWS_REJECTED);
    assertThat(r.out()).hasSize(3);
    assertThat(fields(r.out().get(1))[0]).isEqualTo("ok1");
    assertThat(fields(r.out().get(2))[0]).isEqualTo("ok2");
    assertThat(r.err())
        .contains("line 3 (id bad-style): style: 'bermudan' is not one of european or american")
        .contains("line 4 (id bad-spot): spot: 'abc' is not a number")
        .contains("line 5 (id neg-strike): strike: -5 is out of range, expected a number > 0")
        .contains("line 6 (id short): strike: missing")
        .contains("line 7 (id no-vol): vol: empty, and no price to imply it from")
        .contains("line 8 (id ?): unterminated quoted field")
        .contains("6 rejected");
  }

  @Test
  void columnsInAnyOrderWithExtrasAndQuotedIds() throws IOException {
    Run r =
        run(
            "note,vol,type,id,strike,spot,years,style,rate,div_yield\n"
                + "\"x, y\",0.2,put,\"SPY \"\"450\"\" P\",100,100,1,EUROPEAN,0.05,0\n");
    assertThat(r.exitCode()).isZero();
    String[] row = fields(r.out().get(1));
    assertThat(row[0]).isEqualTo("SPY \"450\" P");
    assertThat(Double.parseDouble(row[1])).isCloseTo(5.573526022256971, within(1e-12));
  }

  @Test
  void unusableInputIsRefusedWithTheMissingColumns() throws IOException {
    Run r = run("id,style,type,spot,strike,years\nx,european,call,1,1,1\n");
    assertThat(r.exitCode()).isEqualTo(GreeksCommand.UNUSABLE_INPUT);
    assertThat(r.err()).contains("lacks column(s) rate,div_yield,vol");
    assertThat(run("").err()).contains("missing CSV header");
  }
}
