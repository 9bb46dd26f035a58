package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.topics.holds.HoldEvent;
import io.tributary.topics.holds.HoldLog;
import picocli.CommandLine;

/** {@code tributary steward hold|release|list} against a real broker: what is stored, what is refused, the audit trail. */
class StewardCommandTest {
    @TempDir
    static Path dir;
    private static SecuredTestBroker broker;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws IOException {
        broker = SecuredTestBroker.start(dir);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--client-config";
        all[args.length + 1] = broker.clientConfig();
        return cli.execute(all);
    }

    @Test
    void holdListReleaseAndTheAuditTrail() {
        assertThat(run("steward", "list")).isZero();
        assertThat(out.toString()).contains("No dataset is held.");

        assertThat(run("steward", "hold", "finance.expenses", "--reason", "totals do not match the ledger", "--by", "controller"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Held finance.expenses (by controller");

        assertThat(run("steward", "hold", "finance.expenses", "--reason", "again")).isNotZero();
        assertThat(err.toString()).contains("finance.expenses is already held by controller").contains("totals do not match the ledger");

        out.getBuffer().setLength(0);
        assertThat(run("steward", "list")).isZero();
        assertThat(out.toString()).contains("finance.expenses").contains("hold").contains("controller").contains("totals do not match");

        assertThat(run("steward", "release", "finance.expenses", "--reason", "ledger fixed", "--by", "controller")).isZero();
        assertThat(run("steward", "release", "finance.expenses")).isNotZero();
        assertThat(err.toString()).contains("finance.expenses is not held");

        HoldLog log = new HoldLog(broker.client());
        assertThat(log.held()).isEmpty();
        assertThat(log.current("finance", "expenses")).hasValueSatisfying(e -> assertThat(e.action()).isEqualTo(HoldEvent.Action.RELEASE));
        assertThat(log.history()).extracting(HoldEvent::action, HoldEvent::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HoldEvent.Action.HOLD, "totals do not match the ledger"),
                org.assertj.core.groups.Tuple.tuple(HoldEvent.Action.RELEASE, "ledger fixed"));

        out.getBuffer().setLength(0);
        assertThat(run("steward", "list", "--history")).isZero();
        assertThat(out.toString()).contains("release").contains("ledger fixed");
    }

    @Test
    void aBadDatasetNameIsRefused() {
        assertThat(run("steward", "hold", "Finance-Expenses", "--reason", "x")).isNotZero();
        assertThat(err.toString()).contains("'Finance-Expenses' is not <zone>.<dataset>");
    }
}
