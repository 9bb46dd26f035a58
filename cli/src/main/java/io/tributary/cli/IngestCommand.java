package io.tributary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import io.tributary.cli.ingress.IngressUpload;
import io.tributary.cli.platform.IngressConnectorConfigs;
import io.tributary.cli.platform.PlatformConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingests data into a zone's dataset.",
        subcommands = {IngestCommand.File.class})
final class IngestCommand {

    @Command(name = "file", mixinStandardHelpOptions = true,
            description = "Uploads a file (.csv, .jsonl, .xlsx, .parquet) into the local ingress bucket under <zone>/<dataset>/,"
                    + " where the ingress source connector picks it up as one batch.")
    static final class File implements Callable<Integer> {
        private static final Set<String> READ = Set.of("csv", "jsonl", "ndjson", "json", "xlsx", "parquet");

        @Parameters(index = "0", paramLabel = "<path>")
        Path path;

        @Parameters(index = "1", paramLabel = "<zone>.<dataset>")
        String dataset;

        @Option(names = "--bucket", defaultValue = IngressConnectorConfigs.BUCKET, description = "Ingress bucket (default: ${DEFAULT-VALUE})")
        String bucket;

        @Mixin
        PlatformOptions platform;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            DatasetRef ref = DatasetRef.parse(dataset);
            PlatformConfig config = platform.config();
            PrintWriter out = spec.commandLine().getOut();
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!READ.contains(extension)) {
                out.println("Note: the ingress source reads .csv, .jsonl, .xlsx and .parquet files; " + name
                        + " will be rejected as UNSUPPORTED_FORMAT.");
            }
            try (IngressUpload upload = new IngressUpload(config.s3Endpoint(), config.s3AccessKey(), config.s3SecretKey(), bucket)) {
                IngressUpload.Uploaded done = upload.upload(path, IngressUpload.key(ref.zone(), ref.dataset(), path));
                out.println("Uploaded " + path + " to " + done.url() + " (" + done.size() + " bytes, ETag " + done.eTag() + ").");
                out.println("It lands in " + ref.zone() + ".landing." + ref.dataset() + " as one batch; follow it with `tributary batches "
                        + ref + "`.");
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage());
            }
            out.flush();
            return 0;
        }
    }
}
