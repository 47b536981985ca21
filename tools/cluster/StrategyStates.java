// The states the strategies Delta table holds: one "strategy_id state rows" line per strategy and
// state, in the order first seen, for cluster-smoke.sh (the table has a row per snapshot). Run with the tradectl classpath:
//   java -cp jobs/target/classes:$(cat jobs/target/tradectl.classpath) tools/cluster/StrategyStates.java DATA
import dev.thetaflow.sinks.delta.DeltaReader;
import dev.thetaflow.sinks.delta.DeltaTables;
import java.nio.file.Path;

public class StrategyStates {
  public static void main(String[] args) {
    String table = Path.of(args[0]).resolve("strategies").toString();
    var rows = new DeltaReader(DeltaTables.withDefaultEngine().engine()).table(table).read();
    int id = rows.column("strategy_id");
    int state = rows.column("state");
    System.out.println("version " + rows.version() + ", " + rows.rows().size() + " rows");
    var counts = new java.util.LinkedHashMap<String, Integer>();
    rows.rows().forEach(r -> counts.merge(r[id] + " " + r[state], 1, Integer::sum));
    counts.forEach((k, n) -> System.out.println(k + " " + n));
  }
}
