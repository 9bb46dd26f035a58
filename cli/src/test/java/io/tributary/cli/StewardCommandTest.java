package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tributary.cli.platform.PlatformTopicsSetup;
import io.tributary.model.ClientSettings;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;
import io.tributary.topics.holds.HoldEvent;
import io.tributary.topics.holds.HoldLog;

/**
 * {@code tributary steward hold|release|list} against a real broker: what is stored in which zone's topics, what is
 * refused, the audit trail.
 */
class StewardCommandTest extends CliCommandTest {
    private static final List<ZoneDescriptor> EXAMPLES = DescriptorLoader.loadDirectory(
            Path.of(System.getProperty("tributary.home", "..")).resolve("examples/zones").toAbsolutePath());
    @TempDir
    static Path dir;
    private static SecuredTestBroker broker;

    @BeforeAll
    static void start() throws IOException {
        broker = SecuredTestBroker.start(dir);
        // As `zones apply` does for the example zones (finance, hr): the steward's commands never create them.
        PlatformTopicsSetup.ensurePlatformTopics(ClientSettings.load(Path.of(broker.clientConfig())), EXAMPLES);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Every steward command here talks to the test broker as the platform. */
    @Override
    protected int run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--client-config";
        all[args.length + 1] = broker.clientConfig();
        return super.run(all);
    }

    @Test
    void holdListReleaseAndTheAuditTrail() {
        assertThat(run("steward", "list", "finance")).isZero();
        assertThat(out.toString()).contains("No dataset of zone finance is held.");

        assertThat(run("steward", "hold", "finance.expenses", "--reason", "totals do not match the ledger", "--by", "controller"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Held finance.expenses (by controller");

        assertThat(run("steward", "hold", "finance.expenses", "--reason", "again")).isNotZero();
        assertThat(err.toString()).contains("finance.expenses is already held by controller").contains("totals do not match the ledger");

        out.getBuffer().setLength(0);
        assertThat(run("steward", "list", "finance")).isZero();
        assertThat(out.toString()).contains("finance.expenses").contains("hold").contains("controller").contains("totals do not match");
        // Another zone's holds are its own topics: finance's hold is not there.
        out.getBuffer().setLength(0);
        assertThat(run("steward", "list", "hr")).isZero();
        assertThat(out.toString()).contains("No dataset of zone hr is held.").doesNotContain("finance.expenses");

        assertThat(run("steward", "release", "finance.expenses", "--reason", "ledger fixed", "--by", "controller")).isZero();
        assertThat(run("steward", "release", "finance.expenses")).isNotZero();
        assertThat(err.toString()).contains("finance.expenses is not held");

        HoldLog log = new HoldLog(broker.client(), "finance");
        assertThat(log.holdsTopic()).isEqualTo("_tributary.finance.holds");
        assertThat(log.held()).isEmpty();
        assertThat(log.current("finance", "expenses")).hasValueSatisfying(e -> assertThat(e.action()).isEqualTo(HoldEvent.Action.RELEASE));
        assertThat(log.history()).extracting(HoldEvent::action, HoldEvent::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(HoldEvent.Action.HOLD, "totals do not match the ledger"),
                org.assertj.core.groups.Tuple.tuple(HoldEvent.Action.RELEASE, "ledger fixed"));

        assertThat(new HoldLog(broker.client(), "hr").history()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("steward", "list", "finance", "--history")).isZero();
        assertThat(out.toString()).contains("release").contains("ledger fixed");
    }

    @Test
    void aZoneWhoseHoldTopicsTheClusterLacksIsNamedAndNothingIsCreated() throws Exception {
        assertThat(run("steward", "hold", "audit.claims", "--reason", "x")).isEqualTo(1);
        assertThat(err.toString()).contains("zone audit has no hold topics (_tributary.audit.holds, _tributary.audit.holds.audit)")
                .contains("tributary zones apply").doesNotContain("\tat ");
        try (Admin admin = Admin.create(broker.client())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("_tributary.audit.holds", "_tributary.audit.holds.audit");
        }
    }

    @Test
    void listNeedsTheZone() {
        assertThat(run("steward", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("<zone>");
        assertThat(run("steward", "list", "Finance")).isEqualTo(1);
        assertThat(err.toString()).contains("'Finance' is not a zone name");
    }

    @Test
    void aBadDatasetNameIsRefused() {
        assertThat(run("steward", "hold", "Finance-Expenses", "--reason", "x")).isNotZero();
        assertThat(err.toString()).contains("'Finance-Expenses' is not <zone>.<dataset>");
    }
}
