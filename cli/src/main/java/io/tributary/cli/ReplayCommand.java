package io.tributary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.cli.platform.ComponentCommands;
import io.tributary.cli.platform.ComponentStatus;
import io.tributary.cli.platform.LocalPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-validates a dataset's landing records from an offset or a time with its current contract, "
                + "e.g. after a schema or rule fix.",
                "Records whose landing offset already reached staging are skipped, so nothing reaches staging twice; "
                        + "records rejected again are written to rejected again. Runs in the zone's validator."})
final class ReplayCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "<zone>.<dataset>")
    String dataset;

    @Option(names = "--from", required = true, paramLabel = "<offset|time>",
            description = "Landing offset (the same in every partition) or ISO-8601 time, e.g. 2024-05-01T10:00:00Z")
    String from;

    @Option(names = "--validator-url", description = "The zone validator's HTTP address (default: the local platform's validator of the zone)")
    String validatorUrl;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "How long to wait for the replay (ISO-8601 duration; default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    PlatformOptions platform;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        DatasetRef ref = DatasetRef.parse(dataset);
        if (!from.strip().matches("[0-9]{1,19}") && !from.contains("T")) {
            throw new UserFacingException("--from '" + from + "' is neither an offset (a whole number) nor an ISO-8601 time");
        }
        String url = validatorUrl != null ? validatorUrl : localValidator(ref.zone());
        String body = JSON.writeValueAsString(java.util.Map.of("dataset", ref.dataset(), "from", from.strip()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/replays")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UserFacingException("cannot reach the validator of zone " + ref.zone() + " at " + url + ": " + e.getMessage());
        }
        JsonNode answer = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new UserFacingException("the validator at " + url + " refused the replay of " + ref + " (HTTP " + response.statusCode()
                    + "): " + answer.path("error").asText(response.body()));
        }
        print(ref, answer, spec.commandLine().getOut());
        return 0;
    }

    static void print(DatasetRef ref, JsonNode r, PrintWriter out) {
        out.println("Replay " + r.path("replayId").asText() + " of " + ref + " from " + r.path("from").asText() + ":");
        for (JsonNode p : r.path("partitions")) {
            out.println("  partition " + p.path("partition").asInt() + ": offsets " + p.path("from").asLong() + " to "
                    + (p.path("to").asLong() - 1) + (p.path("to").asLong() <= p.path("from").asLong() ? " (nothing to replay)" : ""));
        }
        out.println("  " + r.path("scanned").asLong() + " landing records read, " + r.path("alreadyStaged").asLong()
                + " already in staging (skipped)");
        out.println("  " + r.path("accepted").asLong() + " to staging, " + r.path("rejected").asLong() + " to rejected");
        if (r.path("batchesPromoted").asLong() + r.path("batchesRejected").asLong() + r.path("batchesSkipped").asLong() > 0) {
            out.println("  batches: " + r.path("batchesPromoted").asLong() + " promoted, " + r.path("batchesRejected").asLong()
                    + " rejected, " + r.path("batchesSkipped").asLong() + " skipped (promoted before, open, or not complete)");
        }
        out.flush();
    }

    private String localValidator(String zone) {
        String name = ComponentCommands.validatorName(zone);
        return new LocalPlatform(platform.config()).status().stream()
                .filter(c -> c.name().equals(name) && c.state() == ComponentStatus.State.UP)
                .map(c -> c.address().split(" ")[0])
                .findFirst()
                .orElseThrow(() -> new UserFacingException("no running validator of zone " + zone + " in the local platform"
                        + " (see `tributary status`); give its address with --validator-url"));
    }
}
