package io.tributary.catalog;

import java.nio.file.Path;

/**
 * Writes the example finance lake into a folder, for trying `tributary sql` without the platform:
 * {@code java -cp <catalog test class path> io.tributary.catalog.ExampleLakeWriter <lake folder> [claims]}.
 */
public final class ExampleLakeWriter {
    private ExampleLakeWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path lake = Path.of(args[0]);
        int claims = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        ExampleLake example = new ExampleLake(lake, 50_000);
        example.writeExpenses(claims, 60, 1, Schemas.expenses(), null, 0);
        example.writeRejected(Math.max(10, claims / 20), 60, 1);
        System.out.println("Wrote " + claims + " expense claims and their rejects under " + lake);
    }
}
