package io.tributary.catalog.trino;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.tributary.catalog.SqlEngineException;

/** JDBC connections to the local Trino server, and waiting until it accepts queries. */
public final class TrinoConnections {
    private TrinoConnections() {
    }

    public static Connection open(String jdbcUrl, String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        // Athena's session time zone.
        properties.setProperty("timezone", "UTC");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /**
     * Waits until the server answers a query: its HTTP port opens well before it has loaded its
     * plugins and catalogs ("still initializing").
     *
     * @param alive false once the server process has died, to fail at once rather than at the timeout
     */
    public static void awaitReady(String jdbcUrl, Duration timeout, BooleanSupplier alive) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!alive.getAsBoolean()) {
                throw new SqlEngineException("The Trino server stopped before it was ready (" + last + ")");
            }
            try (Connection c = open(jdbcUrl, TrinoServerConfig.ADMIN); Statement s = c.createStatement()) {
                s.execute("SELECT count(*) FROM system.metadata.catalogs WHERE catalog_name = '" + TrinoServerConfig.CATALOG + "'");
                return;
            } catch (SQLException e) {
                last = e.getMessage();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SqlEngineException("Interrupted while waiting for Trino at " + jdbcUrl);
            }
        }
        throw new SqlEngineException("Trino at " + jdbcUrl + " was not ready after " + timeout.toSeconds() + " s: " + last);
    }
}
