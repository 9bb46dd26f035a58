package io.tributary.processors.app;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.common.annotation.Blocking;
import io.tributary.processors.replay.ReplayJob;
import io.tributary.processors.replay.ReplayStart;
import io.tributary.processors.topology.DatasetValidator;

/**
 * {@code POST /replays} with {@code {"dataset": "expenses", "from": "120" | "2024-05-01T10:00:00Z"}}
 * re-validates the dataset's landing records from there (see {@link ReplayJob}) and answers with
 * the report. One replay per dataset at a time (409 otherwise); 400 for an unknown dataset or a
 * bad start. What {@code tributary replay <zone>.<dataset> --from …} calls.
 */
@Path("/replays")
public class ReplayResource {
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    @Inject
    ValidatorSetup setup;

    @Inject
    KafkaSettings kafka;

    public record ReplayRequest(String dataset, String from) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response replay(ReplayRequest request) {
        if (request == null || request.dataset() == null || request.from() == null) {
            return error(400, "a replay needs {\"dataset\": <name>, \"from\": <offset or ISO-8601 time>}");
        }
        DatasetValidator validator = setup.validators().stream().filter(v -> v.dataset().name().equals(request.dataset()))
                .findFirst().orElse(null);
        if (validator == null) {
            return error(400, "zone " + setup.zone() + " has no dataset '" + request.dataset() + "' (datasets: "
                    + setup.validators().stream().map(v -> v.dataset().name()).toList() + ")");
        }
        ReplayStart start;
        try {
            start = ReplayStart.parse(request.from());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (!RUNNING.add(request.dataset())) {
            return error(409, "a replay of " + setup.zone() + "." + request.dataset() + " is already running");
        }
        try {
            ReplayJob job = new ReplayJob(setup.zone(), setup.scope().applicationId(), kafka.asMap());
            return Response.ok(job.run(validator, start)).build();
        } catch (RuntimeException e) {
            return error(500, "replay of " + setup.zone() + "." + request.dataset() + " failed: " + e.getMessage());
        } finally {
            RUNNING.remove(request.dataset());
        }
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON).build();
    }
}
