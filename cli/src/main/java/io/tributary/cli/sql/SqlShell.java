package io.tributary.cli.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import io.tributary.catalog.SqlEngine;
import io.tributary.catalog.SqlEngineException;
import io.tributary.catalog.TableLocation;

/**
 * The interactive prompt of `tributary sql`: statements end with {@code ;} and may span lines,
 * arrow keys walk the history (kept in a file across sessions), Ctrl-C drops the statement being
 * typed, Ctrl-D or {@code quit} leaves. A failing statement prints the engine's message and the
 * prompt goes on. {@code tables}, {@code refresh}, {@code format table|csv|json} and {@code help}
 * are commands of the prompt.
 */
public final class SqlShell {
    private static final String HELP = """
            End each statement with ';' (it may span lines). Commands:
              tables                  the tables you can query
              refresh                 see tables and partitions the sink wrote since the prompt opened
              format table|csv|json   how results are printed
              quit                    leave (or Ctrl-D)""";

    private final Supplier<SqlEngine> engines;
    private final String engineName;
    private final Path historyFile;
    private final int maxRows;
    private OutputFormat format;
    private SqlEngine engine;

    /**
     * @param engines opens the engine over the lake as it is now (called again on {@code refresh})
     */
    public SqlShell(Supplier<SqlEngine> engines, String engineName, Path historyFile, OutputFormat format, int maxRows) {
        this.engines = engines;
        this.engineName = engineName;
        this.historyFile = historyFile;
        this.format = format;
        this.maxRows = maxRows;
    }

    /** Runs the prompt on the process's terminal until the user leaves. */
    public void run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            run(terminal);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the prompt on {@code terminal} (the process's, or one over streams in tests) until the
     * user leaves; the caller closes the terminal. The history is saved to its file on the way out.
     */
    public void run(Terminal terminal) {
        LineReader reader = null;
        try {
            Files.createDirectories(historyFile.toAbsolutePath().getParent());
            reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("tributary")
                    .parser(new StatementParser())
                    .variable(LineReader.HISTORY_FILE, historyFile)
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P > ")
                    .variable(LineReader.INDENTATION, 2)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            PrintWriter out = terminal.writer();
            out.println("Tributary SQL on " + engineName + ". End statements with ';'; 'help' for commands, 'quit' to leave.");
            loop(reader, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the history folder of " + historyFile + ": " + e.getMessage(), e);
        } finally {
            saveHistory(reader);
            closeEngine();
        }
    }

    private void saveHistory(LineReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // The session worked; only its history is lost.
            terminalWarning(reader, "History not saved to " + historyFile + ": " + e.getMessage());
        }
    }

    private static void terminalWarning(LineReader reader, String message) {
        reader.getTerminal().writer().println(message);
        reader.getTerminal().writer().flush();
    }

    private void loop(LineReader reader, PrintWriter out) {
        String prompt = "tributary:" + engineName.toLowerCase(Locale.ROOT).split(" ")[0] + "> ";
        while (true) {
            String input;
            try {
                input = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            String statement = input.strip();
            if (statement.isEmpty()) {
                continue;
            }
            if (!handle(statement, out)) {
                return;
            }
            out.flush();
        }
    }

    /** Runs one statement or command; false when the user leaves. */
    boolean handle(String input, PrintWriter out) {
        String command = input.replaceAll(";\\s*$", "").strip().toLowerCase(Locale.ROOT);
        switch (command) {
            case "quit", "exit", "\\q" -> {
                return false;
            }
            case "help", "\\?" -> out.println(HELP);
            case "tables", "\\d" -> withEngine(out, e -> {
                e.tables().stream().map(TableLocation::qualifiedName).forEach(out::println);
                return null;
            });
            case "refresh" -> {
                closeEngine();
                withEngine(out, e -> {
                    out.println(e.tables().size() + " table(s)");
                    return null;
                });
            }
            default -> {
                if (command.startsWith("format ")) {
                    setFormat(command.substring("format ".length()).strip(), out);
                } else {
                    withEngine(out, e -> {
                        format.write(e.query(input, maxRows), out);
                        return null;
                    });
                }
            }
        }
        return true;
    }

    private void setFormat(String name, PrintWriter out) {
        try {
            format = OutputFormat.valueOf(name.toUpperCase(Locale.ROOT));
            out.println("Results now print as " + name);
        } catch (IllegalArgumentException e) {
            out.println("No format '" + name + "': table, csv or json");
        }
    }

    /** The engine's failure is the statement's: its message is shown and the prompt goes on. */
    private void withEngine(PrintWriter out, Function<SqlEngine, Void> action) {
        try {
            if (engine == null) {
                engine = engines.get();
            }
            action.apply(engine);
        } catch (SqlEngineException e) {
            out.println(e.getMessage());
        }
    }

    private void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    /** A line is complete when it ends with ';' or is one of the prompt's commands. */
    static final class StatementParser extends DefaultParser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !complete(line)) {
                throw new EOFError(-1, -1, "statement not ended with ';'");
            }
            return super.parse(line, cursor, context);
        }

        static boolean complete(String line) {
            String text = line.strip();
            String lower = text.toLowerCase(Locale.ROOT);
            return text.isEmpty() || text.endsWith(";") || lower.matches("quit|exit|help|tables|refresh|\\\\q|\\\\\\?|\\\\d|format\\s+\\w+");
        }
    }
}
